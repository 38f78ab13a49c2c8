/**
 * How far a faithful port's numbers may lie from ours: a first-order rounding analysis of the forward
 * and backward formulas (docs/maths.md §3–4), evaluated on the intermediates of a Trace. It bounds
 * the error of any port that computes the same formulas with unit roundoff u (float64: u = 2^-53,
 * float32: u = 2^-24), summing in any order, with a max-subtracted softmax; every bound is doubled
 * because both sides (yours and ours) carry such an error. The analysis, entry by entry:
 *
 * - p = σ(x): relative error ≤ 2u; a float32 port also rounds x itself (Δx ≤ u·|x|), which moves p by
 *   ≤ σ′(x)·|x|·u ≤ 0.25u. So |Δp| ≤ 3u (p ≤ 1).
 * - Weights w_j = exp((±p_j − m)/λ): the exponent's error is ≤ (|Δp_j| + |Δm|)/λ + u·|exponent| ≤
 *   (6u + u)/λ (|exponent| ≤ 1/λ since p ∈ [0, 1]), exp adds 2u: relative ε_w ≤ u·(7/λ + 2).
 * - A sum of n positive terms in any order: relative error ≤ (n − 1)·u (recursive summation; pairwise
 *   summation does better, this bound holds for both).
 * - q_j = w_j/Σw: relative δq ≤ u·(7/λ + n + 4).
 * - P̂ = Σ q_j p_j ∈ [0, 1]: the weight errors move it by ≤ ε_w·Σ q_j|p_j − P̂| ≤ ε_w, the sums and
 *   products by ≤ (n + 2)·u: absolute δP ≤ u·(2n + 7/λ + 6). An empty set's P̂ is a constant (δP = 0).
 * - z = P̂− − P̂+ + γ: absolute Δz ≤ δP+ + δP− + 2u·(|P̂−| + |P̂+| + |γ|).
 * - loss = τ·ℓ(z): ℓ and ℓ′ are monotone on [z − Δz, z + Δz] for every surrogate, so the propagated
 *   error is max(|τℓ(z ± Δz) − τℓ(z)|), plus 4u·|loss| for evaluating ℓ; likewise for s = τ·ℓ′(z)
 *   (which jumps by τ if the hinge's kink lies within Δz: the gradient is then undetermined).
 * - The hard-negative prior's support (the k highest p): an entry whose p lies within 6u (twice |Δp|)
 *   of the k-th highest may fall on either side of the edge in a port, so its q may be 0 or about the
 *   edge's q; its gradient bound grows by s·q_edge·|f_j|·d_j (P̂− barely moves: the swapped entries'
 *   p differ by ≤ 6u, inside δP).
 * - Gradient g_j = s·q_j·f_j·d_j with f_j = 1 ± (p_j − P̂)/λ and d_j = p_j(1 − p_j):
 *   |Δf_j| ≤ (|Δp_j| + δP)/λ + 2u·|f_j|;  |Δd_j| ≤ 2u·p_j + d_j·(|x_j| + 4)·u (1 − p loses the low
 *   digits of a saturated p, and a rounded x moves d by d·|1 − 2p|·|Δx|); so
 *   |Δg_j| ≤ Δs·q|f|d + s·q·d·(3u + δP)/λ + s·q·|f|·(d·(δq + 4u) + |Δd_j|),
 *   plus the smallest normal number of the format times (1 + τ)(1 + 1/λ) for weights that underflow.
 *
 * Only first-order terms are kept (second-order ones are O(u²·n²/λ²), far below these for the sizes
 * and λ a check sees); the doubling leaves room for them. tests/check/tolerance.test.ts measures the
 * actual errors of a float32 implementation against these bounds.
 */
import type { DRParams } from '../engine/index.ts';
import type { SetTrace, Trace } from './reference.ts';

/** A floating-point format: unit roundoff and smallest normal number. */
export interface Precision {
  readonly name: 'float64' | 'float32';
  readonly u: number;
  readonly tiny: number;
}

