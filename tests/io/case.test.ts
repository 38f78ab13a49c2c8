// Tests of src/io/case.ts (kept under tests/cli so the 'node' Vitest project runs them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/types.ts';
import { parseCase, parseCases, parseCasesValue } from '../../src/io/case.ts';
import type { ParseCasesResult } from '../../src/io/case.ts';
import { GOLDEN_JSON } from '../golden/cases.ts';

const good = {
  logits: [
    [0.5, -1],
    [2, 0],
  ],
  targets: [1, 0],
};

/** The error of a parse that must fail (fails the test if it succeeded). */
function errorOf(r: ParseCasesResult): string {
  if (r.ok) throw new Error('expected a parse error, got ok');
  return r.error;
}

/** parseCases on `cases` wrapped in an array with one good case first, so the bad one is case 1. */
function secondCaseError(bad: unknown): string {
  return errorOf(parseCases(JSON.stringify([good, bad])));
}

describe('parseCases accepts the golden format', () => {
  it('reads one nested case into row-major logits with R, K and default params', () => {
    const r = parseCases(JSON.stringify(good));
    if (!r.ok) throw new Error(r.error);
    expect(r.isArray).toBe(false);
    expect(r.cases).toHaveLength(1);
    const c = r.cases[0];
    expect([c.R, c.K, c.flat]).toEqual([2, 2, false]);
    expect(Array.from(c.logits)).toEqual([0.5, -1, 2, 0]);
    expect(Array.from(c.targets)).toEqual([1, 0]);
    expect(c.params).toEqual(DEFAULT_PARAMS);
  });

  it('reads a flat logits list as K = 1 and remembers it was flat', () => {
    const r = parseCases('{"logits": [2, -1, 0.5], "targets": [1, 0, -1]}');
    if (!r.ok) throw new Error(r.error);
    const c = r.cases[0];
    expect([c.R, c.K, c.flat]).toEqual([3, 1, true]);
    expect(Array.from(c.logits)).toEqual([2, -1, 0.5]);
  });

  it('reads an array of cases in order and says it was an array', () => {
    const r = parseCases(JSON.stringify([good, { logits: [1], targets: [0] }]));
    if (!r.ok) throw new Error(r.error);
    expect(r.isArray).toBe(true);
    expect(r.cases.map((c) => c.R)).toEqual([2, 1]);
  });

  it('keeps every double exactly, -0 and subnormals included', () => {
    const r = parseCases(
      '{"logits": [-0, 5e-324, 1.7976931348623157e308, 0.1], "targets": [0,0,0,0]}',
    );
    if (!r.ok) throw new Error(r.error);
    const x = r.cases[0].logits;
    expect(Object.is(x[0], -0)).toBe(true);
    expect(x[1]).toBe(5e-324);
    expect(x[2]).toBe(Number.MAX_VALUE);
    expect(x[3]).toBe(0.1);
  });

  it('maps every parameter name onto DRParams, negTopK onto the hard-negative prior', () => {
    const params = { margin: -0.2, lambdaPos: 2, lambdaNeg: 0.05, L: 8, tau: 0, rho: 0.2 };
    const r = parseCasesValue({ ...good, params: { ...params, smoothing: 'quad', negTopK: 3 } });
    if (!r.ok) throw new Error(r.error);
    expect(r.cases[0].params).toEqual({
      ...params,
      smoothing: 'quad',
      original: { kind: 'hardNegative', k: 3 },
    });
  });

  it('fills absent parameters with the defaults', () => {
    const r = parseCasesValue({ ...good, params: { smoothing: 'hinge' } });
    if (!r.ok) throw new Error(r.error);
    expect(r.cases[0].params).toEqual({ ...DEFAULT_PARAMS, smoothing: 'hinge' });
  });

  it('treats any negative integer target as ignored (-1)', () => {
    const r = parseCasesValue({ logits: [0, 0, 0], targets: [-1, -7, -1e20] });
    if (!r.ok) throw new Error(r.error);
    expect(Array.from(r.cases[0].targets)).toEqual([-1, -1, -1]);
  });

  it('ignores an expected block and skips a byte-order mark', () => {
    const text = `\ufeff${JSON.stringify({ ...good, expected: { loss: 'anything' } })}`;
    expect(parseCases(text).ok).toBe(true);
  });

  it('reads all 48 golden cases', () => {
    const r = parseCasesValue(GOLDEN_JSON);
    if (!r.ok) throw new Error(r.error);
    expect(r.cases).toHaveLength(48);
  });
});

