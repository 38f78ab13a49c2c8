// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fmtCount, fmtCountShort, fmtNum, fmtP, fmtPct, px } from '../../src/viz/format.ts';

describe('px', () => {
  it('rounds to 2 decimals and never writes −0', () => {
    expect(px(12.34567)).toBe(12.35);
    expect(Object.is(px(-0.001), 0)).toBe(true);
    expect(px(-3.456)).toBe(-3.46);
  });
});

describe('readout formats', () => {
  it('writes scores with 4 decimals, reals with 4 significant digits, counts with separators', () => {
    expect(fmtP(0.621115)).toBe('0.6211');
    expect(fmtNum(2.5625233)).toBe('2.563');
    expect(fmtNum(-0)).toBe('0');
    expect(fmtCount(8_000_000)).toBe('8,000,000');
    expect(fmtPct(0.97312)).toBe('97.3%');
  });

  it('writes a count exactly as toLocaleString("en") does, which the app no longer calls (Intl is slow to start)', () => {
    expect([0, 7, 10_010].map(fmtCount)).toEqual(['0', '7', '10,010']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 53 - 1 }), (n) => {
        expect(fmtCount(n)).toBe(n.toLocaleString('en'));
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it('writes tick counts short, with an SI prefix and at most 3 significant digits', () => {
    expect([0, 950, 1000, 1500, 20_000, 12_345, 6_000_000, 7_920_000].map(fmtCountShort)).toEqual([
      '0',
      '950',
      '1k',
      '1.5k',
      '20k',
      '12.3k',
      '6M',
      '7.92M',
    ]);
  });

  it('writes a dash for non-finite values instead of NaN or Infinity', () => {
    for (const f of [fmtP, fmtNum, fmtCount, fmtCountShort, fmtPct]) {
      expect(f(NaN)).toBe('—');
      expect(f(Infinity)).toBe('—');
    }
  });
});