export const FLOAT64: Precision = { name: 'float64', u: 2 ** -53, tiny: 2 ** -1022 };
export const FLOAT32: Precision = { name: 'float32', u: 2 ** -24, tiny: 2 ** -126 };

/** Absolute error bounds, field by field (null where the trace has no such value). */
export interface Bounds {
  readonly loss: number;
  readonly pPlus: number | null;
  readonly pMinus: number | null;
  readonly grad: Float64Array;
}

/** Both sides carry an error of the analysed size. */
const SIDES = 2;

/** Absolute error bound δP of a set's P̂ (see the module comment). */
function setBound(s: SetTrace, u: number): number {
  return s.present ? u * (2 * s.n + 7 / s.lambda + 6) : 0;
}

/** Largest change of `fn` when z moves by at most dz (fn monotone on the interval). */
function spread(fn: (z: number) => number, z: number, dz: number): number {
  const at = fn(z);
  return Math.max(Math.abs(fn(z + dz) - at), Math.abs(fn(z - dz) - at));
}

/**
 * The rounding-error bounds of a port at `precision` around `trace` (module comment). A bound is
 * Infinity where the value is undetermined at that precision (e.g. z on the hinge's kink).
 */
export function errorBounds(trace: Trace, params: DRParams, precision: Precision): Bounds {
  const { u, tiny } = precision;
  const { margin, tau } = params;
  const scale = 1 / trace.divisor;
  const perGroup = trace.groups.map((g) => {
    const dPos = setBound(g.pos, u);
    const dNeg = setBound(g.neg, u);
    const dz = dPos + dNeg + 2 * u * (Math.abs(g.neg.P) + Math.abs(g.pos.P) + Math.abs(margin));
    const lossAtZ = trace.lossAt(g.z);
    return {
      dPos,
      dNeg,
      loss: spread(trace.lossAt, g.z, dz) + 4 * u * Math.abs(lossAtZ),
      dSlope: spread(trace.slopeAt, g.z, dz) + 4 * u * Math.abs(g.slope),
    };
  });
  let loss = 0;
  for (const g of perGroup) loss += g.loss;
  loss += u * trace.groups.length * Math.abs(trace.loss);

  const N = trace.grad.length;
  const grad = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const gi = trace.group[i];
    if (gi < 0) continue;
    const g = trace.groups[gi];
    const b = perGroup[gi];
    const pos = trace.positive[i] === 1;
    const set = pos ? g.pos : g.neg;
    const dP = pos ? b.dPos : b.dNeg;
    const lam = set.lambda;
    const dq = u * (7 / lam + set.n + 4);
    const q = trace.q[i];
    const f = Math.abs(trace.f[i]);
    const d = trace.d[i];
    const p = trace.p[i];
    const s = Math.abs(g.slope);
    const dd = trace.throughSigmoid ? 2 * u * p + d * (Math.abs(trace.logits[i]) + 4) * u : 0;
    grad[i] =
      b.dSlope * q * f * d + s * q * d * ((3 * u + dP) / lam) + s * q * f * (d * (dq + 4 * u) + dd);
    // An entry at the hard-negative prior's edge may be in or out of a port's support (ties after
    // rounding p): its q may be the edge's q or 0.
    if (!pos && g.edge !== null && Math.abs(trace.p[i] - g.edge.p) <= 6 * u) {
      grad[i] += s * g.edge.q * (f + (3 * u + dP) / lam) * (d + dd);
    }
  }
  // Weights that underflow in the port but not here, and results in the subnormal range.
  let lamMin = Infinity;
  for (const g of trace.groups) lamMin = Math.min(lamMin, g.pos.lambda, g.neg.lambda);
  const floor = 8 * tiny * (1 + tau) * (1 + 1 / lamMin);
  for (let i = 0; i < N; i++) grad[i] = SIDES * scale * grad[i] + floor;

  const single = trace.groups.length === 1 ? perGroup[0] : null;
  return {
    loss: SIDES * scale * loss + tiny,
    pPlus: single === null ? null : SIDES * single.dPos,
    pMinus: single === null ? null : SIDES * single.dNeg,
    grad,
  };
}
