import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson, formatNumber } from '../../src/cli/format.ts';

describe('formatNumber', () => {
  it('writes -0 as "-0", which JSON.parse reads back as -0', () => {
    expect(formatNumber(-0)).toBe('-0');
    expect(Object.is(JSON.parse(formatNumber(-0)), -0)).toBe(true);
  });

  it('writes subnormals, extremes and exponents as valid JSON that parses to the same double', () => {
    for (const x of [5e-324, -8.210027633174174e-223, Number.MAX_VALUE, 1e21, 0.1, -2.5e-7]) {
      expect(JSON.parse(formatNumber(x))).toBe(x);
    }
  });

  it('round-trips every finite double exactly through JSON.parse', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(JSON.parse(formatNumber(x)), x)).toBe(true);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('refuses NaN and ±Infinity, which JSON cannot hold', () => {
    for (const x of [NaN, Infinity, -Infinity]) expect(() => formatNumber(x)).toThrow(RangeError);
  });
});

describe('formatJson', () => {
  it('prints a number array on one line and an array of rows one row per line', () => {
    const out = {
      loss: 1.5,
      grad: [
        [-0, 2],
        [3e-300, 4],
      ],
    };
    expect(formatJson(out)).toBe(
      '{\n  "loss": 1.5,\n  "grad": [\n    [-0, 2],\n    [3e-300, 4]\n  ]\n}',
    );
  });

  it('indents objects inside an array', () => {
    expect(formatJson([{ a: [1] }, { a: [] }])).toBe(
      '[\n  {\n    "a": [1]\n  },\n  {\n    "a": []\n  }\n]',
    );
  });

  it('gives JSON that parses back to the same structure with every double and -0 kept', () => {
    const row = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 4 });
    const value = fc.array(
      fc.record({
        loss: fc.double({ noNaN: true, noDefaultInfinity: true }),
        grad: fc.array(row, { maxLength: 3 }),
        name: fc.string(),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(value, (v) => {
        const back = JSON.parse(formatJson(v)) as typeof v;
        expect(back).toHaveLength(v.length);
        v.forEach((item, i) => {
          expect(Object.is(back[i].loss, item.loss)).toBe(true);
          expect(back[i].name).toBe(item.name);
          item.grad.forEach((r, j) =>
            r.forEach((x, k) => expect(Object.is(back[i].grad[j][k], x)).toBe(true)),
          );
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
