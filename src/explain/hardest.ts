/**
 * How concentrated DR's gradient is on the hardest negatives (issue panel 6): the share of the
 * negatives' total |∂DR/∂logit| that the top 1 % of negatives by score receive.
 */
import { topKIndices } from '../engine/index.ts';

/** The hardest fraction the share is reported for (1 %). */
export const HARDEST_FRACTION = 0.01;

/** How many negatives the hardest 1 % is: ⌈0.01·n−⌉, at least 1 for a non-empty set. */
export function hardestCount(nNeg: number): number {
  return nNeg === 0 ? 0 : Math.max(1, Math.ceil(HARDEST_FRACTION * nNeg));
}

/**
 * Positions (in pNeg) of the hardest 1 %: the ⌈1 %⌉ highest scores, ties to the lower position (the
 * engine's top-k rule). Depends on the scores only: compute once per set.
 */
export function hardestNegatives(pNeg: Float64Array): Int32Array {
  return topKIndices(pNeg, hardestCount(pNeg.length));
}

/**
 * share = Σ_{j ∈ hardest} |g_j| / Σ_j |g_j| over the negatives, with g_j = ∂DR/∂x_j =
 * ∂DR/∂p_j · p_j(1 − p_j) (the engine's own expression, so the same bits as its gradLogits). In
 * [0, 1]; 0 when there is no negative or every negative's gradient is 0. Sums are compensated.
 */
export function hardestShare(
  pNeg: Float64Array,
  gradPNeg: Float64Array,
  hardest: Int32Array,
): number {
  const n = pNeg.length;
  let s = 0;
  let c = 0;
  for (let j = 0; j < n; j++) {
    const p = pNeg[j];
    const v = Math.abs(gradPNeg[j] * p * (1 - p));
    const t = s + v;
    c += s >= v ? s - t + v : v - t + s;
    s = t;
  }
  const total = s + c;
  if (!(total > 0)) return 0;
  s = 0;
  c = 0;
  for (let i = 0; i < hardest.length; i++) {
    const j = hardest[i];
    const p = pNeg[j];
    const v = Math.abs(gradPNeg[j] * p * (1 - p));
    const t = s + v;
    c += s >= v ? s - t + v : v - t + s;
    s = t;
  }
  return Math.min(1, (s + c) / total);
}
