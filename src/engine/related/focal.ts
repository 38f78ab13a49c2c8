/**
 * The focal loss of RetinaNet (Lin et al., ICCV 2017), the loss DR replaces (drloss-math.md §5),
 * over the same entries as DR.
 */
import { sigmoid, softplus } from '../numerics.ts';
import { checkProblem, entryLabel } from './entries.ts';
import { Neumaier } from './neumaier.ts';

/** Focal loss parameters; RetinaNet's defaults are FOCAL_DEFAULTS. */
export interface FocalParams {
  /** α ∈ [0,1], weight of the positives (negatives get 1 − α). */
  readonly alpha: number;
  /** γf ≥ 0, the focusing exponent; γf = 0 gives α-weighted cross-entropy. */
  readonly gamma: number;
}

/** RetinaNet's α = 0.25, γf = 2. */
export const FOCAL_DEFAULTS: FocalParams = Object.freeze({ alpha: 0.25, gamma: 2 });

/** The focal loss and its split; every field is already divided by `normaliser`. */
export interface FocalResult {
  /** FL = lossPos + lossNeg. */
  readonly loss: number;
  /** Σ over positive entries of −α(1−p)^γf log p, normalised. */
  readonly lossPos: number;
  /** Σ over negative entries of −(1−α) p^γf log(1−p), normalised. */
  readonly lossNeg: number;
  readonly nPos: number;
  readonly nNeg: number;
  /** max(1, number of positive anchors), the divisor RetinaNet uses. */
  readonly normaliser: number;
}

/**
 * Focal loss of R×K logits,
 *   FL = (1/max(1, n+)) Σ_entries −α_t (1 − p_t)^γf log p_t,
 * p_t = p, α_t = α for a positive entry; p_t = 1 − p, α_t = 1 − α for a negative one; n+ = number of
 * positive entries (= positive anchors: each has exactly one). From the logit x, with
 * p = σ(x), 1 − p = σ(−x), log p = −softplus(−x), log(1−p) = −softplus(x), so it is finite for every
 * finite x. When `gradLogits` (caller-owned, length R·K) is given, writes ∂FL/∂x into it:
 *   positive: α (1−p)^γf [γf·p·log p − (1−p)] / max(1, n+),
 *   negative: (1−α) p^γf [p − γf·(1−p)·log(1−p)] / max(1, n+),
 * (differentiating through dp/dx = p(1−p)), and 0 for ignored entries. Sums are Neumaier-compensated.
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
  const { alpha, gamma } = params;
  checkProblem(logits, targets, K, gradLogits);
  const R = targets.length;
  let nPos = 0;
  let nNeg = 0;
  // The normaliser is needed before the first gradient entry is written: count first.
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    if (t < 0) continue;
    const positives = t >= 1 ? 1 : 0;
    nPos += positives;
    nNeg += K - positives;
  }
  const normaliser = Math.max(1, nPos);
  const inv = 1 / normaliser;

  const sumPos = new Neumaier();
  const sumNeg = new Neumaier();
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    for (let c = 0; c < K; c++) {
      const i = r * K + c;
      const y = entryLabel(t, c);
      if (y < 0) {
        if (gradLogits) gradLogits[i] = 0;
        continue;
      }
      const x = logits[i];
      const p = sigmoid(x);
      const q = sigmoid(-x); // 1 − p without the cancellation near p = 1
      if (y === 1) {
        const logP = -softplus(-x);
        const w = alpha * Math.pow(q, gamma);
        sumPos.add(-w * logP);
        if (gradLogits) gradLogits[i] = w * (gamma * p * logP - q) * inv;
      } else {
        const logQ = -softplus(x);
        const w = (1 - alpha) * Math.pow(p, gamma);
        sumNeg.add(-w * logQ);
        if (gradLogits) gradLogits[i] = w * (p - gamma * q * logQ) * inv;
      }
    }
  }
  const lossPos = sumPos.value() * inv;
  const lossNeg = sumNeg.value() * inv;
  return { loss: lossPos + lossNeg, lossPos, lossNeg, nPos, nNeg, normaliser };
}
