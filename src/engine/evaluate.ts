/**
 * The parameter-dependent half of the DR loss (docs/maths.md §3–4): given a Pooled problem, the two
 * distributions q±, their means P̂±, z, the loss τ·ℓ(z) and the exact gradient, in two fused passes
 * per set (exp + sums, then normalise + gradient) over caller-owned buffers.
 */
import { cacheFor } from './evaluateCache.ts';
import type { EvaluateCache, SetSumsMemo } from './evaluateCache.ts';
import { SUM_LEN, SUM_S } from './kernels/layout.ts';
import { simdKernels } from './kernels/simd.ts';
import { essFromSums, klFromSums, meanFromSums, tiltSums } from './kernels/tilted.ts';
import { validateParams } from './params.ts';
import { setPriors } from './priors.ts';
import { surrogate } from './surrogates.ts';
import type { DRParams, DRResult, Pooled, SetPrior, TiltSign, Workspace } from './types.ts';

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Write ∂DR/∂logit into ws.gradLogits (default true); false skips that scatter. */
  readonly gradLogits?: boolean;
  /**
   * Write the per-entry arrays q±, ∂DR/∂p and ∂DR/∂logit into the workspace (default true). false
   * computes the scalars only (one pass per set, no stores; the workspace is left as it was, and
   * gradLogits is ignored): what a readout of the loss, P̂±, ε± and ESS± needs.
   */
  readonly perEntry?: boolean;
  /**
   * A memo of `pooled` the caller owns (createEvaluateCache), for repeated evaluations of one problem:
   * hard-negative supports and gathered weights are kept, and a scalars-only evaluation reuses a
   * set's sums when its λ and prior are those of the last evaluation. Absent: nothing is reused.
   * Same numbers with and without it, bit for bit.
   */
  readonly cache?: EvaluateCache | undefined;
}

/**
 * Buffers for `evaluate` on `pooled`: qPos/gradPPos of length n+, qNeg/gradPNeg of length n−,
 * gradLogits of length R·K (zero-initialised). Reusable across any number of evaluations of it.
 */
export function createWorkspace(pooled: Pooled): Workspace {
  const nPos = pooled.pPos.length;
  const nNeg = pooled.pNeg.length;
  return {
    qPos: new Float64Array(nPos),
    qNeg: new Float64Array(nNeg),
    gradPPos: new Float64Array(nPos),
    gradPNeg: new Float64Array(nNeg),
    gradLogits: new Float64Array(pooled.R * pooled.K),
  };
}

function checkWorkspace(pooled: Pooled, ws: Workspace): void {
  const nPos = pooled.pPos.length;
  const nNeg = pooled.pNeg.length;
  if (
    ws.qPos.length !== nPos ||
    ws.gradPPos.length !== nPos ||
    ws.qNeg.length !== nNeg ||
    ws.gradPNeg.length !== nNeg ||
    ws.gradLogits.length !== pooled.R * pooled.K
  ) {
    throw new RangeError(
      `workspace does not fit the pooled problem (n+ = ${nPos}, n− = ${nNeg}, R·K = ${pooled.R * pooled.K}): use createWorkspace(pooled)`,
    );
  }
}

function priorKey(prior: SetPrior): Int32Array | Float64Array | null {
  return prior === null ? null : 'support' in prior ? prior.support : prior.weights;
}

/**
 * tiltSums of one set into `sums`, returning the memo of what it computed (null when there is no cache
 * to keep it in). When no per-entry output is wanted (eOut null) and λ and the prior are those of
 * `memo`, the memo's sums are copied instead: a scalars-only evaluation after a change of the other
 * set's λ, of γ, τ, L or ρ costs no exp here.
 */
function setSums(
  p: Float64Array,
  sign: TiltSign,
  lambda: number,
  prior: SetPrior,
  eOut: Float64Array | null,
  sums: Float64Array,
  ext: number,
  cache: EvaluateCache | null,
  memo: SetSumsMemo | null,
): SetSumsMemo | null {
  const key = priorKey(prior);
  if (eOut === null && memo !== null && memo.lambda === lambda && memo.priorKey === key) {
    sums.set(memo.sums);
    return memo;
  }
  // pooled scores are sigmoids, in [0, 1]: tiltSums may take its exps from a table
  tiltSums(p, sign, lambda, prior, eOut, sums, ext, true);
  return cache === null ? null : { lambda, priorKey: key, sums: sums.slice() };
}

/**
 * Normalises q_j = e_j/S in place and writes the gradient of one set (docs/maths.md §4):
 *   ∂DR/∂p_j = g0·q_j·(1 + σ·(p_j − P̂)/λ)     (g0 = +τℓ'(z), σ = +1 for negatives;
 *                                              g0 = −τℓ'(z), σ = −1 for positives),
 *   ∂DR/∂x_j = ∂DR/∂p_j · p_j·(1 − p_j)       (through the sigmoid, as autograd: p the float64 σ(x)).
 * `sigmaOverLambda` is σ/λ; gradLogits null skips the scatter into flat indices.
 */
