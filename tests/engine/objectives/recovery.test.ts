import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recoveryCounts, recoveryCountsSorted } from '../../../src/engine/objectives/recovery.ts';

describe('recoveryCounts (§3.3 thresholds)', () => {
  it('counts positives with p ≥ γ and negatives with p ≤ 1 − γ, both thresholds inclusive', () => {
    const r = recoveryCounts(
      Float64Array.of(0.2, 0.5, 0.9),
      Float64Array.of(0.5, 0.51, 0.1, 1),
      0.5,
    );
    expect(r).toEqual({ posAbove: 2, posTotal: 3, negBelow: 2, negTotal: 4 });
  });

  it('uses 1 − γ for negatives, not γ: with γ = 0.3 a negative at 0.6 is still below', () => {
    const r = recoveryCounts(Float64Array.of(0.29, 0.3), Float64Array.of(0.6, 0.7, 0.71), 0.3);
    expect(r.posAbove).toBe(1);
    expect(r.negBelow).toBe(2);
  });

  it('is all zeros for empty sets', () => {
    const r = recoveryCounts(new Float64Array(0), new Float64Array(0), 0.5);
    expect(r).toEqual({ posAbove: 0, posTotal: 0, negBelow: 0, negTotal: 0 });
  });
});

describe('recoveryCountsSorted (binary searches in sorted scores)', () => {
  it('gives recoveryCounts’ counts exactly, thresholds hit exactly included', () => {
    const grid = fc.integer({ min: 0, max: 16 }).map((k) => k / 16);
    const set = fc.array(fc.oneof(grid, fc.double({ min: 0, max: 1, noNaN: true })), {
      maxLength: 50,
    });
    fc.assert(
      fc.property(
        set,
        set,
        fc.oneof(grid, fc.double({ min: 0, max: 1, noNaN: true })),
        (a, b, g) => {
          const pPos = Float64Array.from(a);
          const pNeg = Float64Array.from(b);
          const sorted = recoveryCountsSorted(
            Float64Array.from(a).sort(),
            Float64Array.from(b).sort(),
            g,
          );
          expect(sorted).toEqual(recoveryCounts(pPos, pNeg, g));
        },
      ),
      { seed: 33, numRuns: 300 },
    );
  });
});
