import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sigmoid, softplus } from '../../../src/engine/numerics.ts';
import { CompensatedSum } from '../../../src/engine/numerics.ts';
import { FOCAL_DEFAULTS, entryObjectives } from '../../../src/engine/objectives/entryObjectives.ts';
import { entryProblems } from './testing.ts';

const problems = entryProblems(40, { minRows: 0, maxRows: 10 });

/** Within 2e-15 of b, relative to max(|b|, 2^-1022) (p − 1 ≈ −q is an absolute error of p's). */
function near(a: number, b: number): void {
  expect(Number.isFinite(a)).toBe(true);
  expect(Math.abs(a - b)).toBeLessThanOrEqual(2e-15 * Math.max(Math.abs(b), 2 ** -1022));
}

describe('entryObjectives (BCE and focal loss in one pass)', () => {
  // expFast (≤ 2.6e-16) and log1pUnit (≤ 8u) against Math.exp and Math.log1p: every per-entry value
  // is a few roundings of sums and products of positive terms, so it stays within a few ulps
  it('equals the per-entry definitions through numerics’ sigmoid and softplus: gradients to 2e-15, sums to 4e-15', () => {
    fc.assert(
      fc.property(
        problems,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ K, targets, logits }, alpha) => {
          const params = { alpha, gamma: 2 };
          const gBce = new Float64Array(logits.length).fill(9);
          const gFl = new Float64Array(logits.length).fill(9);
          const { bce, focal } = entryObjectives(logits, targets, K, params, {
            bce: gBce,
            focal: gFl,
          });
          const sums = { bce: new CompensatedSum(), fl: new CompensatedSum() };
          let nPos = 0;
          for (const t of targets) if (t >= 1) nPos++;
          const inv = 1 / Math.max(1, nPos);
          logits.forEach((x, i) => {
            const t = targets[Math.floor(i / K)];
            if (t < 0) {
              expect(gBce[i]).toBe(0);
              expect(gFl[i]).toBe(0);
              return;
            }
            const positive = t === (i % K) + 1;
            const p = sigmoid(x);
            const q = sigmoid(-x);
            const y = positive ? 1 : 0;
            near(gBce[i], p - y);
            const minusLog = positive ? softplus(-x) : softplus(x);
            sums.bce.add(minusLog);
            const w = positive ? alpha * Math.pow(q, 2) : (1 - alpha) * Math.pow(p, 2);
            sums.fl.add(w * minusLog);
            const g = positive
              ? w * (2 * p * -minusLog - q) * inv
              : w * (p + 2 * q * minusLog) * inv;
            near(gFl[i], g);
          });
          const close = (a: number, b: number) =>
            expect(Math.abs(a - b)).toBeLessThanOrEqual(4e-15 * Math.abs(b));
          close(bce.loss, sums.bce.value());
          close(focal.loss, sums.fl.value() * inv);
        },
      ),
      { seed: 2017, numRuns: 300 },
    );
  });

  it('takes one gradient buffer alone: raising a positive’s logit lowers FL', () => {
    const logits = Float64Array.of(1, -2);
    const gFl = new Float64Array(2);
    const r = entryObjectives(logits, Int32Array.of(1, 0), 1, FOCAL_DEFAULTS, { focal: gFl });
    expect(r.bce.nPos).toBe(1);
    expect(gFl[0]).toBeLessThan(0);
  });
});
