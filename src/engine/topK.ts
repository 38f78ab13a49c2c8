/**
 * Selection of the k highest scores, ties broken by lower index: the support of the hard-negative
 * prior o (docs/maths.md §3, "o ∈ {0, 1/n̂}"). Expected O(n) (quickselect), O(n log n) worst case.
 */

/** Introselect: quickselect with median-of-3 pivots; after this many partition rounds, sort instead. */
function maxRounds(n: number): number {
  return 2 * Math.ceil(Math.log2(n + 1)) + 8;
}

/**
 * The value of rank `rank` (0 = smallest) of `a` in ascending order, rearranging `a` in place
 * (quickselect; O(n) expected, falls back to the native O(n log n) sort on the remaining range when the
 * pivots keep being poor). `a` must hold no NaN.
 */
export function selectInPlace(a: Float64Array, rank: number): number {
  let lo = 0;
  let hi = a.length - 1;
  let rounds = maxRounds(a.length);
  while (hi > lo) {
    if (rounds-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return a[rank];
    }
    const mid = (lo + hi) >>> 1;
    // median of a[lo], a[mid], a[hi] as pivot
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Hoare partition: [lo, j] ≤ pivot ≤ [i, hi]
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (rank <= j) hi = j;
    else if (rank >= i) lo = i;
    else return a[rank];
  }
  return a[rank];
}

/**
 * The k-th largest value of `values` (1 ≤ k < n). For k ≪ n a strided sample of 1024 values gives a
 * threshold θ a little below it; if at least k values are ≥ θ (checked, else the full path runs),
 * the exact answer is selected among those candidates only: ~2 cheap passes instead of copying and
 * partitioning all n values. The sample only affects speed, never the result.
 */
function kthLargest(values: Float64Array, k: number): number {
  const n = values.length;
  const m = 1024;
  if (n >= 8 * m && k <= n / 16) {
    const sample = new Float64Array(m);
    for (let i = 0; i < m; i++) sample[i] = values[Math.floor((i * n) / m)];
    sample.sort();
    const expected = (k * m) / n; // sample values expected above the true threshold
    const rank = Math.ceil(expected + 3 * Math.sqrt(expected) + 8); // margin ~3σ
    if (rank < m) {
      const theta = sample[m - 1 - rank];
      let c = 0;
      for (let i = 0; i < n; i++) if (values[i] >= theta) c++;
      if (c >= k) {
        const cand = new Float64Array(c);
        let o = 0;
        for (let i = 0; i < n; i++) {
          const v = values[i];
          if (v >= theta) cand[o++] = v;
        }
        return selectInPlace(cand, c - k);
      }
    }
  }
  return selectInPlace(values.slice(), n - k);
}

/**
 * Positions (ascending) of the k largest values of `values`, ties broken by lower position: the first
 * k of the order (value descending, position ascending). k ≥ n returns every position; k ≤ 0 none.
 * Expected O(n); allocates at most a copy of `values`.
 */
export function topKIndices(values: Float64Array, k: number): Int32Array {
  const n = values.length;
  if (k >= n) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  if (k <= 0) return new Int32Array(0);
  for (let i = 0; i < n; i++) {
    if (values[i] !== values[i]) throw new RangeError(`topKIndices: values[${i}] is NaN`);
  }
  const threshold = kthLargest(values, k);
  let above = 0;
  for (let i = 0; i < n; i++) if (values[i] > threshold) above++;
  let tiesWanted = k - above; // ≥ 1: the threshold itself is among the k largest
  const out = new Int32Array(k);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v > threshold) out[o++] = i;
    else if (v === threshold && tiesWanted > 0) {
      out[o++] = i;
      tiesWanted--;
    }
  }
  return out;
}