describe('parseCases rejects bad input with one line naming the case and field', () => {
  it.each([
    ['not JSON', '{"logits": [1,', /^input: not valid JSON \(/],
    ['empty text', '  \n', /^input: empty/],
    ['a bare number', '42', /^input: expected one case object or an array of cases \(got 42\)/],
    ['an empty array', '[]', /^input: empty array/],
  ])('document-level: %s', (_name, text, pattern) => {
    const error = errorOf(parseCases(text));
    expect(error).toMatch(pattern);
    expect(error).not.toContain('\n');
  });

  it('a JSON syntax error that quotes multi-line input still gives one line', () => {
    const error = errorOf(parseCases('{\n"logits":\n x\n}'));
    expect(error).toMatch(/^input: not valid JSON/);
    expect(error).not.toMatch(/[\r\n]/);
  });

  it('a case that is not an object', () => {
    expect(secondCaseError([1, 2])).toBe(
      'case 1: expected an object with "logits" and "targets" (got an array of length 2)',
    );
  });

  it('missing logits', () => {
    expect(secondCaseError({ targets: [0] })).toBe('case 1: missing logits');
  });

  it('missing targets', () => {
    expect(secondCaseError({ logits: [0] })).toBe('case 1: missing targets');
  });

  it('logits not an array', () => {
    expect(secondCaseError({ logits: 3, targets: [0] })).toMatch(
      /^case 1: logits must be an array .*\(got 3\)$/,
    );
  });

  it('empty logits', () => {
    expect(secondCaseError({ logits: [], targets: [] })).toMatch(/^case 1: logits is empty/);
  });

  it('an empty first row (K = 0)', () => {
    expect(secondCaseError({ logits: [[], []], targets: [0, 0] })).toMatch(
      /^case 1: logits\[0\] is an empty row/,
    );
  });

  it('ragged logits', () => {
    expect(secondCaseError({ logits: [[1, 2], [3, 4], [5]], targets: [0, 0, 0] })).toBe(
      'case 1: logits[2] has 1 entries but logits[0] has 2 (rows must be equal)',
    );
  });

  it('rows mixed with numbers', () => {
    expect(secondCaseError({ logits: [[1, 2], 3], targets: [0, 0] })).toBe(
      'case 1: logits[1] is not a row like logits[0] (got 3)',
    );
    expect(secondCaseError({ logits: [3, [1, 2]], targets: [0, 0] })).toMatch(
      /^case 1: logits\[1\] is an array but logits\[0\] is not/,
    );
  });

  it('a non-numeric logit', () => {
    const logits = [
      [0, 0],
      [0, 0],
      [0, 'abc'],
    ];
    expect(secondCaseError({ logits, targets: [0, 0, 0] })).toBe(
      'case 1: logits[2][1] is not a finite number (got "abc")',
    );
  });

  it('a null logit', () => {
    expect(secondCaseError({ logits: [0, null], targets: [0, 0] })).toBe(
      'case 1: logits[1] is not a finite number (got null)',
    );
  });

  it('a logit that overflows to Infinity (1e999)', () => {
    const text = `[${JSON.stringify(good)}, {"logits": [[0], [-1e999]], "targets": [0, 0]}]`;
    expect(errorOf(parseCases(text))).toBe(
      'case 1: logits[1][0] is not a finite number (got -Infinity, from a literal beyond the float64 range)',
    );
  });

  it('a number given as a string', () => {
    expect(secondCaseError({ logits: ['1.5'], targets: [0] })).toBe(
      'case 1: logits[0] is not a finite number (got "1.5", a string: write numbers without quotes)',
    );
  });

  it('targets of the wrong length', () => {
    expect(secondCaseError({ logits: [0, 0, 0, 0, 0], targets: [0, 0, 0, 0] })).toBe(
      'case 1: targets has length 4 but logits has 5 rows',
    );
  });

  it('targets longer than logits', () => {
    expect(secondCaseError({ logits: [0, 0], targets: [0, 0, 1] })).toBe(
      'case 1: targets has length 3 but logits has 2 rows',
    );
  });

  it('targets not an array', () => {
    expect(secondCaseError({ logits: [0], targets: 0 })).toMatch(
      /^case 1: targets must be an array/,
    );
  });

  it('a target above K', () => {
    const logits = [0, 0, 0, 0].map(() => [0, 0, 0, 0]);
    expect(secondCaseError({ logits, targets: [0, 1, 4, 7] })).toBe(
      'case 1: targets[3] = 7 is out of range (-1..K with K = 4; -1 or any negative = ignored)',
    );
  });

  it('a non-integer target', () => {
    expect(secondCaseError({ logits: [0, 0], targets: [0, 0.5] })).toBe(
      'case 1: targets[1] = 0.5 is not an integer',
    );
  });

  it('a target given as a string', () => {
    expect(secondCaseError({ logits: [0], targets: ['1'] })).toBe(
      'case 1: targets[0] is not an integer (got "1", a string: write numbers without quotes)',
    );
  });

  it('params not an object', () => {
    expect(secondCaseError({ ...good, params: [] })).toBe(
      'case 1: params must be an object (got an array of length 0)',
    );
  });

  it('an unknown smoothing', () => {
    expect(secondCaseError({ ...good, params: { smoothing: 'focal' } })).toBe(
      'case 1: params.smoothing must be "logistic", "quad" or "hinge" (got "focal")',
    );
  });

  it.each([
    ['lambdaPos', 0, 'λ+ > 0'],
    ['lambdaNeg', -0.1, 'λ− > 0'],
    ['L', 0, 'L > 0'],
    ['rho', -1, 'ρ > 0'],
    ['tau', -1, 'τ ≥ 0'],
  ])('params.%s = %s is out of range', (key, value, want) => {
    expect(secondCaseError({ ...good, params: { [key]: value } })).toBe(
      `case 1: params.${key} = ${value} is out of range (need ${want})`,
    );
  });

  it('τ = 0 is allowed (the loss is then 0)', () => {
    expect(parseCasesValue({ ...good, params: { tau: 0 } }).ok).toBe(true);
  });

  it('a non-finite λ−', () => {
    const text = `{"logits": [0], "targets": [0], "params": {"lambdaNeg": 1e999}}`;
    expect(errorOf(parseCases(text))).toMatch(
      /^case 0: params\.lambdaNeg is not a finite number \(got Infinity/,
    );
  });

  it('a parameter given as a string', () => {
    expect(secondCaseError({ ...good, params: { margin: '0.5' } })).toMatch(
      /^case 1: params\.margin is not a finite number \(got "0\.5", a string/,
    );
  });

  it.each([[0], [2.5], [-3], ['4'], [null]])('negTopK = %j is not a positive integer', (k) => {
    expect(secondCaseError({ ...good, params: { negTopK: k } })).toMatch(
      /^case 1: params\.negTopK must be a positive integer \(got /,
    );
  });

  it('an unknown parameter key, with a typo hint', () => {
    expect(secondCaseError({ ...good, params: { lamdaNeg: 0.1 } })).toBe(
      'case 1: params.lamdaNeg is not a known parameter (did you mean lambdaNeg? known: margin, lambdaPos, lambdaNeg, L, tau, rho, smoothing, negTopK)',
    );
  });

  it('an unknown case field, quoted when it is not a plain name', () => {
    expect(secondCaseError({ ...good, param: {} })).toMatch(
      /^case 1: param is not a known field \(did you mean params\? known: /,
    );
    expect(secondCaseError({ ...good, 'a\nb': 1 })).toMatch(
      /^case 1: "a\\nb" is not a known field/,
    );
  });

  it('stops at the first bad case and names its index', () => {
    const cases = [good, good, good, { logits: [0], targets: [2] }, { logits: 'x' }];
    expect(errorOf(parseCasesValue(cases))).toMatch(/^case 3: targets\[0\] = 2 is out of range/);
  });

  it('a lone case is case 0', () => {
    const r = parseCase({ logits: [0] }, 0);
    expect(r.ok ? '' : r.error).toBe('case 0: missing targets');
  });
});

describe('parseCases is total', () => {
  it('never throws and always gives ok or a one-line "input:"/"case i:" error, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseCases(JSON.stringify(v) ?? '');
        if (!r.ok) {
          expect(r.error).toMatch(/^(input|case \d+): /);
          expect(r.error).not.toContain('\n');
        }
      }),
      { seed: 20200614, numRuns: 500 },
    );
  });

  /** A valid nested case: R×K finite doubles, targets in -3..K (negatives mean ignored). */
  const validCase = fc
    .record({ R: fc.integer({ min: 1, max: 5 }), K: fc.integer({ min: 1, max: 4 }) })
    .chain(({ R, K }) =>
      fc.record({
        logits: fc.array(
          fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
            minLength: K,
            maxLength: K,
          }),
          { minLength: R, maxLength: R },
        ),
        targets: fc.array(fc.integer({ min: -3, max: K }), { minLength: R, maxLength: R }),
      }),
    );

  it('reads any valid nested case back exactly (every double, -0 included; negatives as -1)', () => {
    fc.assert(
      fc.property(validCase, (v) => {
        const r = parseCasesValue(v);
        if (!r.ok) throw new Error(r.error);
        const c = r.cases[0];
        const flat = v.logits.flat();
        expect(c.logits.length).toBe(flat.length);
        flat.forEach((x, i) => expect(Object.is(c.logits[i], x)).toBe(true));
        expect(Array.from(c.targets)).toEqual(v.targets.map((t) => (t < 0 ? -1 : t)));
      }),
      { seed: 190710156, numRuns: 300 },
    );
  });

  it('names the exact entry when one logit of a valid case is replaced by a non-number', () => {
    const junk = fc.oneof(
      fc.string(),
      fc.constant(null),
      fc.boolean(),
      fc.constant({}),
      fc.constant([1]),
    );
    const corrupted = validCase.chain((v) =>
      fc.record({
        v: fc.constant(v),
        r: fc.nat(v.logits.length - 1),
        c: fc.nat(v.logits[0].length - 1),
        bad: junk,
      }),
    );
    fc.assert(
      fc.property(corrupted, ({ v, r, c, bad }) => {
        // Copy: fast-check may replay the generated value while shrinking.
        const logits: unknown[][] = v.logits.map((row) => [...row]);
        logits[r][c] = bad;
        const r2 = parseCasesValue({ logits, targets: v.targets });
        expect(r2.ok ? '' : r2.error).toMatch(
          new RegExp(`^case 0: logits\\[${r}\\]\\[${c}\\] is not a finite number \\(got `),
        );
      }),
      { seed: 2020, numRuns: 300 },
    );
  });
});