function gradientPass(
  p: Float64Array,
  q: Float64Array,
  invS: number,
  mean: number,
  sigmaOverLambda: number,
  g0: number,
  gradP: Float64Array,
  index: Int32Array,
  gradLogits: Float64Array | null,
): void {
  const n = p.length;
  if (gradLogits === null) {
    for (let j = 0; j < n; j++) {
      const qj = q[j] * invS;
      q[j] = qj;
      gradP[j] = g0 * qj * (1 + (p[j] - mean) * sigmaOverLambda);
    }
    return;
  }
  for (let j = 0; j < n; j++) {
    const pj = p[j];
    const qj = q[j] * invS;
    q[j] = qj;
    const g = g0 * qj * (1 + (pj - mean) * sigmaOverLambda);
    gradP[j] = g;
    gradLogits[index[j]] = g * pj * (1 - pj);
  }
}

/**
 * gradientPass restricted to the support of a hard-negative prior (q = 0, hence ∂ = 0, elsewhere:
 * the caller zeroes gradP and gradLogits first). O(k) instead of O(n−). A separate loop on purpose:
 * gradientPass with an optional index gather measured 25–50 % slower on the uniform path (2·10⁶
 * entries, alternating A/B runs).
 */
function supportGradientPass(
  p: Float64Array,
  q: Float64Array,
  support: Int32Array,
  invS: number,
  mean: number,
  sigmaOverLambda: number,
  g0: number,
  gradP: Float64Array,
  index: Int32Array,
  gradLogits: Float64Array | null,
): void {
  for (let t = 0; t < support.length; t++) {
    const j = support[t];
    const pj = p[j];
    const qj = q[j] * invS;
    q[j] = qj;
    const g = g0 * qj * (1 + (pj - mean) * sigmaOverLambda);
    gradP[j] = g;
    if (gradLogits !== null) gradLogits[index[j]] = g * pj * (1 - pj);
  }
}

/** Normalise + gradient for one set, dispatching on its prior. */
function setGradient(
  p: Float64Array,
  prior: SetPrior,
  q: Float64Array,
  sums: Float64Array,
  mean: number,
  sigmaOverLambda: number,
  g0: number,
  gradP: Float64Array,
  index: Int32Array,
  gradLogits: Float64Array | null,
): void {
  const invS = 1 / sums[SUM_S];
  if (prior !== null && 'support' in prior) {
    gradP.fill(0);
    supportGradientPass(
      p,
      q,
      prior.support,
      invS,
      mean,
      sigmaOverLambda,
      g0,
      gradP,
      index,
      gradLogits,
    );
    return;
  }
  // the same doubles either way (kernels/simd.ts); WebAssembly SIMD when it is there
  const simd = simdKernels();
  if (simd !== null) simd.gradient(p, q, invS, mean, sigmaOverLambda, g0, gradP, index, gradLogits);
  else gradientPass(p, q, invS, mean, sigmaOverLambda, g0, gradP, index, gradLogits);
}

/**
 * One evaluation of the DR loss on a pooled problem (paper Eq. 6 with Propositions 1–2 and the
 * surrogate of Eq. 7/8):
 *   q−_j ∝ o_j·exp(p_j/λ−), P̂− = Σ q−_j p_j  (0 without negatives),
 *   q+_j ∝ o_j·exp(−p_j/λ+), P̂+ = Σ q+_j p_j (1 without positives),
 *   z = P̂− − P̂+ + γ,  DR = τ·ℓ(z),
 * plus ε± = KL(q±‖o) and 1/Σq² per set. Writes q± into ws.qPos/qNeg, ∂DR/∂p into ws.gradPPos/gradPNeg
 * and, unless options.gradLogits === false, ∂DR/∂logit into ws.gradLogits (0 for ignored entries);
 * with options.perEntry === false it writes nothing (see evaluateScalars).
 * Allocates nothing proportional to the problem, except a hard-negative support (O(k)) that
 * options.cache does not already hold. `pooled` must not have been mutated since `pool` made it (its
 * posMin and negMax shift every exponent).
 *
 * @throws RangeError for invalid params or a workspace not made for `pooled`.
 */
export function evaluate(
  pooled: Pooled,
  params: DRParams,
  ws: Workspace,
  options: EvaluateOptions = {},
): DRResult {
  checkWorkspace(pooled, ws);
  return run(
    pooled,
    params,
    options.perEntry === false ? null : ws,
    options.gradLogits !== false,
    options.cache ?? null,
  );
}

