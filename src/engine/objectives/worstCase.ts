/**
 * The worst-case pair objective of the paper's Eq. 5, the λ± → 0 limit of DR (docs/maths.md §3, §5):
 * only the highest-scoring negative and the lowest-scoring positive count.
 */
import { surrogate } from '../surrogates.ts';
import type { DRParams } from '../types.ts';

/** The worst pair and its loss. */
export interface WorstCaseResult {
  /** τ·ℓ(z), on the same scale as the DR loss it is the limit of. */
  readonly loss: number;
  /** z = max p− − min p+ + γ. */
  readonly z: number;
  /** max p− (0 when there is no negative, as P̂− of an empty set). */
  readonly maxNeg: number;
  /** min p+ (1 when there is no positive, as P̂+ of an empty set). */
  readonly minPos: number;
  /**
   * Position in pNeg of max p− (the lowest among ties; −1 without negatives); the flat entry is
   * Pooled.negIndex[maxNegIndex].
   */
  readonly maxNegIndex: number;
  /** Position in pPos of min p+ (the lowest among ties; −1 without positives). */
  readonly minPosIndex: number;
}

/**
 * Eq. 5: loss = τ·ℓ(max_{j−} p_{j−} − min_{j+} p_{j+} + γ) with the chosen surrogate ℓ (logistic
 * Eq. 8, quadratic Eq. 7 or the hinge). DR tends to it as λ+, λ− → 0 (P̂− → max p−, P̂+ → min p+);
 * the paper reports it fails to train (Table 3). Empty sets take DR's conventions (P̂+ = 1, P̂− = 0).
 *
 * @param pPos scores σ(x) of the positive entries (Pooled.pPos).
 * @param pNeg scores of the negative entries (Pooled.pNeg).
 * @param params γ, τ, the smoothing and its L or ρ (the DR parameters).
 */
export function worstCasePair(
  pPos: Float64Array,
  pNeg: Float64Array,
  params: Pick<DRParams, 'margin' | 'tau' | 'smoothing' | 'L' | 'rho'>,
): WorstCaseResult {
  let maxNeg = 0;
  let maxNegIndex = -1;
  for (let j = 0; j < pNeg.length; j++) {
    if (maxNegIndex < 0 || pNeg[j] > maxNeg) {
      maxNeg = pNeg[j];
      maxNegIndex = j;
    }
  }
  let minPos = 1;
  let minPosIndex = -1;
  for (let i = 0; i < pPos.length; i++) {
    if (minPosIndex < 0 || pPos[i] < minPos) {
      minPos = pPos[i];
      minPosIndex = i;
    }
  }
  return { ...worstCaseLoss(maxNeg, minPos, params), maxNeg, minPos, maxNegIndex, minPosIndex };
}

/**
 * Eq. 5 from the extremes themselves: z = maxNeg − minPos + γ and loss = τ·ℓ(z) (for callers that
 * already know them, e.g. from sorted scores; empty sets as worstCasePair: maxNeg 0, minPos 1).
 */
export function worstCaseLoss(
  maxNeg: number,
  minPos: number,
  params: Pick<DRParams, 'margin' | 'tau' | 'smoothing' | 'L' | 'rho'>,
): { readonly loss: number; readonly z: number } {
  const z = maxNeg - minPos + params.margin;
  return { loss: params.tau * surrogate(params.smoothing, z, params.L, params.rho).value, z };
}
