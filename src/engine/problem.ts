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
  checkShape(logits.length, targets.length, K, gradLogits);
  for (let r = 0; r < targets.length; r++) {
    const t = targets[r]!;
    if (t > K) throw targetAboveK(r, t, K);
    if (!Number.isInteger(t)) throw new RangeError(`targets[${r}] = ${t} is not an integer`);
  }
}

/**
 * checkProblem for Int32Array targets (integers by their type), fused with the count `pool` needs:
 * one pass over the targets instead of two (pool's TypeScript path, and the error of its WebAssembly
 * path, which counts in simd.ts). Same errors, in the same order; returns the number of kept rows
 * (target ≥ 0) and of positive entries (target ≥ 1).
 */
export function checkAndCountTargets(
  logits: ArrayLike<number>,
  targets: Int32Array,
  K: number,
): { nRows: number; nPos: number } {
  checkShape(logits.length, targets.length, K);
  let nRows = 0;
  let nPos = 0;
  for (let r = 0; r < targets.length; r++) {
    const t = targets[r];
    if (t >= 0) {
      if (t > K) throw targetAboveK(r, t, K);
      nRows++;
      if (t > 0) nPos++;
    }
  }
  return { nRows, nPos };
}

/** checkProblem without the targets' pass: K, and R·K logits for R = targets.length. */
export function checkProblemShape(
  logits: ArrayLike<number>,
  targets: ArrayLike<number>,
  K: number,
): void {
  checkShape(logits.length, targets.length, K);
}

/** K, the number of logits and the gradient buffer against R rows. */
function checkShape(nLogits: number, R: number, K: number, gradLogits?: ArrayLike<number>): void {
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`K must be an integer ≥ 1, got ${K}`);
  if (nLogits !== R * K) {
    throw new RangeError(
      `logits.length (${nLogits}) must equal targets.length × K = ${R} × ${K} = ${R * K}`,
    );
  }
  if (gradLogits && gradLogits.length < R * K) {
    throw new RangeError(`gradLogits has ${gradLogits.length} entries, expected ≥ ${R * K}`);
  }
}

function targetAboveK(r: number, t: number, K: number): RangeError {
  return new RangeError(`targets[${r}] = ${t} exceeds K = ${K} (classes are 1..K)`);
}
