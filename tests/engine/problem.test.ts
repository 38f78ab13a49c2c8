import { describe, expect, it } from 'vitest';
import { focalLoss, pool } from '../../src/engine/index.ts';
import { checkProblem } from '../../src/engine/problem.ts';

describe('the one problem check', () => {
  it('rejects a bad K, logits not R·K, a target above K or not an integer, a short gradient buffer', () => {
    const ok = new Float64Array(4);
    expect(() => checkProblem(ok, Int32Array.of(1, 0), 2)).not.toThrow();
    expect(() => checkProblem(ok, Int32Array.of(1, 0), 0)).toThrow(RangeError);
    expect(() => checkProblem(ok, Int32Array.of(1, 0, 0), 2)).toThrow(RangeError);
    expect(() => checkProblem(ok, Int32Array.of(3, 0), 2)).toThrow(/exceeds K = 2/);
    expect(() => checkProblem(ok, [0.5, 0], 2)).toThrow(/not an integer/);
    expect(() => checkProblem(ok, Int32Array.of(1, 0), 2, new Float64Array(3))).toThrow(RangeError);
  });

  it('pool and the per-entry objectives refuse the same problem with the same message', () => {
    const logits = new Float64Array(5);
    const targets = Int32Array.of(1, 0);
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    const a = message(() => pool(logits, targets, 2));
    expect(a).toMatch(/must equal targets.length × K/);
    expect(message(() => focalLoss(logits, targets, 2))).toBe(a);
  });
});
