/**
 * The hot loops of `evaluate`: the sums of the closed-form distributions of Propositions 1 and 2
 * (paper §3.1, docs/maths.md §3),
 *   q_j = o_j·exp(σ·p_j/λ) / Σ_k o_k·exp(σ·p_k/λ),  σ = +1 for negatives (q−), −1 for positives (q+),
 * with o the original (prior) distribution of the set, written into a sums vector (layout.ts SUM_*),
 * and the scalars read back from it.
 */
import { expFast } from '../fastExp.ts';
import type { SetPrior, TiltSign } from '../types.ts';
import { gridExp, gridSize, gridTable } from './gridExp.ts';
import { simdKernels } from './simd.ts';
import { BLOCK, SUM_EXT, SUM_S, SUM_SCALE, SUM_SDP, SUM_SE2, SUM_W } from './layout.ts';

// Module-local aliases, so a transpiler's getter-backed import (CJS interop, Vite SSR) is read once,
// not once per element in the loops below.
const exp = expFast;
const gexp = gridExp;

/*
 * The four loops below (uniform by expFast, uniform by table, weighted, support) and segments.ts's
 * segmentLoop repeat one body on purpose: folding the table, the weight or the index gather into one
 * loop as options, even as never-taken tests, measured 4–25 % slower on some path (2·10⁶ entries,
 * alternating A/B runs), and these are the engine's hottest loops.
 */

/**
 * Computes e_j = w_j·exp(σ·(p_j − p_ext)/λ) (0 off the support of o), writing them into eOut unless it
 * is null, and S = Σe, Σe·(p − p_ext), σ/λ, W, p_ext, Σe² into `sums` (layout.ts SUM_*, length
 * ≥ SUM_LEN). One sum Σe·(p − p_ext) serves both the mean and the KL term: per entry one product
 * fewer than Σe·p and Σe·d, and no less accurate (p − p_ext is the difference both would round anyway). Shifting by the
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
  const simd = simdKernels();
  // the same doubles either way (simd.ts); WebAssembly SIMD when it is there
  if (simd !== null) simd.tiltUniform(p, ext, scale, M, eOut, sums);
  else if (M > 0) uniformGridLoop(p, ext, scale, gridTable(scale, ext, M), M, eOut, sums);
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
    // two partial sums per block, of its even and of its odd entries (the two lanes of simd.wat)
    let s0 = 0;
    let s1 = 0;
    let sdp0 = 0;
    let sdp1 = 0;
    let s20 = 0;
    let s21 = 0;
    let j = b;
    for (; j + 1 < end; j += 2) {
      const dp0 = p[j] - ext;
      const dp1 = p[j + 1] - ext;
      const e0 = exp(dp0 * scale);
      const e1 = exp(dp1 * scale);
      if (eOut !== null) {
        eOut[j] = e0;
        eOut[j + 1] = e1;
      }
      s0 += e0;
      s1 += e1;
      sdp0 += e0 * dp0;
      sdp1 += e1 * dp1;
      s20 += e0 * e0;
      s21 += e1 * e1;
    }
    if (j < end) {
      const dp = p[j] - ext;
      const e = exp(dp * scale);
      if (eOut !== null) eOut[j] = e;
      s0 += e;
      sdp0 += e * dp;
      s20 += e * e;
    }
    S += s0 + s1;
    Sdp += sdp0 + sdp1;
    S2 += s20 + s21;
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
    let s0 = 0;
    let s1 = 0;
    let sdp0 = 0;
    let sdp1 = 0;
    let s20 = 0;
    let s21 = 0;
    let j = b;
    for (; j + 1 < end; j += 2) {
      const p0 = p[j];
      const p1 = p[j + 1];
      const e0 = gexp(table, M, invM, scale, p0);
      const e1 = gexp(table, M, invM, scale, p1);
      if (eOut !== null) {
        eOut[j] = e0;
        eOut[j + 1] = e1;
      }
      s0 += e0;
      s1 += e1;
      sdp0 += e0 * (p0 - ext);
      sdp1 += e1 * (p1 - ext);
      s20 += e0 * e0;
      s21 += e1 * e1;
    }
    if (j < end) {
      const pj = p[j];
      const e = gexp(table, M, invM, scale, pj);
      if (eOut !== null) eOut[j] = e;
      s0 += e;
      sdp0 += e * (pj - ext);
      s20 += e * e;
    }
    S += s0 + s1;
    Sdp += sdp0 + sdp1;
    S2 += s20 + s21;
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
