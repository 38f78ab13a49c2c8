/**
 * The closed-form distributions of Propositions 1 and 2 (paper §3.1, drloss-math.md §3):
 *   q_j = o_j·exp(σ·p_j/λ) / Σ_k o_k·exp(σ·p_k/λ),  σ = +1 for negatives (q−), −1 for positives (q+),
 * with o the original (prior) distribution of the set. These are the hot loops of `evaluate`.
 */
import { expFast } from './fastExp.ts';

// A module-local alias, so a transpiler's getter-backed import (CJS interop, Vite SSR) is read once,
// not once per element in the loops below.
const exp = expFast;

/**
 * The original distribution o restricted to one set, as the loops take it:
 * - null: uniform, o_j = 1/n;
 * - { support }: uniform over the listed positions (ascending, within the set), 0 elsewhere
 *   (the hard-negative prior);
 * - { weights }: o_j ∝ weights[j] ≥ 0 (same length as the set; need not be normalised).
 */
export type SetPrior = null | { readonly support: Int32Array } | { readonly weights: Float64Array };

/** Tilt direction σ: +1 for the negative set (Proposition 1), −1 for the positive set (Proposition 2). */
export type TiltSign = 1 | -1;

/** Slots of the sums vector written by `tiltSums`. */
export const SUM_S = 0; // S  = Σ e_j,  e_j = w_j·exp(d_j),  d_j = σ·(p_j − p_ext)/λ ≤ 0
export const SUM_SP = 1; // Σ e_j·p_j
export const SUM_SD = 2; // Σ e_j·d_j
export const SUM_W = 3; // W  = Σ w_j (total prior mass, unnormalised)
export const SUM_EXT = 4; // p_ext: max p (σ=+1) or min p (σ=−1) over the support of o
export const SUM_LEN = 5;

/** Partial sums run over blocks of this many terms, then add up: error ~(B + n/B)·2^-53 instead of n·2^-53. */
const BLOCK = 1024;

/**
 * Writes the unnormalised weights e_j = w_j·exp(σ·(p_j − p_ext)/λ) into eOut (0 off the support of o)
 * and S = Σe, Σe·p, Σe·d, W, p_ext into `sums` (length ≥ SUM_LEN). Shifting by the extreme p of the
 * support makes every exponent ≤ 0 (no overflow; the largest term is exactly w). Caller-owned buffers,
 * no allocation. An empty support leaves S = W = 0. A weights prior whose weights sum to 0 is treated
 * as uniform (types.ts OriginalDistribution). `knownExt`, when not NaN, is the extreme of p for a
 * uniform prior (max for σ = +1, min for σ = −1), saving a pass; it must be exact.
 */
export function tiltSums(
  p: Float64Array,
  sign: TiltSign,
  lambda: number,
  prior: SetPrior,
  eOut: Float64Array,
  sums: Float64Array,
  knownExt = NaN,
): void {
  const n = p.length;
  sums.fill(0);
  const scale = sign / lambda;
  if (n === 0) return;
  if (prior !== null && 'weights' in prior) {
    const w = prior.weights;
    let W = 0;
    let ext = sign > 0 ? -Infinity : Infinity;
    for (let j = 0; j < n; j++) {
      const wj = w[j];
      if (wj > 0) {
        W += wj;
        const pj = p[j];
        if (sign > 0 ? pj > ext : pj < ext) ext = pj;
      }
    }
    if (W > 0) {
      weightedLoop(p, w, ext, scale, eOut, sums);
      sums[SUM_W] = W;
      sums[SUM_EXT] = ext;
      return;
    }
    // all-zero weights: uniform, as documented for OriginalDistribution 'weights'
  } else if (prior !== null) {
    const idx = prior.support;
    const m = idx.length;
    eOut.fill(0);
    if (m === 0) return;
    let ext = sign > 0 ? -Infinity : Infinity;
    for (let t = 0; t < m; t++) {
      const pj = p[idx[t]];
      if (sign > 0 ? pj > ext : pj < ext) ext = pj;
    }
    supportLoop(p, idx, ext, scale, eOut, sums);
    sums[SUM_W] = m;
    sums[SUM_EXT] = ext;
    return;
  }
  let ext = knownExt;
  if (ext !== ext) ext = sign > 0 ? maxOf(p) : minOf(p);
  uniformLoop(p, ext, scale, eOut, sums);
  sums[SUM_W] = n;
  sums[SUM_EXT] = ext;
}

