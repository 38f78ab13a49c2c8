/**
 * The inverse of ε(λ) = KL(q_λ‖o): the temperature whose distribution of Proposition 1 (or 2) sits at a
 * requested constraint radius ε. ε(λ) is strictly decreasing in λ when the scores are not all equal on
 * the support of o (dε/d(1/λ) = (1/λ)·Var_q(p) ≥ 0), from sup ε = −log o(A) as λ → 0 (A the set of
 * extreme scores: q → o restricted to A, renormalised) down to 0 as λ → ∞ (q → o).
 */
import { SUM_LEN } from './kernels/layout.ts';
import { klFromSums, tiltSums } from './kernels/tilted.ts';
import type { SetPrior, TiltSign } from './types.ts';

/** Outcome of `lambdaForEpsilon`. */
export interface LambdaForEpsilonResult {
  /**
   * 'ok': λ in (0, ∞) with KL(q_λ‖o) = ε; 'uniform': ε = 0, attained only as λ → ∞ (lambda = Infinity,
   * q = o); 'unattainable': ε ≥ maxEpsilon (or within rounding of it), approached only as λ → 0
   * (lambda = 0, the worst case of Eq. 5).
   */
  readonly status: 'ok' | 'uniform' | 'unattainable';
  readonly lambda: number;
  /** KL(q_λ‖o) at the returned λ (the limit value for the two limit statuses). */
  readonly epsilon: number;
  /** sup_λ ε(λ) = log(W / Σ_{j∈A} w_j) = log(n/|A|) for uniform o (not attained). */
  readonly maxEpsilon: number;
}

/** Supremum of KL(q_λ‖o) over λ > 0 and the spread of the scores on the support of o. */
function range(p: Float64Array, sign: TiltSign, prior: SetPrior): { sup: number; spread: number } {
  // the prior as (support positions, weights); all-zero weights mean uniform (types.ts)
  let support: Int32Array | null = null;
  let w: Float64Array | null = null;
  if (prior !== null && 'support' in prior) support = prior.support;
  else if (prior !== null && 'weights' in prior && prior.weights.some((x) => x > 0))
    w = prior.weights;
  const m = support !== null ? support.length : p.length;
  let W = 0;
  let top = -Infinity; // max of σ·p over the support
  let bottom = Infinity;
  for (let t = 0; t < m; t++) {
    const j = support !== null ? support[t] : t;
    const wj = w !== null ? w[j] : 1;
    if (!(wj > 0)) continue;
    W += wj;
    const v = sign * p[j];
    if (v > top) top = v;
    if (v < bottom) bottom = v;
  }
  if (!(W > 0)) return { sup: 0, spread: 0 };
  let WA = 0; // prior mass of the extreme scores A
  for (let t = 0; t < m; t++) {
    const j = support !== null ? support[t] : t;
    const wj = w !== null ? w[j] : 1;
    if (wj > 0 && sign * p[j] === top) WA += wj;
  }
  return { sup: Math.log(W / WA), spread: top - bottom };
}

/**
 * The λ > 0 with KL(q_λ‖o) = ε for q_λ ∝ o·exp(σ·p/λ) (σ = +1: negatives, Proposition 1; σ = −1:
 * positives, Proposition 2). Brent's method on u = log λ over a bracket found by doubling steps; the
 * returned λ has relative accuracy ~1e-13 where ε(λ) is well-conditioned (ε ≫ 1e-14; for tinier ε the
 * computed KL itself has absolute rounding error ~1e-17).
 *
 * @throws RangeError for ε < 0 or NaN.
 */
export function lambdaForEpsilon(
  p: Float64Array,
  epsilon: number,
  sign: TiltSign = 1,
  prior: SetPrior = null,
): LambdaForEpsilonResult {
  if (!(epsilon >= 0)) throw new RangeError(`ε must be ≥ 0, got ${epsilon}`);
  const { sup, spread } = range(p, sign, prior);
  if (epsilon === 0) return { status: 'uniform', lambda: Infinity, epsilon: 0, maxEpsilon: sup };
  if (!(epsilon < sup)) return { status: 'unattainable', lambda: 0, epsilon: sup, maxEpsilon: sup };

  const e = new Float64Array(p.length);
  const sums = new Float64Array(SUM_LEN);
  const f = (u: number): number => {
    tiltSums(p, sign, Math.exp(u), prior, e, sums);
    return klFromSums(sums) - epsilon;
  };
  // f is decreasing in u; ε(λ) changes on the scale λ ~ spread.
  const U_MIN = Math.log(spread) - 745; // exp(−spread/λ) underflows below this: ε(λ) = sup there
  const U_MAX = Math.log(spread) + 745;
  let lo = Math.log(spread);
  let flo = f(lo);
  let hi = lo;
  let fhi = flo;
  for (let step = 1; flo < 0; step *= 2) {
    hi = lo;
    fhi = flo;
    lo = Math.max(lo - step, U_MIN);
    flo = f(lo);
    if (lo === U_MIN && flo < 0) {
      return { status: 'unattainable', lambda: 0, epsilon: sup, maxEpsilon: sup };
    }
  }
  for (let step = 1; fhi > 0; step *= 2) {
    lo = hi;
    flo = fhi;
    hi = Math.min(hi + step, U_MAX);
    fhi = f(hi);
    if (hi === U_MAX && fhi > 0) break; // ε below what float64 can resolve: return the largest λ
  }
  const u = fhi > 0 ? hi : brent(f, lo, hi, flo, fhi, 1e-14);
  const lambda = Math.exp(u);
  return { status: 'ok', lambda, epsilon: f(u) + epsilon, maxEpsilon: sup };
}

/**
 * Brent's root finder (zeroin; Numerical Recipes zbrent) for f(a)·f(b) ≤ 0: inverse quadratic
 * interpolation guarded by bisection, so it never leaves the bracket and converges superlinearly.
 */
function brent(
  f: (x: number) => number,
  a0: number,
  b0: number,
  fa0: number,
  fb0: number,
  tol: number,
): number {
  let a = a0;
  let b = b0;
  let fa = fa0;
  let fb = fb0;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = b;
  let fc = fb;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 200; iter++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return b;
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let pp: number;
      let qq: number;
      if (a === c) {
        pp = 2 * xm * s;
        qq = 1 - s;
      } else {
        const q = fa / fc;
        const r = fb / fc;
        pp = s * (2 * xm * q * (q - r) - (b - a) * (r - 1));
        qq = (q - 1) * (r - 1) * (s - 1);
      }
      if (pp > 0) qq = -qq;
      pp = Math.abs(pp);
      if (2 * pp < Math.min(3 * xm * qq - Math.abs(tol1 * qq), Math.abs(e * qq))) {
        e = d;
        d = pp / qq;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
  }
  return b;
}
