/**
 * The closed-form distributions of Propositions 1 and 2 (paper §3.1, drloss-math.md §3):
 *   q_j = o_j·exp(σ·p_j/λ) / Σ_k o_k·exp(σ·p_k/λ),  σ = +1 for negatives (q−), −1 for positives (q+),
 * with o the original (prior) distribution of the set. These are the hot loops of `evaluate`.
 */
import { expFast } from '../fastExp.ts';
import { gridExp, gridSize, gridTable } from './gridExp.ts';

// Module-local aliases, so a transpiler's getter-backed import (CJS interop, Vite SSR) is read once,
// not once per element in the loops below.
const exp = expFast;
const gexp = gridExp;

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
export const SUM_SDP = 1; // Σ e_j·(p_j − p_ext)  (so P̂ = p_ext + SDP/S and Σe·d = (σ/λ)·SDP)
export const SUM_SCALE = 2; // σ/λ
export const SUM_W = 3; // W  = Σ w_j (total prior mass of the weights the e_j carry)
export const SUM_EXT = 4; // p_ext: max p (σ=+1) or min p (σ=−1) over the support of o
export const SUM_SE2 = 5; // Σ e_j² (so Σ q_j² = Σe²/S² without a pass over q)
export const SUM_LEN = 6;

/*
 * The four loops below (uniform by expFast, uniform by table, weighted, support) and segments.ts's
 * segmentLoop repeat one body on purpose: folding the table, the weight or the index gather into one
 * loop as options, even as never-taken tests, measured 4–25 % slower on some path (2·10⁶ entries,
 * alternating A/B runs), and these are the engine's hottest loops.
 */

/** Partial sums run over blocks of this many terms, then add up: error ~(B + n/B)·2^-53 instead of n·2^-53. */
export const BLOCK = 1024;

/**
 * Computes e_j = w_j·exp(σ·(p_j − p_ext)/λ) (0 off the support of o), writing them into eOut unless it
 * is null, and S = Σe, Σe·(p − p_ext), σ/λ, W, p_ext, Σe² into `sums` (length ≥ SUM_LEN). One sum
 * Σe·(p − p_ext) serves both the mean and the KL term: per entry one product fewer than Σe·p and
 * Σe·d, and no less accurate (p − p_ext is the difference both would round anyway). Shifting by the
 * extreme p of the support makes every exponent ≤ 0 (no overflow; the largest term is w, to a few
 * ulps). User weights are scaled by 1/Σw first (W = 1 then), so every e_j ≤ 1 and Σe² cannot
 * overflow. Caller-owned buffers, no allocation. An empty support leaves S = W = 0. A weights prior
 * whose weights sum to 0 is treated as uniform (types.ts OriginalDistribution).
 * `knownExt`, when not NaN, is the extreme of p for a uniform prior (max for σ = +1, min for σ = −1),
 * saving a pass; it must be exact. `unit` promises every p_j ∈ [0, 1] (sigmoid outputs, as in a Pooled
 * problem): large sets then take their exps from a per-call table (gridExp.ts, same accuracy).
 */
export function tiltSums(
  p: Float64Array,
  sign: TiltSign,
  lambda: number,
  prior: SetPrior,
  eOut: Float64Array | null,
  sums: Float64Array,
  knownExt = NaN,
  unit = false,
): void {
  const n = p.length;
  sums.fill(0);
  const scale = sign / lambda;
  sums[SUM_SCALE] = scale;
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
      const M = unit ? gridSize(scale, n) : 0;
      const table = M > 0 ? gridTable(scale, ext, M) : null;
      weightedLoop(p, w, 1 / W, ext, scale, table, M, eOut, sums);
      sums[SUM_W] = 1;
      sums[SUM_EXT] = ext;
      return;
    }
    // all-zero weights: uniform, as documented for OriginalDistribution 'weights'
  } else if (prior !== null) {
    const idx = prior.support;
    const m = idx.length;
    if (eOut !== null) eOut.fill(0);
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
  const M = unit ? gridSize(scale, n) : 0;
  if (M > 0) uniformGridLoop(p, ext, scale, gridTable(scale, ext, M), M, eOut, sums);
  else uniformLoop(p, ext, scale, eOut, sums);
  sums[SUM_W] = n;
  sums[SUM_EXT] = ext;
}

function uniformLoop(
  p: Float64Array,
  ext: number,
  scale: number,
  eOut: Float64Array | null,
  sums: Float64Array,
): void {
  const n = p.length;
  let S = 0;
  let Sdp = 0;
  let S2 = 0;
  for (let b = 0; b < n; b += BLOCK) {
    const end = b + BLOCK < n ? b + BLOCK : n;
    let s = 0;
    let sdp = 0;
    let s2 = 0;
    for (let j = b; j < end; j++) {
      const dp = p[j] - ext;
      const e = exp(dp * scale);
      if (eOut !== null) eOut[j] = e;
      s += e;
      sdp += e * dp;
      s2 += e * e;
    }
    S += s;
    Sdp += sdp;
    S2 += s2;
  }
  sums[SUM_S] = S;
  sums[SUM_SDP] = Sdp;
  sums[SUM_SE2] = S2;
}

