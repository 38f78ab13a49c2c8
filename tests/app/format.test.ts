// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMs, formatParam, formatReadout, formatShort } from '../../src/app/format.ts';

describe('readout and parameter text', () => {
  it('readouts keep 10 significant digits and parse back within 5e-10 relative', () => {
    for (const x of [2.0323916, 0.48409237651, 1e-7 / 3, 123456.789012, -0.25 / 3]) {
      const text = formatReadout(x);
      expect(Math.abs(Number(text) - x)).toBeLessThanOrEqual(5e-10 * Math.abs(x));
    }
  });

  it('readouts trim trailing zeros and use an ASCII minus', () => {
    expect(formatReadout(1)).toBe('1');
    expect(formatReadout(0.5)).toBe('0.5');
    expect(formatReadout(-0.125)).toBe('-0.125');
    expect(formatReadout(1.5e-12)).toBe('1.5e-12');
    expect(formatReadout(-0)).toBe('0');
  });

  it('a non-finite value reads as a dash, never as NaN', () => {
    expect(formatReadout(NaN)).toBe('—');
    expect(formatReadout(Infinity)).toBe('—');
  });

  it('a parameter is shown exactly (the shortest text that round-trips)', () => {
    const lambda = 0.1 / Math.log(3.5);
    expect(Number(formatParam(lambda))).toBe(lambda);
    expect(formatParam(-0)).toBe('0');
  });

  it('milliseconds: 2 significant digits below 10, whole above', () => {
    expect(formatMs(0.01234)).toBe('0.012');
    expect(formatMs(12.6)).toBe('13');
  });
});

describe('short numbers (the candidate table’s gradient cells)', () => {
  it('never exceed 13 characters, the width of the table’s fixed gradient box (app.css .live-num)', () => {
    expect(formatShort(-1.234567e-100)).toBe('-1.23457e-100');
    expect(formatShort(-Number.MIN_VALUE).length).toBeLessThanOrEqual(13);
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(formatShort(x).length).toBeLessThanOrEqual(13);
      }),
      { seed: 4, numRuns: 2000 },
    );
  });
});
