/**
 * The parameter-dependent half of the DR loss (drloss-math.md §3–4): given a Pooled problem, the two
 * distributions q±, their means P̂±, z, the loss τ·ℓ(z) and the exact gradient, in two fused passes
 * per set (exp + sums, then normalise + gradient) over caller-owned buffers.
 */
import { validateParams } from './params.ts';
import { setPriors } from './priors.ts';
import { surrogate } from './surrogates.ts';
import { SUM_LEN, SUM_S, essFromSums, klFromSums, meanFromSums, tiltSums } from './tilted.ts';
import type { DRParams, DRResult, Pooled, Workspace } from './types.ts';

/** Options of `evaluate`. */
export interface EvaluateOptions {
  /** Write ∂DR/∂logit into ws.gradLogits (default true); false skips that scatter pass. */
  readonly gradLogits?: boolean;
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

// Scratch for the sums of each set: evaluate is synchronous and not re-entrant, so one copy suffices.
const sumsPos = new Float64Array(SUM_LEN);
const sumsNeg = new Float64Array(SUM_LEN);

/**
 * Normalises q_j = e_j/S in place and writes the gradient of one set (drloss-math.md §4):
 *   ∂DR/∂p_j = g0·q_j·(1 + σ·(p_j − P̂)/λ)     (g0 = +τℓ'(z), σ = +1 for negatives;
 *                                              g0 = −τℓ'(z), σ = −1 for positives),
 *   ∂DR/∂x_j = ∂DR/∂p_j · p_j·(1 − p_j)       (through the sigmoid, as autograd: p the float64 σ(x)).
 * `sigmaOverLambda` is σ/λ. gradLogits null skips the scatter into flat indices.
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
 * One evaluation of the DR loss on a pooled problem (paper Eq. 6 with Propositions 1–2 and the
 * surrogate of Eq. 7/8):
 *   q−_j ∝ o_j·exp(p_j/λ−), P̂− = Σ q−_j p_j  (0 without negatives),
 *   q+_j ∝ o_j·exp(−p_j/λ+), P̂+ = Σ q+_j p_j (1 without positives),
 *   z = P̂− − P̂+ + γ,  DR = τ·ℓ(z),
 * plus ε± = KL(q±‖o) and 1/Σq² per set. Writes q± into ws.qPos/qNeg, ∂DR/∂p into ws.gradPPos/gradPNeg
 * and, unless options.gradLogits === false, ∂DR/∂logit into ws.gradLogits (0 for ignored entries).
 * Allocates nothing proportional to the problem (hard-negative supports are cached per Pooled and k).
 *
 * @throws RangeError for invalid params or a workspace not made for `pooled`.
 */
export function evaluate(
  pooled: Pooled,
  params: DRParams,
  ws: Workspace,
  options: EvaluateOptions = {},
): DRResult {
  validateParams(params);
  checkWorkspace(pooled, ws);
  const { pPos, pNeg } = pooled;
  const nPos = pPos.length;
  const nNeg = pNeg.length;
  const priors = setPriors(pooled, params.original);

  tiltSums(pNeg, 1, params.lambdaNeg, priors.neg, ws.qNeg, sumsNeg);
  tiltSums(pPos, -1, params.lambdaPos, priors.pos, ws.qPos, sumsPos);
  const hasNeg = sumsNeg[SUM_S] > 0;
  const hasPos = sumsPos[SUM_S] > 0;
  const pMinus = hasNeg ? meanFromSums(sumsNeg) : 0;
  const pPlus = hasPos ? meanFromSums(sumsPos) : 1;
  const z = pMinus - pPlus + params.margin;
  const ell = surrogate(params.smoothing, z, params.L, params.rho);
  const slope = params.tau * ell.slope;

  const wantLogits = options.gradLogits !== false;
  const gl = wantLogits ? ws.gradLogits : null;
  if (gl !== null && nPos + nNeg < gl.length) gl.fill(0); // ignored rows: zero gradient
  if (hasNeg) {
    gradientPass(
      pNeg,
      ws.qNeg,
      1 / sumsNeg[SUM_S],
      pMinus,
      1 / params.lambdaNeg,
      slope,
      ws.gradPNeg,
      pooled.negIndex,
      gl,
    );
  }
  if (hasPos) {
    gradientPass(
      pPos,
      ws.qPos,
      1 / sumsPos[SUM_S],
      pPlus,
      -1 / params.lambdaPos,
      -slope,
      ws.gradPPos,
      pooled.posIndex,
      gl,
    );
  }

  return {
    loss: params.tau * ell.value,
    pPlus,
    pMinus,
    z,
    slope,
    nPos,
    nNeg,
    klPos: hasPos ? klFromSums(sumsPos) : 0,
    klNeg: hasNeg ? klFromSums(sumsNeg) : 0,
    essPos: hasPos ? essFromSums(sumsPos) : 0,
    essNeg: hasNeg ? essFromSums(sumsNeg) : 0,
  };
}
