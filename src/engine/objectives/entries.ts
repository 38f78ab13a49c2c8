/**
 * Entry semantics shared by the per-entry objectives (focal, BCE), as in docs/maths.md §1: entry
 * (r, c) is positive when targets[r] = c+1, negative when targets[r] ≥ 0 otherwise, and ignored
 * (no loss, zero gradient) when targets[r] < 0.
 */

/** Label of entry (r, c) from its row's target: 1 positive, 0 negative, −1 ignored. */
export function entryLabel(target: number, c: number): 1 | 0 | -1 {
  if (target < 0) return -1;
  return target === c + 1 ? 1 : 0;
}
