import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lambdaForEpsilon, tiltedDistribution } from '../../src/engine/index.ts';
import type { SetPrior } from '../../src/engine/index.ts';

const probs = fc
  .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 60 })
  .map((a) => new Float64Array(a));

describe('lambdaForEpsilon: the λ whose q sits at KL(q‖o) = ε', () => {
  it('reproduces ε = KL(q_λ‖o) of a forward evaluation (both directions, uniform and support priors)', () => {
    fc.assert(
      fc.property(
        probs,
        fc.double({ min: Math.log(1e-3), max: Math.log(1e2), noNaN: true }).map(Math.exp),
        fc.constantFrom<1 | -1>(1, -1),
        fc.boolean(),
        (p, lam, sign, useSupport) => {
          const prior: SetPrior = useSupport
            ? { support: Int32Array.from({ length: Math.ceil(p.length / 2) }, (_, t) => 2 * t) }
            : null;
          const eps = tiltedDistribution(p, sign, lam, prior).kl;
          const r = lambdaForEpsilon(p, eps, sign, prior);
          if (eps === 0) {
            expect(r.status).toBe('uniform');
            return;
          }
          if (eps >= r.maxEpsilon * (1 - 1e-12)) return; // saturated: ε(λ) is flat to rounding here
          expect(r.status).toBe('ok');
          // ε(λ) is computed to a few 2^-53 absolute (KL = E_q[d] − log E_o[e^d] cancels to first order
          // when spread/λ is small): 1e-9 relative down to ε = 1e-6, 1e-15 absolute below
          const tol = Math.max(1e-9 * eps, 1e-15);
          expect(Math.abs(r.epsilon - eps)).toBeLessThanOrEqual(tol);
          // and the returned λ really gives that ε
          const again = tiltedDistribution(p, sign, r.lambda, prior).kl;
          expect(Math.abs(again - eps)).toBeLessThanOrEqual(tol);
        },
      ),
      { seed: 555, numRuns: 300 },
    );
  });

  it('recovers λ itself where ε(λ) is well-conditioned', () => {
    const p = new Float64Array([0.1, 0.2, 0.35, 0.5, 0.8, 0.9]);
    for (const lam of [0.03, 0.1, 0.5, 2, 10]) {
      const eps = tiltedDistribution(p, 1, lam).kl;
      const r = lambdaForEpsilon(p, eps);
      expect(Math.abs(r.lambda - lam) / lam).toBeLessThan(1e-8);
    }
  });

  it('gives λ = ∞ (q = o) for ε = 0', () => {
    const r = lambdaForEpsilon(new Float64Array([0.1, 0.9]), 0);
    expect(r).toMatchObject({ status: 'uniform', lambda: Infinity, epsilon: 0 });
    expect(Math.abs(r.maxEpsilon - Math.log(2))).toBeLessThan(1e-15);
  });

  it('reports ε ≥ log(n/|argmax|) as unattainable (the λ → 0 limit)', () => {
    const p = new Float64Array([0.9, 0.2, 0.9, 0.4]); // two tied maxima: sup ε = log(4/2)
    const r = lambdaForEpsilon(p, Math.log(2));
    expect(r.status).toBe('unattainable');
    expect(r.lambda).toBe(0);
    expect(Math.abs(r.maxEpsilon - Math.log(2))).toBeLessThan(1e-15);
    expect(lambdaForEpsilon(p, 5).status).toBe('unattainable');
    const justBelow = lambdaForEpsilon(p, Math.log(2) * 0.999);
    expect(justBelow.status).toBe('ok');
    expect(justBelow.lambda).toBeGreaterThan(0);
  });

  it('uses the minimum for positives: sup ε = log(n/|argmin|)', () => {
    const p = new Float64Array([0.1, 0.5, 0.7]);
    expect(Math.abs(lambdaForEpsilon(p, 0.5, -1).maxEpsilon - Math.log(3))).toBeLessThan(1e-15);
  });

  it('with equal scores only ε = 0 is attainable', () => {
    const p = new Float64Array([0.3, 0.3, 0.3]);
    expect(lambdaForEpsilon(p, 0.1)).toMatchObject({ status: 'unattainable', maxEpsilon: 0 });
  });

  it('rejects negative or NaN ε', () => {
    expect(() => lambdaForEpsilon(new Float64Array([0.1, 0.2]), -1e-3)).toThrow(RangeError);
    expect(() => lambdaForEpsilon(new Float64Array([0.1, 0.2]), NaN)).toThrow(RangeError);
  });

  it('respects user weights: sup ε = −log o(argmax)', () => {
    const p = new Float64Array([0.9, 0.1, 0.5]);
    const weights = new Float64Array([1, 2, 1]); // o = (1/4, 1/2, 1/4)
    const r = lambdaForEpsilon(p, 0.2, 1, { weights });
    expect(Math.abs(r.maxEpsilon - Math.log(4))).toBeLessThan(1e-15);
    expect(Math.abs(tiltedDistribution(p, 1, r.lambda, { weights }).kl - 0.2)).toBeLessThan(1e-12);
  });
});
