import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseCases, type ParseCasesResult } from '../../src/io/case.ts';
import { CaseStreamParser } from '../../src/io/caseStream.ts';
import { readStream } from '../../src/io/stream.ts';
import { GOLDEN_TEXT } from '../golden/cases.ts';
import {
  byteChunks,
  cutsArb,
  expectSameBits,
  fromChunks,
  textChunks,
  type Cuts,
} from './streamHelpers.ts';

// Thousands of property runs: seconds on a busy machine, more than the default 5 s timeout.
vi.setConfig({ testTimeout: 120_000 });

const encoder = new TextEncoder();

function pushAll(chunks: readonly string[]): ParseCasesResult {
  const p = new CaseStreamParser();
  for (const c of chunks) p.push(c);
  return p.finish();
}

/**
 * The same outcome as parseCases: equal cases (logits bit for bit) or equal error strings; for a
 * syntax error only the prefix is shared (caseStream.ts documents its own detail).
 */
function expectSame(
  actual: ParseCasesResult | { ok: false; error: string },
  expected: ParseCasesResult,
): void {
  if (!expected.ok) {
    if (expected.error.startsWith('input: not valid JSON (')) {
      expect(actual.ok).toBe(false);
      if (!actual.ok)
        expect(actual.error).toMatch(/^input: not valid JSON \(line \d+, column \d+: .+\)$/);
    } else expect(actual).toEqual(expected);
    return;
  }
  if (!actual.ok) throw new Error(`expected cases, got: ${actual.error}`);
  if (!('isArray' in actual)) throw new Error('not a cases result');
  expect(actual.isArray).toBe(expected.isArray);
  expect(actual.cases.length).toBe(expected.cases.length);
  actual.cases.forEach((a, i) => {
    const e = expected.cases[i];
    expect([a.R, a.K, a.flat, a.params]).toEqual([e.R, e.K, e.flat, e.params]);
    expectSameBits(a.logits, e.logits);
    expect(Array.from(a.targets)).toEqual(Array.from(e.targets));
    expect(a.logits.length).toBe(a.R * a.K);
    expect(a.features?.d).toBe(e.features?.d);
    if (a.features && e.features) expectSameBits(a.features.values, e.features.values);
  });
}

// ---- JSON written token by token: number spellings, key order, duplicates, whitespace ----

/** A JSON value to write: raw tokens keep spellings such as 1E5, -0 or 1e999 that JSON.stringify would not. */
type J = { raw: string } | { pairs: Array<[string, J]> } | J[] | string | boolean | null;

const wsArb = fc.constantFrom('', '', '', ' ', '\n', '\t', '\r\n  ');

function write(v: J, ws: () => string): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v))
    return `[${ws()}${v.map((x) => write(x, ws)).join(`${ws()},${ws()}`)}${ws()}]`;
  if ('raw' in v) return v.raw;
  return `{${ws()}${v.pairs.map(([k, x]) => `${JSON.stringify(k)}${ws()}:${ws()}${write(x, ws)}`).join(`,${ws()}`)}${ws()}}`;
}

const numberTok = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .map((x) => ({ raw: JSON.stringify(x) })),
  },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 5 }).map((x) => ({ raw: String(x) })) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '-0',
        '1E5',
        '0.1e-2',
        '1e999',
        '-1e999',
        '12345678901234567890',
        '5e-324',
        '1e-400',
        '0.30000000000000004',
        '2.5E+3',
        '9007199254740993',
      )
      .map((raw) => ({ raw })),
  },
);
const oddElement: fc.Arbitrary<J> = fc.constantFrom<J>(
  'x',
  '1.5',
  null,
  true,
  [{ raw: '1' }],
  { pairs: [] },
  [],
);
const intTok = (K: number) =>
  fc.oneof(
    { weight: 60, arbitrary: fc.integer({ min: -2, max: K }).map((x) => ({ raw: String(x) })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('1.5', '-1e20', '1e999', '2.0', '-0', '4').map((raw) => ({ raw })),
    },
  );

/** Logits for R rows, K classes: flat or nested, sometimes with a wrong element or row. */
function logitsArb(R: number, K: number): fc.Arbitrary<J> {
  const flat = fc.array(
    fc.oneof({ weight: 20, arbitrary: numberTok }, { weight: 1, arbitrary: oddElement }),
    {
      minLength: R,
      maxLength: R,
    },
  );
  const row = fc.oneof(
    { weight: 30, arbitrary: fc.array(numberTok, { minLength: K, maxLength: K }) },
    { weight: 1, arbitrary: fc.array(numberTok, { maxLength: K + 1 }) },
    { weight: 1, arbitrary: oddElement },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(numberTok, oddElement), { minLength: K, maxLength: K }),
    },
  );
  const nested = fc.array(row, { minLength: R, maxLength: R });
  return fc.oneof(
    { weight: 10, arbitrary: K === 1 ? fc.oneof(flat, nested) : nested },
    { weight: 1, arbitrary: fc.constantFrom<J>([], 'x', { pairs: [] }, null, [[]]) },
  );
}

