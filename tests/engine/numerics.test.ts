import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compensatedSum,
  logSigmoid,
  logSumExp,
  sigmoid,
  softmaxInto,
  softplus,
} from '../../src/engine/numerics.ts';
import { ddSigmoid, relErr } from './doubleDouble.ts';

describe('numerics', () => {
  it('sigmoid is within 4.5e-16 relative of σ for x in [−700, 40], and exactly 0/1 when saturated', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 40, noNaN: true }), (x) => {
        expect(relErr(sigmoid(x), ddSigmoid(x))).toBeLessThanOrEqual(4.5e-16);
      }),
      { seed: 1, numRuns: 3000 },
    );
    expect(sigmoid(1e4)).toBe(1);
    expect(sigmoid(-1e4)).toBe(0);
  });

  it('softplus(a) = log(1+e^a) without overflow, and logSigmoid(x) = log σ(x)', () => {
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
    expect(Math.abs(softplus(0) - Math.LN2)).toBeLessThan(1e-16);
    expect(Math.abs(softplus(3) - Math.log1p(Math.exp(3)))).toBeLessThan(1e-15);
    expect(Math.abs(logSigmoid(-2) - Math.log(sigmoid(-2)))).toBeLessThan(1e-15);
    expect(logSigmoid(-1000)).toBe(-1000);
  });

  it('logSumExp is max-shifted (finite for huge inputs), honours weights and is −∞ when empty', () => {
    const x = new Float64Array([1000, 1000]);
    expect(Math.abs(logSumExp(x) - (1000 + Math.LN2))).toBeLessThan(1e-12);
    expect(Math.abs(logSumExp(x, new Float64Array([0, 3])) - (1000 + Math.log(3)))).toBeLessThan(
      1e-12,
    );
    expect(logSumExp(new Float64Array(0))).toBe(-Infinity);
    expect(logSumExp(x, new Float64Array(2))).toBe(-Infinity);
  });

  it('softmaxInto sums to 1 for any finite input and writes nothing for an empty one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        (a) => {
          const out = new Float64Array(a.length);
          expect(softmaxInto(Float64Array.from(a), out)).toBe(true);
          expect(Math.abs(out.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-14);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
    expect(softmaxInto(new Float64Array(0), new Float64Array(0))).toBe(false);
  });

  it('compensatedSum recovers what a naive sum loses', () => {
    const x = [1e16, 1, -1e16, 1];
    expect(x.reduce((a, b) => a + b, 0)).not.toBe(2); // the naive sum loses the first 1
    expect(compensatedSum(x)).toBe(2);
  });
});
