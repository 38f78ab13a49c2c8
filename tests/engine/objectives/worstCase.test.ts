import { describe, expect, it } from 'vitest';
import { worstCaseLoss, worstCasePair } from '../../../src/engine/objectives/worstCase.ts';
import {
  DEFAULT_PARAMS,
  SMOOTHINGS,
  createWorkspace,
  evaluate,
  pool,
} from '../../../src/engine/index.ts';
import { lcg } from './testing.ts';

describe('worstCasePair (Eq. 5)', () => {
  it('takes max p− and min p+ with their first positions and τ·ℓ of their margin violation', () => {
    const pPos = Float64Array.of(0.8, 0.3, 0.3, 0.9);
    const pNeg = Float64Array.of(0.1, 0.6, 0.2, 0.6);
    const r = worstCasePair(pPos, pNeg, DEFAULT_PARAMS);
    expect(r.maxNeg).toBeCloseTo(0.6, 15);
    expect(r.minPos).toBeCloseTo(0.3, 15);
    expect(r.maxNegIndex).toBe(1);
    expect(r.minPosIndex).toBe(1);
    expect(r.z).toBeCloseTo(0.8, 15);
    // Logistic, L = 6, τ = 4: 4·log(1 + e^4.8)/6.
    expect(r.loss).toBeCloseTo((4 * Math.log(1 + Math.exp(4.8))) / 6, 13);
  });

  it('uses the chosen surrogate: hinge gives τ·max(0, z), quadratic (z+ρ)²/4ρ inside ±ρ', () => {
    const pPos = Float64Array.of(0.7);
    const pNeg = Float64Array.of(0.4);
    const hinge = worstCasePair(pPos, pNeg, { ...DEFAULT_PARAMS, smoothing: 'hinge' });
    expect(hinge.loss).toBeCloseTo(4 * 0.2, 14);
    const quad = worstCasePair(pPos, pNeg, { ...DEFAULT_PARAMS, smoothing: 'quad', rho: 0.5 });
    expect(quad.loss).toBeCloseTo((4 * 0.7 * 0.7) / 2, 14);
    const clear = worstCasePair(Float64Array.of(0.9), Float64Array.of(0.1), {
      ...DEFAULT_PARAMS,
      smoothing: 'hinge',
    });
    expect(clear.loss).toBe(0);
  });

  it('treats an empty set as DR does: min p+ = 1 without positives, max p− = 0 without negatives', () => {
    const none = new Float64Array(0);
    const noPos = worstCasePair(none, Float64Array.of(0.4), DEFAULT_PARAMS);
    expect(noPos.minPos).toBe(1);
    expect(noPos.minPosIndex).toBe(-1);
    expect(noPos.z).toBeCloseTo(-0.1, 15);
    const noNeg = worstCasePair(Float64Array.of(0.4), none, DEFAULT_PARAMS);
    expect(noNeg.maxNeg).toBe(0);
    expect(noNeg.maxNegIndex).toBe(-1);
    expect(noNeg.z).toBeCloseTo(0.1, 15);
  });

  it('is the λ± → 0 limit of the engine DR loss (λ = 1e-6, 1e-12 rel), for each surrogate', () => {
    const rng = lcg(5);
    const R = 300;
    const logits = Float64Array.from({ length: R * 2 }, () => 8 * rng() - 4);
    const targets = Int32Array.from({ length: R }, () => Math.floor(4 * rng()) - 1); // −1..2
    const pooled = pool(logits, targets, 2);
    for (const smoothing of SMOOTHINGS) {
      const params = { ...DEFAULT_PARAMS, smoothing, lambdaPos: 1e-6, lambdaNeg: 1e-6 };
      const dr = evaluate(pooled, params, createWorkspace(pooled));
      const worst = worstCasePair(pooled.pPos, pooled.pNeg, params);
      expect(Math.abs(dr.pMinus - worst.maxNeg)).toBeLessThan(1e-12);
      expect(Math.abs(dr.pPlus - worst.minPos)).toBeLessThan(1e-12);
      expect(Math.abs(dr.loss - worst.loss)).toBeLessThanOrEqual(1e-12 * Math.max(1, dr.loss));
    }
  });
});

describe('worstCaseLoss (Eq. 5 from known extremes)', () => {
  it('gives worstCasePair’s z and loss for the same extremes, for each surrogate', () => {
    const pPos = Float64Array.of(0.8, 0.35, 0.9);
    const pNeg = Float64Array.of(0.1, 0.62, 0.2);
    for (const smoothing of SMOOTHINGS) {
      const params = { ...DEFAULT_PARAMS, smoothing };
      const pair = worstCasePair(pPos, pNeg, params);
      const fromExtremes = worstCaseLoss(0.62, 0.35, params);
      expect(fromExtremes.z).toBe(pair.z);
      expect(fromExtremes.loss).toBe(pair.loss);
    }
  });
});