function targetsArb(R: number, K: number): fc.Arbitrary<J> {
  const intTokK = intTok(K);
  return fc.oneof(
    { weight: 20, arbitrary: fc.array(intTokK, { minLength: R, maxLength: R }) },
    { weight: 1, arbitrary: fc.array(intTokK, { maxLength: R + 1 }) },
    {
      weight: 1,
      arbitrary: fc.array(fc.oneof(intTokK, oddElement), { minLength: R, maxLength: R }),
    },
    { weight: 1, arbitrary: fc.constantFrom<J>('x', null, { pairs: [] }) },
  );
}

const paramsArb: fc.Arbitrary<J> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .subarray<[string, J]>([
        ['margin', { raw: '0.5' }],
        ['lambdaNeg', { raw: '0.1' }],
        ['L', { raw: '6' }],
        ['smoothing', 'quad'],
        ['negTopK', { raw: '3' }],
        ['tau', { raw: '0' }],
      ])
      .map((pairs) => ({ pairs })),
  },
  {
    weight: 3,
    arbitrary: fc
      .subarray<[string, J]>([
        ['margin', { raw: '0.5' }],
        ['lambdaNeg', { raw: '0.1' }],
        ['lambdaPos', { raw: '-1' }],
        ['L', { raw: '6' }],
        ['smoothing', 'quad'],
        ['smoothing', 'cubic'],
        ['negTopK', { raw: '3' }],
        ['tau', { raw: '1e999' }],
        ['lamdaNeg', { raw: '1' }],
      ])
      .map((pairs) => ({ pairs })),
  },
  { weight: 1, arbitrary: fc.constantFrom<J>('x', [], null) },
);

/** Undefined five times in six. */
function rarely<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
}

const caseArb: fc.Arbitrary<J> = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }))
  .chain(([R, K]) =>
    fc.tuple(
      logitsArb(R, K),
      targetsArb(R, K),
      fc.option(paramsArb, { nil: undefined }),
      // features: R rows of d numbers (d = 1..3), ragged or odd ones now and then
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 1, max: 3 }).chain((d) =>
            fc.oneof(
              {
                weight: 4,
                arbitrary: fc.array(fc.array(numberTok, { minLength: d, maxLength: d }), {
                  minLength: R,
                  maxLength: R,
                }),
              },
              { weight: 1, arbitrary: logitsArb(R, d) },
            ),
          ),
        },
      ),
      fc.option(
        fc.jsonValue({ maxDepth: 2 }).map((v) => ({ raw: JSON.stringify(v) })),
        { nil: undefined },
      ),
      rarely(fc.constantFrom('foo', '__proto__', 'logit', '0', 'targets', 'logits', 'features')),
      rarely(fc.constantFrom('logits', 'targets')),
      fc.nat(),
    ),
  )
  .map(([logits, targets, params, features, expected, extra, drop, order]) => {
    const pairs: Array<[string, J]> = [
      ['logits', logits],
      ['targets', targets],
    ];
    if (params !== undefined) pairs.push(['params', params]);
    if (features !== undefined) pairs.push(['features', features]);
    if (expected !== undefined) pairs.push(['expected', expected]);
    if (extra !== undefined) pairs.push([extra, { raw: '[1, 2]' }]);
    // Rotate the key order; sometimes a required key is missing.
    const rotated = pairs.map((_, i) => pairs[(i + order) % pairs.length]);
    return {
      pairs: order % 11 === 0 && drop !== undefined ? rotated.filter(([k]) => k !== drop) : rotated,
    };
  });

const documentArb = fc
  .tuple(
    fc.oneof(
      { weight: 12, arbitrary: caseArb },
      { weight: 4, arbitrary: fc.array(caseArb, { maxLength: 3 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<J>('x', null, { raw: '5' }, [[{ raw: '1' }]], [{ raw: '3' }]),
      },
    ),
    fc.array(wsArb, { minLength: 1, maxLength: 40 }),
    fc.boolean(),
  )
  .map(([doc, spaces, bom]) => {
    let k = 0;
    const ws = () => spaces[k++ % spaces.length];
    return `${bom ? '\ufeff' : ''}${ws()}${write(doc, ws)}${ws()}`;
  });

/** Documents, some of them broken: cut short or with a stray character. */
const textArb = fc.oneof(
  { weight: 8, arbitrary: documentArb },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        documentArb,
        fc.nat(),
        fc.constantFrom('', 'x', ',', ']', '}', '"', '\u00a0', '\\', ':', '[', '\u0001', '1'),
      )
      .map(([t, at, ch]) => {
        const i = at % (t.length + 1);
        return ch === '' ? t.slice(0, i) : t.slice(0, i) + ch + t.slice(i);
      }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u00a0',
      '\ufeff',
      '\ufeff\ufeff',
      '\n\u2028 ',
      '\u00a0x',
      'nul',
      '"a',
      '{"a":1}\u00a0',
    ),
  },
);

