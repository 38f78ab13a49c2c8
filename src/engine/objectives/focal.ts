/**
 * The focal loss of RetinaNet (Lin et al., ICCV 2017), the loss DR replaces (docs/maths.md §5),
 * over the same entries as DR.
 */
import { FOCAL_DEFAULTS, entryObjectives } from './entryObjectives.ts';
import type { FocalParams, FocalResult } from './entryObjectives.ts';

/**
 * Focal loss of R×K logits,
 *   FL = (1/max(1, n+)) Σ_entries −α_t (1 − p_t)^γf log p_t,
 * p_t = p, α_t = α for a positive entry; p_t = 1 − p, α_t = 1 − α for a negative one; n+ = number of
 * positive entries (= positive anchors: each has exactly one). From the logit x, with
 * p = σ(x), 1 − p = σ(−x), log p = −softplus(−x), log(1−p) = −softplus(x), so it is finite for every
 * finite x. When `gradLogits` (caller-owned, length R·K) is given, writes ∂FL/∂x into it:
 *   positive: α (1−p)^γf [γf·p·log p − (1−p)] / max(1, n+),
 *   negative: (1−α) p^γf [p − γf·(1−p)·log(1−p)] / max(1, n+),
 * (differentiating through dp/dx = p(1−p)), and 0 for ignored entries. Sums are Neumaier-compensated
 * (one pass with BCE: entryObjectives).
 *
 * @param logits row-major R×K logits (R = targets.length).
 * @param targets R targets: −1 ignored, 0 background, 1..K the class.
 * @param K number of classes (columns).
 * @throws RangeError on a malformed problem (see checkProblem).
 */
export function focalLoss(
  logits: Float64Array,
  targets: ArrayLike<number>,
  K: number,
  params: FocalParams = FOCAL_DEFAULTS,
  gradLogits?: Float64Array,
): FocalResult {
  return entryObjectives(logits, targets, K, params, { focal: gradLogits }).focal;
}
