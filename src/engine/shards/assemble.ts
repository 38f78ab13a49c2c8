/**
 * A problem's sorted scores put together from sorted parts: merging ascending runs, or putting sorted
 * value ranges end to end, gives the one ascending order of the same scores, bit for bit what
 * sortAscending gives on the whole, however the scores were split.
 */

/**
 * The ascending merge of ascending runs (no NaN; −0 is not told from +0, and pooled scores, sigmoids,
 * are never −0): pairwise, so each pass is two sequential reads and
 * one sequential write, log2(runs) passes. Equal to sortAscending of their concatenation. A single
 * run is returned as it is (not copied).
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
  return level[0];
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

/**
 * Scores cut into value ranges at `splits` (ascending): range r holds, in their order, the scores s of
 * `parts` (in order) with splits[r − 1] ≤ s < splits[r] (no lower bound for the first, no upper for the
 * last). Each range sorted on its own and the ranges put end to end (joinRanges) are the ascending
 * order of all the scores: how the workers of a pool sort one set between them without a merge.
 */
export function cutRanges(parts: readonly Float64Array[], splits: Float64Array): Float64Array[] {
  if (splits.length === 1) return cutInTwo(parts, splits[0]);
  const ranges = splits.length + 1;
  const count = new Int32Array(ranges);
  // each score's range, found once (the first pass) and read back by the second
  if (ranges > 256) throw new RangeError('at most 256 value ranges');
  const rangeIds = parts.map((p) => new Uint8Array(p.length));
  // A pool has a few workers: up to 3 splits are compared from locals, more by a scan. The range is
  // a sum of comparisons, not branches: scores fall on either side of a split at random, so a branch
  // there mispredicts about every other score (this pass took ~2× as long with them, 10⁶ scores).
  const a = splits.length > 0 ? splits[0] : Infinity;
  const b = splits.length > 1 ? splits[1] : Infinity;
  const c = splits.length > 2 ? splits[2] : Infinity;
  const scan = splits.length > 3;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const ids = rangeIds[k];
    for (let i = 0; i < p.length; i++) {
      const s = p[i];
      let r = Number(s >= a) + Number(s >= b) + Number(s >= c);
      if (scan) while (r < splits.length && s >= splits[r]) r++;
      ids[i] = r;
      count[r]++;
    }
  }
  const out = Array.from(count, (n) => new Float64Array(n));
  const at = new Int32Array(ranges);
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const ids = rangeIds[k];
    for (let i = 0; i < p.length; i++) {
      const r = ids[i];
      out[r][at[r]++] = p[i];
    }
  }
  return out;
}

/**
 * cutRanges at one split (a pool of two workers): every score is written to the end of both ranges
 * and only its own range's end moves on, so no branch depends on the score (~1.3× faster than the
 * general pass at 10⁶ scores in Node, and no array of range ids). Each range has one slot more than
 * its scores, for the write that the other range's scores make past its end; the returned arrays are
 * views of its scores only.
 */
function cutInTwo(parts: readonly Float64Array[], split: number): Float64Array[] {
  let nLow = 0;
  let n = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) nLow += Number(p[i] < split);
    n += p.length;
  }
  const low = new Float64Array(nLow + 1);
  const high = new Float64Array(n - nLow + 1);
  let l = 0;
  let h = 0;
  for (const p of parts) {
    for (let i = 0; i < p.length; i++) {
      const s = p[i];
      const below = Number(s < split);
      low[l] = s;
      high[h] = s;
      l += below;
      h += 1 - below;
    }
  }
  return [low.subarray(0, nLow), high.subarray(0, n - nLow)];
}

/**
 * Sorted value ranges (cutRanges' order) put end to end; a single range is returned as it is. `into`,
 * when given, is the array to fill (its length must be the ranges' total): a caller that knows the
 * total early can allocate it, and take its page faults, while it waits for the ranges.
 */
export function joinRanges(ranges: readonly Float64Array[], into?: Float64Array): Float64Array {
  if (ranges.length === 1) return ranges[0];
  const total = ranges.reduce((n, r) => n + r.length, 0);
  if (into !== undefined && into.length !== total) {
    throw new RangeError(`joinRanges: into has ${into.length} entries, the ranges ${total}`);
  }
  const out = into ?? new Float64Array(total);
  let at = 0;
  for (const r of ranges) {
    out.set(r, at);
    at += r.length;
  }
  return out;
}
