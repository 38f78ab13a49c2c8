import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  negativeDistribution,
  positiveDistribution,
  tiltedDistribution,
} from '../../src/engine/index.ts';
import type { SetPrior } from '../../src/engine/index.ts';

const probs = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 })
  .map((a) => new Float64Array(a));
const lambda = fc.double({ min: Math.log(1e-6), max: Math.log(1e6), noNaN: true }).map(Math.exp);
const sign = fc.constantFrom<1 | -1>(1, -1);
const OPTS = { seed: 31337, numRuns: 300 };

function minMax(p: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of p) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Direct (unoptimised) reference: q_j = o_j e^{σp_j/λ}/Σ, computed with Math.exp after max-shift. */
function reference(
  p: Float64Array,
  s: 1 | -1,
  lam: number,
  o: Float64Array,
): { q: number[]; mean: number; kl: number; ess: number } {
  let m = -Infinity;
  p.forEach((v, j) => {
    if (o[j] > 0) m = Math.max(m, (s * v) / lam);
  });
  const e = Array.from(p, (v, j) => (o[j] > 0 ? o[j] * Math.exp((s * v) / lam - m) : 0));
  const S = e.reduce((a, b) => a + b, 0);
  const W = o.reduce((a, b) => a + b, 0);
  const q = e.map((x) => x / S);
  const mean = q.reduce((a, qj, j) => a + qj * p[j], 0);
  const kl = q.reduce((a, qj, j) => (qj > 0 ? a + qj * Math.log(qj / (o[j] / W)) : a), 0);
  const ess = 1 / q.reduce((a, qj) => a + qj * qj, 0);
  return { q, mean, kl, ess };
}

