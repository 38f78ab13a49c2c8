/**
 * A straightforward implementation of the official SigmoidDRLoss maths (docs/maths.md §1–4) and of
 * every known port variant (variants.ts), with a rounding hook: `round = exact` is float64, `round =
 * Math.fround` rounds after every operation, which is the official maths computed in float32.
 *
 * It is deliberately plain (one pass per set, no fast exp, no cached sums): the engine is the fast
 * float64 implementation; this one is the yardstick for variants and for float32, and it records the
 * intermediates (q, the bracket factor, σ′, z and the slope) the rounding analysis of tolerance.ts
 * needs. Pure: no DOM, no Node modules.
 */
import { softplus } from '../engine/index.ts';
import type { DRParams } from '../engine/index.ts';
import type { MathsVariantId } from './variants.ts';

/** The rounding applied after every operation: identity (float64) or Math.fround (float32). */
export type Round = (x: number) => number;

export const exact: Round = (x) => x;

/** The inputs of one problem in engine shapes (a ParsedCase fits). */
export interface Problem {
  readonly logits: Float64Array;
  readonly targets: Int32Array;
  readonly R: number;
  readonly K: number;
  readonly params: DRParams;
}

/** One set (positives or negatives) of one group of distributions. */
export interface SetTrace {
  readonly n: number;
  /** The temperature this set was tilted with (after a possible swap). */
  readonly lambda: number;
  /** P̂ of the set; for an empty set the fallback (1 or 0 for positives, 0 for negatives). */
  readonly P: number;
  /** False for an empty set: P̂ is then a constant with no rounding error. */
  readonly present: boolean;
}

/** One pair of distributions and its z (one group, or one per class for per-class). */
export interface GroupTrace {
  readonly pos: SetTrace;
  readonly neg: SetTrace;
  readonly z: number;
  /** τ·ℓ'(z), the factor every gradient entry of the group shares. */
  readonly slope: number;
  /**
   * With the hard-negative prior: the k-th highest negative p and its q (the support's edge). A
   * negative within rounding of that p may fall on either side of the edge in a port.
   */
  readonly edge: { readonly p: number; readonly q: number } | null;
}

/** Outputs of one implementation and what its rounding analysis needs. */
export interface Trace {
  readonly loss: number;
  /** P̂+ and P̂− (null for per-class with K > 1: there is one pair per class, no single value). */
  readonly pPlus: number | null;
  readonly pMinus: number | null;
  /** ∂loss/∂logit per flat entry (∂loss/∂p for grad-wrt-scores), 0 on unused entries. */
  readonly grad: Float64Array;
  readonly groups: readonly GroupTrace[];
  /** τ·ℓ of the surrogate this implementation uses, and its slope, at any z (float64, for bounds). */
  readonly lossAt: (z: number) => number;
  readonly slopeAt: (z: number) => number;
  /** Per flat entry: its group (−1 when unused), set (1 positive, 0 negative), q, bracket factor f
   * (∂P̂/∂p = q·f), σ′ = p(1−p) (1 when the gradient is w.r.t. p), p and the logit. */
  readonly group: Int32Array;
  readonly positive: Uint8Array;
  readonly q: Float64Array;
  readonly f: Float64Array;
  readonly d: Float64Array;
  readonly p: Float64Array;
  /** The logits as given (their rounding to float32 is part of a float32 port's error). */
  readonly logits: Float64Array;
  /** The divisor applied to loss and gradient (max(1, n+) for divided-by-positives, else 1). */
  readonly divisor: number;
  /** True when the gradient is w.r.t. logits (through the sigmoid). */
  readonly throughSigmoid: boolean;
}

/** Flat indices of the entries of each group whose `positive` flag equals `flag`, ascending. */
function indexLists(
  group: Int32Array,
  positive: Uint8Array,
  flag: 0 | 1,
  nGroups: number,
): Int32Array[] {
  const counts = new Int32Array(nGroups);
  for (let i = 0; i < group.length; i++)
    if (group[i] >= 0 && positive[i] === flag) counts[group[i]]++;
  const lists = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(nGroups);
  for (let i = 0; i < group.length; i++) {
    const g = group[i];
    if (g >= 0 && positive[i] === flag) lists[g][fill[g]++] = i;
  }
  return lists;
}

function gather(values: Float64Array, idx: Int32Array): Float64Array {
  const out = new Float64Array(idx.length);
  for (let j = 0; j < idx.length; j++) out[j] = values[idx[j]];
  return out;
}

/** σ(x) evaluated without overflow, rounded after every operation. */
function sigmoidR(x: number, r: Round): number {
  if (x >= 0) return r(1 / r(1 + r(Math.exp(-x))));
  const e = r(Math.exp(x));
  return r(e / r(1 + e));
}

/** Sum in index order, rounded after every addition (the naive loop a port writes). */
function sumR(values: Float64Array, r: Round): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s = r(s + values[i]);
  return s;
}

/**
 * The positions of the k highest values of `p`, ties broken by lower position (the hard-negative
 * prior's support, docs/maths.md §3); all positions when k ≥ n.
 */
