import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryObjectives, FOCAL_DEFAULTS } from '../../../src/engine/objectives/index.ts';
import { objectivesBlocked } from '../../../src/engine/shards/index.ts';
import { randomProblem } from '../rng.ts';

describe('BCE and the focal loss summed over blocks of rows', () => {
  it('give entryObjectives’ numbers exactly for one block, and to 1e-13 for any blocks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        (seed, R, K, rows) => {
          const { logits, targets } = randomProblem(seed, R, K, { scale: 4 });
          const whole = entryObjectives(logits, targets, K, FOCAL_DEFAULTS);
          const one = objectivesBlocked(logits, targets, K, FOCAL_DEFAULTS, R);
          expect(one.bce).toEqual({ total: whole.bce.loss, fromNeg: whole.bce.lossNeg });
          expect(one.focal.loss).toBe(whole.focal.loss);
          const blocked = objectivesBlocked(logits, targets, K, FOCAL_DEFAULTS, rows);
          const close = (a: number, b: number) => Math.abs(a - b) <= 1e-13 * Math.abs(b);
          expect(close(blocked.bce.total, whole.bce.loss)).toBe(true);
          expect(close(blocked.bce.fromNeg, whole.bce.lossNeg)).toBe(true);
          expect(close(blocked.focal.loss, whole.focal.loss)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
