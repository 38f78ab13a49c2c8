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

/**
 * Rejects inputs the engine's pool() rejects too, so every objective sees the same problems: K not a
 * positive integer, logits.length ≠ R·K with R = targets.length, a target that is not an integer
 * ≤ K, or a gradient buffer shorter than R·K.
 *
 * @throws RangeError naming the first problem found.
 */
export function checkProblem(
  logits: Float64Array,
  targets: ArrayLike<number>,
  K: number,
  gradLogits?: Float64Array,
): void {
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`K must be an integer ≥ 1, got ${K}`);
  const n = targets.length * K;
  if (logits.length !== n) {
    throw new RangeError(`logits has ${logits.length} entries, expected R·K = ${n}`);
  }
  if (gradLogits && gradLogits.length < n) {
    throw new RangeError(`gradLogits has ${gradLogits.length} entries, expected ≥ ${n}`);
  }
  for (let r = 0; r < targets.length; r++) {
    const t = targets[r];
    if (!Number.isInteger(t) || t > K) {
      throw new RangeError(`targets[${r}] = ${t}: expected an integer ≤ K = ${K}`);
    }
  }
}