function uniformLoop(
  p: Float64Array,
  ext: number,
  scale: number,
  eOut: Float64Array,
  sums: Float64Array,
): void {
  const n = p.length;
  let S = 0;
  let Sp = 0;
  let Sd = 0;
  for (let b = 0; b < n; b += BLOCK) {
    const end = b + BLOCK < n ? b + BLOCK : n;
    let s = 0;
    let sp = 0;
    let sd = 0;
    for (let j = b; j < end; j++) {
      const pj = p[j];
      const d = (pj - ext) * scale;
      const e = exp(d);
      eOut[j] = e;
      s += e;
      sp += e * pj;
      sd += e * d;
    }
    S += s;
    Sp += sp;
    Sd += sd;
  }
  sums[SUM_S] = S;
  sums[SUM_SP] = Sp;
  sums[SUM_SD] = Sd;
}

function weightedLoop(
  p: Float64Array,
  w: Float64Array,
  ext: number,
  scale: number,
  eOut: Float64Array,
  sums: Float64Array,
): void {
  const n = p.length;
  let S = 0;
  let Sp = 0;
  let Sd = 0;
  for (let b = 0; b < n; b += BLOCK) {
    const end = b + BLOCK < n ? b + BLOCK : n;
    let s = 0;
    let sp = 0;
    let sd = 0;
    for (let j = b; j < end; j++) {
      const wj = w[j];
      if (!(wj > 0)) {
        eOut[j] = 0;
        continue;
      }
      const pj = p[j];
      const d = (pj - ext) * scale;
      const e = wj * exp(d);
      eOut[j] = e;
      s += e;
      sp += e * pj;
      sd += e * d;
    }
    S += s;
    Sp += sp;
    Sd += sd;
  }
  sums[SUM_S] = S;
  sums[SUM_SP] = Sp;
  sums[SUM_SD] = Sd;
}

function supportLoop(
  p: Float64Array,
  idx: Int32Array,
  ext: number,
  scale: number,
  eOut: Float64Array,
  sums: Float64Array,
): void {
  const m = idx.length;
  let S = 0;
  let Sp = 0;
  let Sd = 0;
  for (let b = 0; b < m; b += BLOCK) {
    const end = b + BLOCK < m ? b + BLOCK : m;
    let s = 0;
    let sp = 0;
    let sd = 0;
    for (let t = b; t < end; t++) {
      const j = idx[t];
      const pj = p[j];
      const d = (pj - ext) * scale;
      const e = exp(d);
      eOut[j] = e;
      s += e;
      sp += e * pj;
      sd += e * d;
    }
    S += s;
    Sp += sp;
    Sd += sd;
  }
  sums[SUM_S] = S;
  sums[SUM_SP] = Sp;
  sums[SUM_SD] = Sd;
}

/** P̂ = Σ q_j p_j = Σe·p / Σe (Propositions 1–2). NaN for an empty support. */
export function meanFromSums(sums: Float64Array): number {
  return sums[SUM_SP] / sums[SUM_S];
}

/**
 * ε = KL(q‖o) = Σ q_j·log(q_j/o_j) = Σe·d/Σe − log(S/W), since log(q_j/o_j) = d_j − log(S/W). Clamped
 * at 0 (it is ≥ 0 exactly; rounding can leave −1e-17). 0 for an empty support.
 * Σe·d is accumulated rather than derived as (σ/λ)·(P̂ − p_ext), which would carry an error of
 * 2^-53/λ. Accuracy: absolute, not relative, when the spread of p/λ on the support is small
 * (ε ≈ Var_o(p)/(2λ²)), since the two terms then cancel to first order: the error is that of
 * log(S/W), a few 2^-53 typically and at most ~(1024 + n/1024)·2^-53 (blocked sums). So ε is
 * 1e-9-relative only down to about ε = 1e-6.
 */
export function klFromSums(sums: Float64Array): number {
  const S = sums[SUM_S];
  if (!(S > 0)) return 0;
  const kl = sums[SUM_SD] / S - Math.log(S / sums[SUM_W]);
  return kl > 0 ? kl : 0;
}

/** max p (−Infinity when empty). */
export function maxOf(p: Float64Array): number {
  let m = -Infinity;
  for (let j = 0; j < p.length; j++) if (p[j] > m) m = p[j];
  return m;
}

/** min p (Infinity when empty). */
export function minOf(p: Float64Array): number {
  let m = Infinity;
  for (let j = 0; j < p.length; j++) if (p[j] < m) m = p[j];
  return m;
}

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
