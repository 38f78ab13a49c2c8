/**
 * Which negatives gradient descent raises (docs/maths.md §4, "very easy negatives are pushed up"):
 * ∂DR/∂p_j = s·q−_j·(1 + (p_j − P̂−)/λ−) for a negative, with s = τ·ℓ′(z) ≥ 0, so its sign is the sign
 * of p_j − c with c = P̂− − λ−. Below c, ∂DR/∂p < 0 and descent raises the score; only the weighted
 * mean P̂− is sure to go down (its change under descent is −s·Σ(∂P̂−/∂p_j)² ≤ 0).
 */
import type { ExplainerData } from '../../explain/types.ts';

/** The negatives' split by the sign of ∂DR/∂p, and the score c = P̂− − λ− where the sign changes. */
export interface RaisedNegatives {
  readonly threshold: number;
  /** Negatives with ∂DR/∂p < 0 (raised by descent), > 0 (lowered); null without per-entry detail. */
  readonly raised: number | null;
  readonly lowered: number | null;
  readonly total: number;
}

/** The split of `data`'s negatives for temperature λ− = `lambdaNeg`. */
export function raisedNegatives(data: ExplainerData, lambdaNeg: number): RaisedNegatives {
  const threshold = data.result.pMinus - lambdaNeg;
  const d = data.detail;
  if (d === null) {
    return { threshold, raised: null, lowered: null, total: data.result.nNeg };
  }
  let raised = 0;
  let lowered = 0;
  for (let i = 0; i < d.gradP.length; i++) {
    if (d.positive[i] !== 0) continue;
    if (d.gradP[i] < 0) raised++;
    else if (d.gradP[i] > 0) lowered++;
  }
  return { threshold, raised, lowered, total: data.result.nNeg };
}
