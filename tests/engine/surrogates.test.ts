import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hingeLoss,
  hingeSlope,
  logisticLoss,
  logisticSlope,
  quadraticLoss,
  quadraticSlope,
  surrogate,
} from '../../src/engine/index.ts';

describe('surrogates of the hinge (paper Eq. 7–8)', () => {
  it('logistic: softplus(Lz)/L equals log(1+e^{Lz})/L where that does not overflow, and z for large Lz', () => {
    for (const [z, L] of [
      [0.5, 6],
      [-0.3, 4],
      [0.01, 10],
      [-2, 8],
    ]) {
      const direct = Math.log(1 + Math.exp(L * z)) / L;
      expect(Math.abs(logisticLoss(z, L) - direct)).toBeLessThan(1e-15 * Math.max(1, direct));
    }
    expect(logisticLoss(1e3, 6)).toBe(1e3); // softplus(6000)/6 = 1000 + log1p(e^-6000)/6
    expect(logisticLoss(-1e3, 6)).toBe(0);
    expect(Number.isFinite(logisticLoss(1e300, 6))).toBe(true);
  });

  it('the quadratic surrogate is z above ρ, 0 below −ρ, (z+ρ)²/(4ρ) between, continuous at ±ρ', () => {
    expect(quadraticLoss(0.7, 0.5)).toBe(0.7);
    expect(quadraticLoss(-0.7, 0.5)).toBe(0);
    expect(quadraticLoss(0, 0.5)).toBe(0.125);
    expect(Math.abs(quadraticLoss(0.5 - 1e-12, 0.5) - 0.5)).toBeLessThan(1e-11);
    expect(quadraticLoss(-0.5 + 1e-12, 0.5)).toBeLessThan(1e-23);
    expect(quadraticSlope(0.5 - 1e-12, 0.5)).toBeCloseTo(1, 10);
    expect(quadraticSlope(-0.5 + 1e-12, 0.5)).toBeCloseTo(0, 10);
  });

  it('hinge: max(0, z) with slope 0 at the kink', () => {
    expect(hingeLoss(0.3)).toBe(0.3);
    expect(hingeLoss(-0.3)).toBe(0);
    expect(hingeSlope(0.3)).toBe(1);
    expect(hingeSlope(0)).toBe(0);
    expect(hingeSlope(-1)).toBe(0);
  });

  it('each slope is the derivative of its value (central differences away from kinks)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (z, L, rho) => {
          const h = 1e-6;
          const fd = (f: (x: number) => number) => (f(z + h) - f(z - h)) / (2 * h);
          const tol = 1e-6 * Math.max(1, L);
          expect(Math.abs(logisticSlope(z, L) - fd((x) => logisticLoss(x, L)))).toBeLessThan(tol);
          if (Math.abs(Math.abs(z) - rho) > 1e-4) {
            expect(
              Math.abs(quadraticSlope(z, rho) - fd((x) => quadraticLoss(x, rho))),
            ).toBeLessThan(1e-6);
          }
          if (Math.abs(z) > 1e-4)
            expect(Math.abs(hingeSlope(z) - fd(hingeLoss))).toBeLessThan(1e-6);
        },
      ),
      { seed: 8, numRuns: 300 },
    );
  });

  it('every surrogate lies above the hinge (logistic, quadratic) or is it (hinge), and approaches it as L → ∞ or ρ → 0', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (z) => {
        const hinge = Math.max(0, z);
        expect(surrogate('hinge', z, 6, 0.5).value).toBe(hinge);
        expect(surrogate('logistic', z, 6, 0.5).value).toBeGreaterThanOrEqual(hinge);
        expect(surrogate('quad', z, 6, 0.5).value).toBeGreaterThanOrEqual(hinge);
        expect(surrogate('logistic', z, 1e4, 0.5).value - hinge).toBeLessThanOrEqual(
          Math.log(2) / 1e4 + 1e-15,
        );
        expect(surrogate('quad', z, 6, 1e-4).value - hinge).toBeLessThanOrEqual(1e-4 / 4 + 1e-15);
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it('the logistic slope σ(Lz) is 1/2 at z = 0 and the default loss at z = 0.5 is log(1+e³)/6', () => {
    expect(logisticSlope(0, 6)).toBe(0.5);
    expect(Math.abs(logisticLoss(0.5, 6) - Math.log(1 + Math.exp(3)) / 6)).toBeLessThan(1e-16);
  });
});