function topK(p: Float64Array, k: number): Uint8Array {
  const keep = new Uint8Array(p.length);
  if (k >= p.length) return keep.fill(1);
  const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a] || a - b);
  for (let i = 0; i < k; i++) keep[order[i]] = 1;
  return keep;
}

interface Tilted {
  readonly P: number;
  readonly q: Float64Array;
  readonly f: Float64Array;
}

/**
 * The tilted mean of one set (Propositions 1–2): q_j ∝ o_j·exp(sign·p_j/λ), P̂ = Σ q_j p_j, computed as
 * a max-subtracted softmax (as torch.softmax), and the bracket f_j = 1 + sign·(p_j − P̂)/λ so that
 * ∂P̂/∂p_j = q_j·f_j. `support` (null = all) is the prior o ∈ {0, 1/n̂}.
 */
function tilt(
  p: Float64Array,
  sign: 1 | -1,
  lambda: number,
  support: Uint8Array | null,
  r: Round,
): Tilted {
  const n = p.length;
  const lam = r(lambda);
  const a = new Float64Array(n);
  let m = -Infinity;
  for (let j = 0; j < n; j++) {
    a[j] = r(r(sign * p[j]) / lam);
    if ((support === null || support[j] === 1) && a[j] > m) m = a[j];
  }
  const w = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    if (support === null || support[j] === 1) w[j] = r(Math.exp(r(a[j] - m)));
  }
  const S = sumR(w, r);
  const q = new Float64Array(n);
  const qp = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    q[j] = r(w[j] / S);
    qp[j] = r(q[j] * p[j]);
  }
  const P = sumR(qp, r);
  const f = new Float64Array(n);
  for (let j = 0; j < n; j++) f[j] = r(1 + r(sign * r(r(p[j] - P) / lam)));
  return { P, q, f };
}

/** The surrogate τ·ℓ and its slope for the given params and variant (docs/maths.md §3, Eq. 7–8). */
function surrogateOf(
  params: DRParams,
  blog: boolean,
): { lossAt: (z: number) => number; slopeAt: (z: number) => number } {
  const { tau, L, rho } = params;
  switch (params.smoothing) {
    case 'hinge':
      return { lossAt: (z) => tau * Math.max(0, z), slopeAt: (z) => (z > 0 ? tau : 0) };
    case 'quad':
      return {
        lossAt: (z) => tau * (z >= rho ? z : z <= -rho ? 0 : ((z + rho) * (z + rho)) / (4 * rho)),
        slopeAt: (z) => tau * (z >= rho ? 1 : z <= -rho ? 0 : (z + rho) / (2 * rho)),
      };
    case 'logistic': {
      const sig = (a: number) => sigmoidR(a, exact);
      if (!blog)
        return { lossAt: (z) => (tau * softplus(L * z)) / L, slopeAt: (z) => tau * sig(L * z) };
      // The seed blog's (1/z)·log(1+e^{Lz}): d/dz = L·σ(Lz)/z − log(1+e^{Lz})/z².
      return {
        lossAt: (z) => (tau * softplus(L * z)) / z,
        slopeAt: (z) => tau * ((L * sig(L * z)) / z - softplus(L * z) / (z * z)),
      };
    }
  }
}

/** τ·ℓ(z) rounded after every operation (the surrogate as a port computes it). */
function lossR(z: number, params: DRParams, blog: boolean, r: Round): number {
  const { tau, L, rho } = params;
  switch (params.smoothing) {
    case 'hinge':
      return r(r(tau) * Math.max(0, z));
    case 'quad': {
      if (z >= rho) return r(r(tau) * z);
      if (z <= -rho) return 0;
      const zr = r(z + r(rho));
      return r(r(tau) * r(r(zr * zr) / r(4 * r(rho))));
    }
    case 'logistic': {
      const a = r(r(L) * z);
      const sp = r(Math.max(a, 0) + r(Math.log1p(r(Math.exp(-Math.abs(a))))));
      return r(r(r(tau) * sp) / (blog ? z : r(L)));
    }
  }
}

/** τ·ℓ'(z) rounded after every operation. */
function slopeR(z: number, params: DRParams, blog: boolean, r: Round): number {
  const { tau, L, rho } = params;
  switch (params.smoothing) {
    case 'hinge':
      return z > 0 ? r(tau) : 0;
    case 'quad':
      if (z >= rho) return r(tau);
      if (z <= -rho) return 0;
      return r(r(tau) * r(r(z + r(rho)) / r(2 * r(rho))));
    case 'logistic': {
      const a = r(r(L) * z);
      const s = sigmoidR(a, r);
      if (!blog) return r(r(tau) * s);
      const sp = r(Math.max(a, 0) + r(Math.log1p(r(Math.exp(-Math.abs(a))))));
      return r(r(tau) * r(r(r(r(L) * s) / z) - r(sp / r(z * z))));
    }
  }
}

/**
 * Evaluate `problem` as the official maths (variant null) or as one known variant, rounding with `r`.
 * Returns loss, P̂±, the gradient (w.r.t. logits, or p for grad-wrt-scores) and the intermediates.
 *
 * @throws Error for a user-weights prior, which the check format cannot express.
 */
