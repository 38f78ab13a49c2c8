/**
 * One problem's pooled arrays and sorted scores put together from its shards' (shard order): what the
 * shards computed apart, bit for bit as pool and sortAscending give on the whole. Concatenating the
 * shards' pooled arrays in shard order is the whole problem's flat-index order (shards are blocks of
 * rows), with each shard's flat indices moved by its first entry; the extremes are a min and a max,
 * exact in any order; and merging ascending runs gives the one ascending order of the same scores.
 */
import type { Pooled } from '../types.ts';

/** A shard's pooled arrays and where its rows start. */
export interface PooledShard {
  readonly startRow: number;
  readonly pooled: Pooled;
}

/** The whole problem's Pooled from its shards (R rows × K classes). */
export function assemblePooled(R: number, K: number, shards: readonly PooledShard[]): Pooled {
  let nPos = 0;
  let nNeg = 0;
  for (const { pooled } of shards) {
    nPos += pooled.pPos.length;
    nNeg += pooled.pNeg.length;
  }
  const pPos = new Float64Array(nPos);
  const pNeg = new Float64Array(nNeg);
  const posIndex = new Int32Array(nPos);
  const negIndex = new Int32Array(nNeg);
  let posMin = Infinity;
  let negMax = -Infinity;
  let ip = 0;
  let ineg = 0;
  for (const { startRow, pooled } of shards) {
    const offset = startRow * K;
    pPos.set(pooled.pPos, ip);
    pNeg.set(pooled.pNeg, ineg);
    for (let j = 0; j < pooled.posIndex.length; j++) posIndex[ip + j] = pooled.posIndex[j] + offset;
    for (let j = 0; j < pooled.negIndex.length; j++)
      negIndex[ineg + j] = pooled.negIndex[j] + offset;
    ip += pooled.pPos.length;
    ineg += pooled.pNeg.length;
    if (pooled.posMin < posMin) posMin = pooled.posMin;
    if (pooled.negMax > negMax) negMax = pooled.negMax;
  }
  return { R, K, pPos, pNeg, posIndex, negIndex, posMin, negMax };
}

/**
 * The ascending merge of ascending runs (no NaN; −0 is not told from +0, and pooled scores, sigmoids,
 * are never −0): pairwise, so each pass is two sequential reads and
 * one sequential write, log2(runs) passes. Equal to sortAscending of their concatenation.
 */
export function mergeSortedRuns(runs: readonly Float64Array[]): Float64Array {
  let level: Float64Array[] = runs.slice();
  if (level.length === 0) return new Float64Array(0);
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(mergeTwo(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  // one run is returned as a copy, like every merge's result: the caller owns it
  return runs.length === 1 ? level[0].slice() : level[0];
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    // b's element first only when strictly smaller: equal values are interchangeable anyway
    if (y < x) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}