describe('distributions of Propositions 1–2', () => {
  it('q sums to 1 for any scores, λ and direction', () => {
    fc.assert(
      fc.property(probs, lambda, sign, (p, lam, s) => {
        const { q } = tiltedDistribution(p, s, lam);
        let sum = 0;
        for (const v of q) {
          expect(v).toBeGreaterThanOrEqual(0);
          sum += v;
        }
        expect(Math.abs(sum - 1)).toBeLessThan(1e-13);
      }),
      OPTS,
    );
  });

  it('P̂ lies in [min p, max p] on the support', () => {
    fc.assert(
      fc.property(probs, lambda, sign, (p, lam, s) => {
        const [lo, hi] = minMax(p);
        const { mean } = tiltedDistribution(p, s, lam);
        expect(mean).toBeGreaterThanOrEqual(lo - 1e-15);
        expect(mean).toBeLessThanOrEqual(hi + 1e-15);
      }),
      OPTS,
    );
  });

  it('P̂− rises (weakly) as λ− falls, and P̂+ falls as λ+ falls', () => {
    fc.assert(
      fc.property(probs, lambda, lambda, (p, a, b) => {
        const [big, small] = a >= b ? [a, b] : [b, a];
        const tol = 1e-14;
        expect(negativeDistribution(p, small).mean).toBeGreaterThanOrEqual(
          negativeDistribution(p, big).mean - tol,
        );
        expect(positiveDistribution(p, small).mean).toBeLessThanOrEqual(
          positiveDistribution(p, big).mean + tol,
        );
      }),
      OPTS,
    );
  });

  it('λ → 0 tends to the worst case: P̂− → max p−, P̂+ → min p+ (within 50λ)', () => {
    fc.assert(
      fc.property(probs, (p) => {
        const [lo, hi] = minMax(p);
        const lam = 1e-6;
        // entries more than 40λ below the top carry total weight ≤ n·e^-40
        expect(hi - negativeDistribution(p, lam).mean).toBeLessThanOrEqual(50 * lam);
        expect(positiveDistribution(p, lam).mean - lo).toBeLessThanOrEqual(50 * lam);
      }),
      OPTS,
    );
  });

  it('λ → ∞ tends to the plain mean: |P̂ − mean p| ≤ 2·spread²/λ', () => {
    fc.assert(
      fc.property(probs, sign, (p, s) => {
        const [lo, hi] = minMax(p);
        const plain = p.reduce((a, b) => a + b, 0) / p.length;
        const lam = 1e6;
        const { mean, kl, ess } = tiltedDistribution(p, s, lam);
        expect(Math.abs(mean - plain)).toBeLessThanOrEqual((2 * (hi - lo) ** 2) / lam + 1e-15);
        expect(kl).toBeLessThan(1e-11);
        expect(Math.abs(ess - p.length)).toBeLessThan(1e-6 * p.length);
      }),
      OPTS,
    );
  });

  it('matches a direct Math.exp reference, q entry by entry, for uniform, support and weight priors', () => {
    fc.assert(
      fc.property(
        probs,
        fc.double({ min: Math.log(1e-3), max: Math.log(1e3), noNaN: true }).map(Math.exp),
        sign,
        fc.integer({ min: 0, max: 2 }),
        fc.integer(),
        (p, lam, s, kind, seed) => {
          const n = p.length;
          const o = new Float64Array(n).fill(1);
          let prior: SetPrior = null;
          if (kind === 1) {
            const support = Int32Array.from({ length: n }, (_, j) => j).filter(
              (j) => (j * 7 + seed) % 3 !== 0 || j === 0,
            );
            o.fill(0);
            for (const j of support) o[j] = 1;
            prior = { support };
          } else if (kind === 2) {
            for (let j = 0; j < n; j++) o[j] = ((j * 2654435761 + seed) >>> 0) % 5; // 0..4, some zero
            if (o.every((w) => w === 0)) o[0] = 1;
            prior = { weights: o };
          }
          const got = tiltedDistribution(p, s, lam, prior);
          const ref = reference(p, s, lam, o);
          expect(Math.abs(got.mean - ref.mean)).toBeLessThanOrEqual(1e-13);
          expect(Math.abs(got.kl - ref.kl)).toBeLessThanOrEqual(1e-12 * Math.max(1, ref.kl));
          expect(Math.abs(got.ess - ref.ess)).toBeLessThanOrEqual(1e-12 * ref.ess);
          ref.q.forEach((qj, j) =>
            expect(Math.abs(got.q[j] - qj)).toBeLessThanOrEqual(1e-13 * qj + 1e-300),
          );
        },
      ),
      OPTS,
    );
  });

  it('q− puts more weight on higher scores, q+ on lower scores', () => {
    const p = new Float64Array([0.1, 0.5, 0.9]);
    const qn = negativeDistribution(p, 0.2).q;
    const qp = positiveDistribution(p, 0.2).q;
    expect(qn[0] < qn[1] && qn[1] < qn[2]).toBe(true);
    expect(qp[0] > qp[1] && qp[1] > qp[2]).toBe(true);
    // the closed form: q−_2/q−_0 = e^{(0.9−0.1)/0.2} = e^4
    expect(Math.abs(qn[2] / qn[0] - Math.exp(4)) / Math.exp(4)).toBeLessThan(1e-14);
  });

  it('an empty set follows the official conventions: P̂− = 0, P̂+ = 1, ε = ESS = 0', () => {
    const empty = new Float64Array(0);
    expect(negativeDistribution(empty, 0.1)).toMatchObject({ mean: 0, kl: 0, ess: 0 });
    expect(positiveDistribution(empty, 1)).toMatchObject({ mean: 1, kl: 0, ess: 0 });
  });

  it('all-zero user weights fall back to uniform', () => {
    const p = new Float64Array([0.2, 0.7, 0.4]);
    const u = negativeDistribution(p, 0.3);
    const w = negativeDistribution(p, 0.3, { weights: new Float64Array(3) });
    expect(Array.from(w.q)).toEqual(Array.from(u.q));
  });

  it('rejects λ ≤ 0', () => {
    expect(() => negativeDistribution(new Float64Array([0.5]), 0)).toThrow(RangeError);
  });
});