export function evaluateReference(
  problem: Problem,
  variant: MathsVariantId | null,
  r: Round = exact,
): Trace {
  const { R, K } = problem;
  const params =
    variant === 'lambdas-swapped'
      ? {
          ...problem.params,
          lambdaPos: problem.params.lambdaNeg,
          lambdaNeg: problem.params.lambdaPos,
        }
      : problem.params;
  const original = params.original;
  if (original.kind === 'weights') throw new Error('a user-weights prior cannot be checked');
  const blog = variant === 'blog-logistic' && params.smoothing === 'logistic';
  const posSign: 1 | -1 = variant === 'positive-sign' ? 1 : -1;
  const N = R * K;
  const targets = Int32Array.from(problem.targets, (t) =>
    variant === 'ignored-as-negative' && t < 0 ? 0 : t,
  );

  // Which group and set each entry belongs to.
  const group = new Int32Array(N).fill(-1);
  const positive = new Uint8Array(N);
  const perClass = variant === 'per-class';
  let nPosAll = 0;
  for (let row = 0; row < R; row++) {
    const t = targets[row];
    if (t < 0) continue;
    for (let c = 0; c < K; c++) {
      const i = row * K + c;
      if (t === c + 1) {
        positive[i] = 1;
        nPosAll++;
      } else if (variant === 'other-classes-excluded' && t > 0) {
        continue;
      }
      group[i] = perClass ? c : 0;
    }
  }

  const p = new Float64Array(N);
  const d = new Float64Array(N);
  const throughSigmoid = variant !== 'grad-wrt-scores';
  for (let i = 0; i < N; i++) {
    if (group[i] < 0) continue;
    p[i] = sigmoidR(r(problem.logits[i]), r);
    d[i] = throughSigmoid ? r(p[i] * r(1 - p[i])) : 1;
  }

  const q = new Float64Array(N);
  const f = new Float64Array(N);
  const grad = new Float64Array(N);
  const groups: GroupTrace[] = [];
  const nGroups = perClass ? K : 1;
  const divisor = variant === 'divided-by-positives' ? Math.max(1, nPosAll) : 1;
  const { margin } = params;
  let loss = 0;
  const posLists = indexLists(group, positive, 1, nGroups);
  const negLists = indexLists(group, positive, 0, nGroups);
  for (let g = 0; g < nGroups; g++) {
    const posIdx = posLists[g];
    const negIdx = negLists[g];
    const pPos = gather(p, posIdx);
    const pNeg = gather(p, negIdx);
    const support = original.kind === 'hardNegative' ? topK(pNeg, original.k) : null;
    const tp = posIdx.length > 0 ? tilt(pPos, posSign, params.lambdaPos, null, r) : null;
    const tn = negIdx.length > 0 ? tilt(pNeg, 1, params.lambdaNeg, support, r) : null;
    let edge: { p: number; q: number } | null = null;
    if (support !== null && tn !== null && support.includes(0)) {
      edge = { p: Infinity, q: Infinity };
      for (let j = 0; j < pNeg.length; j++) {
        if (support[j] === 1 && pNeg[j] <= edge.p)
          edge = { p: pNeg[j], q: Math.min(edge.q, tn.q[j]) };
      }
    }
    const fallback = variant === 'no-positive-fallback' ? 0 : 1;
    const P = tp === null ? fallback : tp.P;
    const Pm = tn === null ? 0 : tn.P;
    const z = r(r(Pm - P) + r(margin));
    const s = slopeR(z, params, blog, r);
    loss = r(loss + lossR(z, params, blog, r));
    groups.push({
      pos: { n: posIdx.length, lambda: params.lambdaPos, P, present: tp !== null },
      neg: { n: negIdx.length, lambda: params.lambdaNeg, P: Pm, present: tn !== null },
      z,
      slope: s,
      edge,
    });
    // ∂loss/∂p_j = s·∂z/∂p_j: +q·f for a negative (z = P̂− − …), −q·f for a positive.
    const scatter = (idx: Int32Array, t: Tilted, sign: 1 | -1) => {
      for (let j = 0; j < idx.length; j++) {
        const i = idx[j];
        q[i] = t.q[j];
        f[i] = t.f[j];
        let gi = r(r(sign * s) * r(t.q[j] * t.f[j]));
        if (throughSigmoid) gi = r(gi * d[i]);
        grad[i] = divisor === 1 ? gi : r(gi / divisor);
      }
    };
    if (tp !== null) scatter(posIdx, tp, -1);
    if (tn !== null) scatter(negIdx, tn, 1);
  }
  if (divisor !== 1) loss = r(loss / divisor);

  const single = nGroups === 1 ? groups[0] : null;
  const { lossAt, slopeAt } = surrogateOf(params, blog);
  return {
    loss,
    pPlus: single === null ? null : single.pos.P,
    pMinus: single === null ? null : single.neg.P,
    grad,
    groups,
    lossAt,
    slopeAt,
    group,
    positive,
    q,
    f,
    d,
    p,
    logits: problem.logits,
    divisor,
    throughSigmoid,
  };
}