/**
 * The scalars of `evaluate` (loss, P̂±, z, τℓ'(z), n±, ε±, ESS±) without a workspace: one pass per set
 * that stores nothing, so it costs one exp and a few adds per entry and no memory proportional to
 * the problem. Same numbers as evaluate's, bit for bit. With `cache` (caller-owned:
 * createEvaluateCache), a set whose λ and prior did not change since the last evaluation of `pooled`
 * through the same cache costs no pass at all (evaluate's options.cache).
 *
 * @throws RangeError for invalid params.
 */
export function evaluateScalars(pooled: Pooled, params: DRParams, cache?: EvaluateCache): DRResult {
  return run(pooled, params, null, false, cache ?? null);
}

function run(
  pooled: Pooled,
  params: DRParams,
  ws: Workspace | null,
  wantGradLogits: boolean,
  cache: EvaluateCache | null,
): DRResult {
  validateParams(params);
  const { pPos, pNeg } = pooled;
  const nPos = pPos.length;
  const nNeg = pNeg.length;
  const memo = cache === null ? null : cacheFor(cache, pooled);
  const priors = setPriors(pooled, params.original, memo ?? undefined);
  // two six-slot vectors per call: nothing beside the passes, and no state outside the call
  const sumsNeg = new Float64Array(SUM_LEN);
  const sumsPos = new Float64Array(SUM_LEN);
  const neg = setSums(
    pNeg,
    1,
    params.lambdaNeg,
    priors.neg,
    ws && ws.qNeg,
    sumsNeg,
    pooled.negMax,
    memo,
    memo && memo.neg,
  );
  const pos = setSums(
    pPos,
    -1,
    params.lambdaPos,
    priors.pos,
    ws && ws.qPos,
    sumsPos,
    pooled.posMin,
    memo,
    memo && memo.pos,
  );
  if (memo !== null) {
    memo.neg = neg;
    memo.pos = pos;
  }
  const result = resultFromSums(params, sumsPos, sumsNeg, nPos, nNeg);
  const { pMinus, pPlus, slope } = result;

  if (ws !== null) {
    const gl = wantGradLogits ? ws.gradLogits : null;
    // entries no pass below writes (ignored rows; negatives off a hard-negative support) must read 0
    if (
      gl !== null &&
      (nPos + nNeg < gl.length || (priors.neg !== null && 'support' in priors.neg))
    ) {
      gl.fill(0);
    }
    if (sumsNeg[SUM_S] > 0) {
      const prior = priors.neg;
      const gradP = ws.gradPNeg;
      setGradient(
        pNeg,
        prior,
        ws.qNeg,
        sumsNeg,
        pMinus,
        1 / params.lambdaNeg,
        slope,
        gradP,
        pooled.negIndex,
        gl,
      );
    }
    if (sumsPos[SUM_S] > 0) {
      const prior = priors.pos;
      const gradP = ws.gradPPos;
      setGradient(
        pPos,
        prior,
        ws.qPos,
        sumsPos,
        pPlus,
        -1 / params.lambdaPos,
        -slope,
        gradP,
        pooled.posIndex,
        gl,
      );
    }
  }

  return result;
}

/**
 * The scalars of one evaluation from each set's tilted sums (tiltSums' layout; S = 0 for an empty set
 * or support): P̂± = p_ext + Σe·(p − p_ext)/Σe (0 for no negatives, 1 for no positives, as the official
 * code), z = P̂− − P̂+ + γ, loss τ·ℓ(z), slope τ·ℓ'(z), ε± = KL(q±‖o±), ESS± = S²/Σe² (0 when empty).
 * n± are the set sizes reported as nPos / nNeg. `params` must be valid (validateParams).
 */
export function resultFromSums(
  params: DRParams,
  sumsPos: Float64Array,
  sumsNeg: Float64Array,
  nPos: number,
  nNeg: number,
): DRResult {
  const hasNeg = sumsNeg[SUM_S] > 0;
  const hasPos = sumsPos[SUM_S] > 0;
  const pMinus = hasNeg ? meanFromSums(sumsNeg) : 0;
  const pPlus = hasPos ? meanFromSums(sumsPos) : 1;
  const z = pMinus - pPlus + params.margin;
  const ell = surrogate(params.smoothing, z, params.L, params.rho);
  return {
    loss: params.tau * ell.value,
    pPlus,
    pMinus,
    z,
    slope: params.tau * ell.slope,
    nPos,
    nNeg,
    klPos: hasPos ? klFromSums(sumsPos) : 0,
    klNeg: hasNeg ? klFromSums(sumsNeg) : 0,
    essPos: hasPos ? essFromSums(sumsPos) : 0,
    essNeg: hasNeg ? essFromSums(sumsNeg) : 0,
  };
}
