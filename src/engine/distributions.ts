/**
 * The distributions of Propositions 1 and 2 (paper §3.1, docs/maths.md §3) as arrays, with their
 * scalars: q ∝ o·exp(σ·p/λ) over one set. What a caller wants one distribution at a time for; the
 * DR loss itself goes through `evaluate`, which runs the same kernel without keeping q apart.
 */
import { klFromSums, meanFromSums, tiltSums } from './kernels/tilted.ts';
import { SUM_LEN, SUM_S } from './kernels/layout.ts';
import type { SetPrior, TiltSign } from './types.ts';

/** A distribution q of Proposition 1 or 2 with its scalars. */
export interface TiltedDistribution {
  /** q_j, summing to 1 (empty for an empty set). */
  readonly q: Float64Array;
  /** P̂ = Σ q_j p_j; for an empty set the official code's conventions: 0 (negatives), 1 (positives). */
  readonly mean: number;
  /** ε = KL(q‖o), the implied constraint radius of Proposition 1. */
  readonly kl: number;
  /** 1/Σ q_j². */
  readonly ess: number;
}

/**
 * q ∝ o·exp(σ·p/λ) over one set with its mean P̂, ε = KL(q‖o) and effective sample size (writes q into
 * qOut when given, else allocates). σ = +1: Proposition 1 (negatives); σ = −1: Proposition 2 (positives).
 */
export function tiltedDistribution(
  p: Float64Array,
  sign: TiltSign,
  lambda: number,
  prior: SetPrior = null,
  qOut: Float64Array = new Float64Array(p.length),
): TiltedDistribution {
  if (!(lambda > 0)) throw new RangeError(`λ must be > 0, got ${lambda}`);
  if (qOut.length < p.length) throw new RangeError('qOut is shorter than p');
  const sums = new Float64Array(SUM_LEN);
  tiltSums(p, sign, lambda, prior, qOut, sums);
  const S = sums[SUM_S];
  if (!(S > 0)) return { q: qOut, mean: sign > 0 ? 0 : 1, kl: 0, ess: 0 };
  const inv = 1 / S;
  let sumQ2 = 0;
  for (let j = 0; j < p.length; j++) {
    const q = qOut[j] * inv;
    qOut[j] = q;
    sumQ2 += q * q;
  }
  return { q: qOut, mean: meanFromSums(sums), kl: klFromSums(sums), ess: 1 / sumQ2 };
}

/**
 * Proposition 1: q−_j = o_j·exp(p_j/λ−) / Σ_k o_k·exp(p_k/λ−), P̂− = Σ q−_j p_j (weight grows with the
 * score: hard negatives dominate as λ− → 0).
 */
export function negativeDistribution(
  pNeg: Float64Array,
  lambdaNeg: number,
  prior: SetPrior = null,
  qOut?: Float64Array,
): TiltedDistribution {
  return tiltedDistribution(pNeg, 1, lambdaNeg, prior, qOut);
}

/**
 * Proposition 2: q+_j = o_j·exp(−p_j/λ+) / Σ_k o_k·exp(−p_k/λ+), P̂+ = Σ q+_j p_j (note the minus: hard
 * positives have low p).
 */
export function positiveDistribution(
  pPos: Float64Array,
  lambdaPos: number,
  prior: SetPrior = null,
  qOut?: Float64Array,
): TiltedDistribution {
  return tiltedDistribution(pPos, -1, lambdaPos, prior, qOut);
}