describe('CaseStreamParser against parseCases', () => {
  it('gives parseCases’s result for random documents (valid, invalid, broken), whole and in chunks', () => {
    let oks = 0;
    let total = 0;
    fc.assert(
      fc.property(textArb, cutsArb, (text, cuts) => {
        const expected = parseCases(text);
        total++;
        if (expected.ok) oks++;
        expectSame(pushAll([text]), expected);
        expectSame(pushAll(textChunks(text, cuts)), expected);
      }),
      { seed: 11, numRuns: 4000 },
    );
    expect(oks).toBeGreaterThan(total / 5);
    expect(oks).toBeLessThan(total);
  });

  it('gives the same from UTF-8 bytes cut anywhere (characters included)', async () => {
    await fc.assert(
      fc.asyncProperty(textArb, cutsArb, async (text, cuts) => {
        const bytes = encoder.encode(text);
        const r = await readStream(fromChunks(byteChunks(bytes, cuts)), 'json');
        expectSame(r, parseCases(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)));
      }),
      { seed: 12, numRuns: 1500 },
    );
  });

  it('parses numbers exactly as JSON.parse, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)),
            fc
              .tuple(
                fc.constantFrom('', '-'),
                fc.stringMatching(/^(?:0|[1-9]\d{0,25})$/),
                fc.option(fc.stringMatching(/^\.\d{1,30}$/), { nil: '' }),
                fc.option(fc.stringMatching(/^[eE][+-]?\d{1,3}$/), { nil: '' }),
              )
              .map((parts) => parts.join('')),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        cutsArb,
        (tokens, cuts) => {
          const text = `{"logits":[${tokens.join(',')}],"targets":[${tokens.map(() => 0).join(',')}]}`;
          expectSame(pushAll(textChunks(text, cuts)), parseCases(text));
        },
      ),
      { seed: 13, numRuns: 1500 },
    );
  });

  it('reads the golden file (48 cases with params and expected) as parseCases does', () => {
    const expected = parseCases(GOLDEN_TEXT);
    expect(expected.ok && expected.cases.length).toBe(48);
    for (const cuts of [{ size: 4096 }, { size: 7 }, { points: [1, 100, 1000] }] satisfies Cuts[]) {
      expectSame(pushAll(textChunks(GOLDEN_TEXT, cuts)), expected);
    }
  });

  it.each([
    [
      '{"logits": [0.5, "x"], "targets": [1, 0]}',
      'case 0: logits[1] is not a finite number (got "x")',
    ],
    [
      '{"logits": [[1, 2], [3]], "targets": [1, 0]}',
      'case 0: logits[1] has 1 entries but logits[0] has 2 (rows must be equal)',
    ],
    ['{"targets": [1], "logits": [0.5], "lamdaNeg": 1}', 'case 0: lamdaNeg is not a known field'],
    [
      '[{"logits": [1], "targets": [0]}, {"logits": [1], "targets": [2]}]',
      'case 1: targets[0] = 2 is out of range',
    ],
    [
      '{"logits": [1], "targets": [0], "params": {"L": -1}}',
      'case 0: params.L = -1 is out of range (need L > 0)',
    ],
    [
      '{"logits": [1], "targets": [0], "logits": []}',
      'case 0: logits is empty (need at least one row)',
    ],
    [
      '{"logits": [1], "targets": [0]} x',
      'input: not valid JSON (line 1, column 33: unexpected "x", expected nothing after the JSON value)',
    ],
    [
      '{"logits": [1, 2,\n  3 4]}',
      'input: not valid JSON (line 2, column 5: unexpected "4", expected "," or "]")',
    ],
    [
      '{"logits": [1e999, "x"]',
      'input: not valid JSON (line 1, column 24: unexpected end of input)',
    ],
  ])('%s → %s', (text, message) => {
    const r = pushAll(textChunks(text, { size: 2 }));
    expect(!r.ok && r.error).toContain(message);
    const whole = parseCases(text);
    if (!message.startsWith('input: not valid JSON')) expect(r).toEqual(whole);
  });

  it('counts rows as they stream and keeps the arrays at their exact length', () => {
    const p = new CaseStreamParser();
    p.push('{"logits": [[1, 2], [3, 4], [5');
    expect(p.rows).toBe(2);
    p.push(', 6]], "targets": [0, 1, 2]}');
    const r = p.finish();
    expect(
      r.ok && [p.rows, r.cases[0].logits.buffer.byteLength, r.cases[0].targets.buffer.byteLength],
    ).toEqual([3, 6 * 8, 3 * 4]);
  });
});
