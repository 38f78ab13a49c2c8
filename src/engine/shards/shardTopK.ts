/**
 * The hard-negative prior over shards (docs/maths.md §3.2: uniform over the k highest-scoring
 * negatives, ties to the lower index). Every member of the global top k is in its own shard's top k,
 * so each shard sends its top-k candidates and the merge keeps everything above the global k-th value
 * plus, of the candidates equal to it, the first ones in global order (shard order, then position).
 */
import { selectInPlace, topKIndices } from '../topK.ts';

/** One shard's candidates: its min(k, n) highest negatives (positions ascending) and their scores. */
export interface TopKCandidates {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

export function shardTopKCandidates(pNeg: Float64Array, k: number): TopKCandidates {
  const index = topKIndices(pNeg, Math.min(k, pNeg.length));
  const value = new Float64Array(index.length);
  for (let t = 0; t < index.length; t++) value[t] = pNeg[index[t]];
  return { index, value };
}

/**
 * Each shard's part of the global top-k support (local positions, ascending), from every shard's
 * candidates in shard order; null when k ≥ the number of negatives (the prior is then uniform, as the
 * engine's setPriors), checked by the caller through `nNeg`.
 */
export function mergeTopK(
  parts: readonly TopKCandidates[],
  k: number,
  nNeg: number,
): Int32Array[] | null {
  if (k >= nNeg) return null;
  if (k <= 0) return parts.map(() => new Int32Array(0));
  let total = 0;
  for (const c of parts) total += c.value.length;
  const all = new Float64Array(total);
  let at = 0;
  for (const c of parts) {
    all.set(c.value, at);
    at += c.value.length;
  }
  // the k-th largest = rank total − k in ascending order
  const threshold = selectInPlace(all, total - k);
  let above = 0;
  for (const c of parts) for (const v of c.value) if (v > threshold) above++;
  let ties = k - above;
  return parts.map((c) => {
    const keep: number[] = [];
    for (let t = 0; t < c.index.length; t++) {
      const v = c.value[t];
      if (v > threshold) keep.push(c.index[t]);
      else if (v === threshold && ties > 0) {
        keep.push(c.index[t]);
        ties--;
      }
    }
    return Int32Array.from(keep);
  });
}
