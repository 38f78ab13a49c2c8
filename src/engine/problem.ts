/**
 * The one check of a DR problem's shape, shared by pool() and the per-entry objectives, so every
 * computation accepts and rejects the same inputs (docs/maths.md §1): K a positive integer, R·K logits
 * for R = targets.length, every target an integer ≤ K (negative = ignored), and a gradient buffer, when
 * given, of at least R·K entries.
 *
 * @throws RangeError naming the first problem found.
 */
export function checkProblem(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  K: number,
  gradLogits?: ArrayLike<number>,
): void {
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`K must be an integer ≥ 1, got ${K}`);
  const R = targets.length;
  if (logits.length !== R * K) {
    throw new RangeError(
      `logits.length (${logits.length}) must equal targets.length × K = ${R} × ${K} = ${R * K}`,
    );
  }
  if (gradLogits && gradLogits.length < R * K) {
    throw new RangeError(`gradLogits has ${gradLogits.length} entries, expected ≥ ${R * K}`);
  }
  for (let r = 0; r < R; r++) {
    const t = targets[r]!;
    if (t > K) throw new RangeError(`targets[${r}] = ${t} exceeds K = ${K} (classes are 1..K)`);
    if (!Number.isInteger(t)) throw new RangeError(`targets[${r}] = ${t} is not an integer`);
  }
}
