/**
 * Binary cross-entropy over the DR loss's entries (docs/maths.md §1), the per-entry baseline panel 1
 * compares against: how much of the total comes from the (many, easy) negatives.
 */
import { FOCAL_DEFAULTS, entryObjectives } from './entryObjectives.ts';
import type { BCEResult } from './entryObjectives.ts';

/**
 * Binary cross-entropy summed over the entries of R×K logits,
 *   BCE = Σ_{positives} −log σ(x) + Σ_{negatives} −log(1 − σ(x)),
 * evaluated from the logits as softplus(−x) and softplus(x) so it is finite for every finite x.
 * When `gradLogits` (caller-owned, length R·K) is given, writes ∂BCE/∂x = σ(x) − y into it, with 0
 * for ignored entries. Both sums are Neumaier-compensated (one pass with the focal loss:
 * entryObjectives).
 *
 * @param logits row-major R×K logits (R = logits.length / K).
 * @param targets R targets: −1 ignored, 0 background, 1..K the class.
 * @param K number of classes (columns).
 * @throws RangeError on a malformed problem (see checkProblem).
 */
export function binaryCrossEntropy(
  logits: Float64Array,
  targets: ArrayLike<number>,
  K: number,
  gradLogits?: Float64Array,
): BCEResult {
  // the shared pass (its focal half is the cheap part: same σ and log terms)
  return entryObjectives(logits, targets, K, FOCAL_DEFAULTS, { bce: gradLogits }).bce;
}