/** uniformLoop with e_j = gridExp(…) from a table of gridTable(scale, ext, M) (p_j ∈ [0, 1]). */
function uniformGridLoop(
  p: Float64Array,
  ext: number,
  scale: number,
  table: Float64Array,
  M: number,
  eOut: Float64Array | null,
  sums: Float64Array,
): void {
  const n = p.length;
  const invM = 1 / M;
  let S = 0;
  let Sdp = 0;
  let S2 = 0;
  for (let b = 0; b < n; b += BLOCK) {
    const end = b + BLOCK < n ? b + BLOCK : n;
    let s = 0;
    let sdp = 0;
    let s2 = 0;
    for (let j = b; j < end; j++) {
      const pj = p[j];
      const e = gexp(table, M, invM, scale, pj);
      if (eOut !== null) eOut[j] = e;
      s += e;
      sdp += e * (pj - ext);
      s2 += e * e;
    }
    S += s;
    Sdp += sdp;
    S2 += s2;
  }
  sums[SUM_S] = S;
  sums[SUM_SDP] = Sdp;
  sums[SUM_SE2] = S2;
}

/** e_j = (w_j/W)·exp(d_j), by the table when one is given (M > 0), else by expFast. */
function weightedLoop(
  p: Float64Array,
  w: Float64Array,
  invW: number,
  ext: number,
  scale: number,
  table: Float64Array | null,
  M: number,
  eOut: Float64Array | null,
  sums: Float64Array,
): void {
  const n = p.length;
  const invM = 1 / M;
  let S = 0;
  let Sdp = 0;
  let S2 = 0;
  for (let b = 0; b < n; b += BLOCK) {
    const end = b + BLOCK < n ? b + BLOCK : n;
    let s = 0;
    let sdp = 0;
    let s2 = 0;
    for (let j = b; j < end; j++) {
      const wj = w[j];
      if (!(wj > 0)) {
        if (eOut !== null) eOut[j] = 0;
        continue;
      }
      const pj = p[j];
      const dp = pj - ext;
      const e = wj * invW * (table !== null ? gexp(table, M, invM, scale, pj) : exp(dp * scale));
      if (eOut !== null) eOut[j] = e;
      s += e;
      sdp += e * dp;
      s2 += e * e;
    }
    S += s;
    Sdp += sdp;
    S2 += s2;
  }
  sums[SUM_S] = S;
  sums[SUM_SDP] = Sdp;
  sums[SUM_SE2] = S2;
}

function supportLoop(
  p: Float64Array,
  idx: Int32Array,
  ext: number,
  scale: number,
  eOut: Float64Array | null,
  sums: Float64Array,
): void {
  const m = idx.length;
  let S = 0;
  let Sdp = 0;
  let S2 = 0;
  for (let b = 0; b < m; b += BLOCK) {
    const end = b + BLOCK < m ? b + BLOCK : m;
    let s = 0;
    let sdp = 0;
    let s2 = 0;
    for (let t = b; t < end; t++) {
      const j = idx[t];
      const dp = p[j] - ext;
      const e = exp(dp * scale);
      if (eOut !== null) eOut[j] = e;
      s += e;
      sdp += e * dp;
      s2 += e * e;
    }
    S += s;
    Sdp += sdp;
    S2 += s2;
  }
  sums[SUM_S] = S;
  sums[SUM_SDP] = Sdp;
  sums[SUM_SE2] = S2;
}

/**
 * P̂ = Σ q_j p_j = p_ext + Σe·(p − p_ext)/Σe (Propositions 1–2): absolute error a few 2^-53 (p ∈ [0, 1]).
 * NaN for an empty support.
 */
export function meanFromSums(sums: Float64Array): number {
  return sums[SUM_EXT] + sums[SUM_SDP] / sums[SUM_S];
}

/**
 * ε = KL(q‖o) = Σ q_j·log(q_j/o_j) = Σe·d/Σe − log(S/W), since log(q_j/o_j) = d_j − log(S/W). Clamped
 * at 0 (it is ≥ 0 exactly; rounding can leave −1e-17). 0 for an empty support.
 * Σe·d = (σ/λ)·Σe·(p − p_ext) is taken from the accumulated differences, not derived as
 * (σ/λ)·(P̂ − p_ext), which would carry an absolute error of 2^-53/λ. Accuracy: absolute, not relative, when the spread of p/λ on the support is small
 * (ε ≈ Var_o(p)/(2λ²)), since the two terms then cancel to first order: the error is that of
 * log(S/W), a few 2^-53 typically and at most ~(1024 + n/1024)·2^-53 (blocked sums). So ε is
 * 1e-9-relative only down to about ε = 1e-6.
 */
export function klFromSums(sums: Float64Array): number {
  const S = sums[SUM_S];
  if (!(S > 0)) return 0;
  const kl = (sums[SUM_SCALE] * sums[SUM_SDP]) / S - Math.log(S / sums[SUM_W]);
  return kl > 0 ? kl : 0;
}

/** Effective sample size 1/Σq_j² = S²/Σe_j² (q_j = e_j/S). NaN for an empty support. */
export function essFromSums(sums: Float64Array): number {
  const S = sums[SUM_S];
  return (S * S) / sums[SUM_SE2];
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
