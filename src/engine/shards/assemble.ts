/**
 * A problem's sorted scores put together from sorted parts: merging ascending runs gives the one
 * ascending order of the same scores, bit for bit what sortAscending gives on the whole, however the
 * scores were split into runs.
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
