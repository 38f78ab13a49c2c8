/**
 * Entry counts under the official semantics (docs/maths.md §1): entry (r, c) is positive when
 * targets[r] = c+1, negative when targets[r] ≥ 0 otherwise, ignored when targets[r] < 0.
 */

/** n+ and n− of R×K entries with these targets. */
export function countEntries(
  targets: Int32Array,
  K: number,
): { readonly nPos: number; readonly nNeg: number } {
  let nPos = 0;
  let rows = 0;
  for (let r = 0; r < targets.length; r++) {
    const t = targets[r];
    if (t < 0) continue;
    rows++;
    if (t > 0) nPos++;
  }
  return { nPos, nNeg: rows * K - nPos };
}

/** Per flat entry r·K + c: 1 positive, 0 negative, −1 ignored. */
export function entryLabels(targets: Int32Array, K: number): Int8Array {
  const labels = new Int8Array(targets.length * K);
  for (let r = 0; r < targets.length; r++) {
    const t = targets[r];
    for (let c = 0; c < K; c++) labels[r * K + c] = t < 0 ? -1 : t === c + 1 ? 1 : 0;
  }
  return labels;
}
