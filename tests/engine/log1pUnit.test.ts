import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOG1P_TABLE, log1pUnit } from '../../src/engine/log1pUnit.ts';

const BITS = 256n;
const ONE = 1n << BITS;

/** ln(1 + j/256) · 2^256 (floor, error < 2^-200 relative), from 2·atanh(t), t = j/(512 + j). */
function lnFixed(j: number): bigint {
  const num = BigInt(j);
  const den = BigInt(512 + j);
  // Σ t^(2k+1)/(2k+1), each term floored; t ≤ 1/3, so 170 terms reach below 2^-260
  let power = (num * ONE) / den;
  const t2num = num * num;
  const t2den = den * den;
  let sum = 0n;
  for (let k = 0; k < 170 && power > 0n; k++) {
    sum += power / BigInt(2 * k + 1);
    power = (power * t2num) / t2den;
  }
  return 2n * sum;
}

/** A positive double as m·2^e with integer m (exact). */
function exact(x: number): { m: bigint; e: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? { m: frac, e: -1074 } : { m: frac | (1n << 52n), e: biased - 1075 };
}

describe('log1pUnit', () => {
  it('has a table of correctly rounded log(1 + j/256): each entry within half an ulp of a 256-bit value', () => {
    expect(LOG1P_TABLE.length).toBe(257);
    expect(LOG1P_TABLE[0]).toBe(0);
    for (let j = 1; j <= 256; j++) {
      const x = LOG1P_TABLE[j];
      const { m, e } = exact(x);
      // |x − L| ≤ ulp/2 ⇔ |m·2^e − L| ≤ 2^(e−1), compared at scale 2^256 (e ≥ −61 here)
      const scaled = m << BigInt(256 + e);
      const diff = scaled - lnFixed(j);
      const halfUlp = 1n << BigInt(256 + e - 1);
      expect(diff <= halfUlp && -diff <= halfUlp, `j = ${j}`).toBe(true);
    }
  });

  it('is within 8 ulp-units (8·2^-53 relative) of Math.log1p on [0, 1], table points and ends included', () => {
    const u = 2 ** -53;
    const check = (e: number): void => {
      const ref = Math.log1p(e);
      // Math.log1p is within 1 ulp itself: allow 8u + 1u
      expect(Math.abs(log1pUnit(e) - ref)).toBeLessThanOrEqual(9 * u * ref);
    };
    for (const e of [0, 1, 5e-324, 1e-300, 1e-17, 1e-9, 0.5, 1 / 512, 3 / 512, 255.5 / 256])
      check(e);
    for (let j = 0; j <= 256; j++) {
      const t = j / 256;
      for (const e of [t, t + 1e-12, t - 1e-12, t + 1 / 513, t - 1 / 513])
        if (e >= 0 && e <= 1) check(e);
    }
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (e) => check(e)),
      {
        seed: 5,
        numRuns: 20000,
      },
    );
  });

  it('returns NaN for NaN', () => {
    expect(log1pUnit(NaN)).toBeNaN();
  });
});
