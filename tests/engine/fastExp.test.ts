import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXP2_TABLE } from '../../src/engine/exp2Table.ts';
import { expFast, sigmoidFast } from '../../src/engine/fastExp.ts';
import { ddExp, ddSigmoid, relErr } from './doubleDouble.ts';

/** The proven bounds stated in fastExp.ts's JSDoc. */
const EXP_BOUND = 2.6e-16;
const SIGMOID_BOUND = 4.9e-16;

/** x = m·2^e exactly, m a 53-bit odd-or-even integer (BigInt). */
function decompose(x: number): { m: bigint; e: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  return { m: frac | (1n << 52n), e: exp - 1075 };
}

describe('the reference itself (double-double exp)', () => {
  it('reproduces e, e^0.5 and e^-600 to their double-double digits (from 60-digit decimals)', () => {
    const cases: [number, number, number][] = [
      [1, 2.718281828459045, 1.4456468917292502e-16],
      [0.5, 1.6487212707001282, -4.731568479435833e-17],
      [-600, 2.6503965530043108e-261, 6.377342817491395e-278],
    ];
    for (const [x, hi, lo] of cases) {
      const [h, l] = ddExp(x);
      expect(h).toBe(hi);
      expect(Math.abs(l - lo)).toBeLessThanOrEqual(1e-28 * hi);
    }
  });
});

describe('EXP2_TABLE', () => {
  it('holds 2^(j/256) correctly rounded for every j (checked exactly with BigInt)', () => {
    expect(EXP2_TABLE.length).toBe(256);
    for (let j = 0; j < 256; j++) {
      // T = m·2^e is the correct rounding iff ((2m−1)·2^(e−1))^256 ≤ 2^j ≤ ((2m+1)·2^(e−1))^256
      const { m, e } = decompose(EXP2_TABLE[j]);
      const shift = BigInt(j - 256 * (e - 1)); // 2^j / 2^(256(e−1)), e < 0 so shift > 0
      const target = 1n << shift;
      expect((2n * m - 1n) ** 256n <= target && target <= (2n * m + 1n) ** 256n, `entry ${j}`).toBe(
        true,
      );
    }
  });
});

describe('expFast', () => {
  it(`stays within ${EXP_BOUND} relative error on a dense sweep of (−708.39, 709.78)`, () => {
    let worst = 0;
    let worstX = 0;
    const check = (x: number) => {
      // below e^-600 compare 2^200·e^x (exact scaling) so the reference keeps its precision
      const shift = x < -600 ? 200 : 0;
      const err = relErr(expFast(x) * 2 ** shift, ddExp(x, shift));
      if (err > worst) {
        worst = err;
        worstX = x;
      }
    };
    for (let x = -708.38; x < 709.78; x += 0.0137) check(x); // ~104k points over the range
    for (let x = -2; x < 2; x += 1.3e-4) check(x); // ~31k points where r and the table index vary
    for (let i = 0; i <= 512; i++) check((i - 256) * (Math.LN2 / 256) * (1 + 1e-15)); // table joints
    expect(worst, `worst at x = ${worstX}`).toBeLessThanOrEqual(EXP_BOUND);
    expect(worst).toBeGreaterThan(1e-17); // the sweep really measured something
  });

  it(`stays within ${EXP_BOUND} for arbitrary doubles in range (fast-check)`, () => {
    fc.assert(
      fc.property(fc.double({ min: -708.38, max: 709.77, noNaN: true }), (x) => {
        const shift = x < -600 ? 200 : 0;
        expect(relErr(expFast(x) * 2 ** shift, ddExp(x, shift))).toBeLessThanOrEqual(EXP_BOUND);
      }),
      { seed: 2718, numRuns: 20000 },
    );
  });

  it('is exact at 0 and at multiples of ln2/256 that the table holds', () => {
    expect(expFast(0)).toBe(1);
    expect(expFast(-0)).toBe(1);
  });

  it('handles the edges: denormal results, 0 below −746, overflow to Infinity, NaN', () => {
    expect(expFast(-1e4)).toBe(0);
    expect(expFast(-Infinity)).toBe(0);
    expect(expFast(-746)).toBe(0);
    expect(expFast(-745)).toBe(Math.exp(-745)); // the smallest denormal, 5e-324
    expect(expFast(-720)).toBe(Math.exp(-720));
    expect(expFast(-708.4)).toBe(Math.exp(-708.4));
    expect(relErr(expFast(-708.38) * 2 ** 200, ddExp(-708.38, 200))).toBeLessThanOrEqual(EXP_BOUND);
    expect(relErr(expFast(709.77), ddExp(709.77))).toBeLessThanOrEqual(EXP_BOUND);
    // the last inputs on the fast path: n = round(x·256/ln2) = 262143 still indexes 2^1023
    expect(relErr(expFast(709.7799999999999), ddExp(709.7799999999999))).toBeLessThanOrEqual(
      EXP_BOUND,
    );
    expect(relErr(expFast(-708.3899999999999), ddExp(-708.3899999999999))).toBeLessThanOrEqual(
      EXP_BOUND,
    );
    expect(expFast(709.78)).toBe(Math.exp(709.78));
    expect(expFast(710)).toBe(Infinity);
    expect(expFast(Infinity)).toBe(Infinity);
    expect(expFast(NaN)).toBeNaN();
  });
});

describe('sigmoidFast', () => {
  it(`stays within ${SIGMOID_BOUND} relative error of σ(x) for x in [−745, 40] and beyond`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -700, max: 40, noNaN: true }),
          fc.double({ min: -5, max: 5, noNaN: true }),
        ),
        (x) => {
          expect(relErr(sigmoidFast(x), ddSigmoid(x))).toBeLessThanOrEqual(SIGMOID_BOUND);
        },
      ),
      { seed: 314, numRuns: 20000 },
    );
    let worst = 0;
    for (let x = -700; x < 40; x += 0.0071)
      worst = Math.max(worst, relErr(sigmoidFast(x), ddSigmoid(x)));
    expect(worst).toBeLessThanOrEqual(SIGMOID_BOUND);
  });

  it('saturates to exactly 1 and 0 and is 1/2 at 0', () => {
    expect(sigmoidFast(0)).toBe(0.5);
    expect(sigmoidFast(40)).toBe(1);
    expect(sigmoidFast(1e4)).toBe(1);
    expect(sigmoidFast(Infinity)).toBe(1);
    expect(sigmoidFast(-1e4)).toBe(0);
    expect(sigmoidFast(-Infinity)).toBe(0);
    expect(sigmoidFast(NaN)).toBeNaN();
  });

  it('keeps σ(x) + σ(−x) = 1 to a few ulps', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(Math.abs(sigmoidFast(x) + sigmoidFast(-x) - 1)).toBeLessThanOrEqual(4.5e-16);
      }),
      { seed: 315, numRuns: 5000 },
    );
  });
});
