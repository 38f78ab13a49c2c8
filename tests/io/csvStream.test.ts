import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseCsv } from '../../src/io/csv.ts';
import { CsvStreamParser, MAX_CSV_ENTRIES, type CsvResult } from '../../src/io/csvStream.ts';
import { readStream } from '../../src/io/stream.ts';
import { legacyParseCsv } from './csvLegacy.ts';
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

/** The same outcome: equal error strings, or equal sets with logits equal bit for bit. */
function expectSame(actual: CsvResult | { ok: false; error: string }, expected: CsvResult): void {
  if (!expected.ok) {
    expect(actual).toEqual(expected);
    return;
  }
  if (!actual.ok) throw new Error(`expected a set, got: ${actual.error}`);
  const a = actual.value;
  const e = expected.value;
  expect([a.R, a.K, a.interpretation]).toEqual([e.R, e.K, e.interpretation]);
  expectSameBits(a.logits, e.logits);
  expect(Array.from(a.targets)).toEqual(Array.from(e.targets));
  expect(a.targets.length).toBe(a.R);
  expect(a.logits.length).toBe(a.R * a.K);
}

function pushAll(chunks: readonly string[]): CsvResult {
  const p = new CsvStreamParser();
  for (const c of chunks) p.push(c);
  return p.finish();
}

// ---- random CSV text: valid and invalid rows, headers, comments, quotes, CRLF, BOM, multi-byte ----

const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 22 });
const valueCell = fc.oneof(
  { weight: 4, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  { weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -50, max: 50 }).map(String) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '+', '-'),
        digits,
        fc.constantFrom('', '.'),
        fc.option(digits, { nil: '' }),
        fc.constantFrom('', 'e', 'E', 'e-', 'e+'),
        fc.integer({ min: 0, max: 400 }),
      )
      .map(([s, a, dot, b, e, x]) => `${s}${a}${dot}${b}${e === '' ? '' : `${e}${x}`}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '0',
      '1',
      '-0',
      '0.5',
      '.5',
      '5.',
      '+1',
      '1e3',
      '1E-3',
      '1e999',
      '-1e-400',
      'abc',
      '0x10',
      'Infinity',
      'NaN',
      '',
      '1..2',
      '1e',
      '0.1000000000000000055511151231257827021181583404541015625',
      '9007199254740993',
      '2.2250738585072011e-308',
      'é',
      '1 2',
    ),
  },
);
const labelCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -2, max: 3 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('1.5', 'x', '+1', '-0', '99999999999999999999', '', '-1e3', '١'),
  },
);
const headerName = fc.constantFrom(
  'logit',
  'score',
  'label',
  'x',
  'p',
  'logit1',
  'score_2',
  'prob',
  'weight',
  'y',
  'target',
  '中文',
  'lab😀el',
  'é',
);
const pad = fc.constantFrom('', '', '', ' ', '  ', '\u00a0', '\u3000');
const sepArb = fc.constantFrom(',', ';', '\t');

/** One cell as written: maybe padded, maybe quoted. */
function written(cell: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(cell, pad, pad, fc.integer({ min: 0, max: 5 }))
    .map(([c, a, b, q]) => (q === 0 ? `"${a}${c}${b}"` : `${a}${c}${b}`));
}

const commentText = fc.string({
  unit: fc.constantFrom('a', 'é', '中', '😀', ' ', ',', '"', '#', '1'),
  maxLength: 12,
});

/** A text of lines for K value columns (rows sometimes have one column more or less). */
const csvText = fc.integer({ min: 1, max: 3 }).chain((K) => {
  const data = fc
    .tuple(
      fc.integer({ min: -1, max: 1 }).chain((d) =>
        fc.array(written(valueCell), {
          minLength: Math.max(0, K + d),
          maxLength: Math.max(0, K + d),
        }),
      ),
      written(labelCell),
      sepArb,
    )
    .map(([vals, lab, sep]) => [...vals, lab].join(sep));
  // Rows that pass: values in [0, 1] or any finite double, a label in range.
  const goodRow = fc
    .tuple(
      fc.array(
        fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }).map(String),
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
        ),
        { minLength: K, maxLength: K },
      ),
      fc.integer({ min: -1, max: K }),
      sepArb,
    )
    .map(([vals, lab, sep]) => [...vals, String(lab)].join(sep));
  const header = fc
    .tuple(fc.array(headerName, { minLength: K + 1, maxLength: K + 1 }), sepArb)
    .map(([names, sep]) => names.join(sep));
  const goodHeader = fc
    .tuple(fc.constantFrom('logit', 'score', 'x', 'p'), fc.constantFrom('label', 'y', 'gt'), sepArb)
    .map(([v, l, sep]) => [...Array.from({ length: K }, (_, i) => `${v}${i + 1}`), l].join(sep));
  const line = fc.oneof(
    { weight: 8, arbitrary: goodRow },
    { weight: 3, arbitrary: data },
    { weight: 1, arbitrary: commentText.map((c) => `#${c}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t') },
  );
  return fc
    .tuple(
      fc.boolean(),
      fc.option(fc.oneof(header, goodHeader), { nil: null }),
      fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r', '\n')), { maxLength: 14 }),
      fc.constantFrom('', '\n', '\r\n', '\r'),
    )
    .map(([bom, head, lines, tail]) => {
      const body = lines.map(([l, eol]) => l + eol).join('');
      const text = (head === null ? '' : `${head}\n`) + body;
      return (bom ? '\ufeff' : '') + (text.endsWith('\n') ? text.slice(0, -1) + tail : text);
    });
});

describe('CsvStreamParser against the former parseCsv', () => {
  it('gives the former result for random texts (valid and invalid), whole and in chunks', () => {
    let oks = 0;
    let total = 0;
    fc.assert(
      fc.property(csvText, cutsArb, (text, cuts) => {
        const expected = legacyParseCsv(text);
        total++;
        if (expected.ok) oks++;
        expectSame(parseCsv(text), expected);
        expectSame(pushAll(textChunks(text, cuts)), expected);
      }),
      { seed: 7, numRuns: 3000 },
    );
    // The generator must exercise both outcomes, not only errors.
    expect(oks).toBeGreaterThan(total / 10);
    expect(oks).toBeLessThan(total);
  });

  it('gives the former result from UTF-8 bytes in random chunks (numbers, CRLF and characters cut)', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, cutsArb, async (text, cuts) => {
        // The text is well-formed UTF-16, so its bytes decode back to it (a BOM included: the
        // decoder keeps it and the parser skips it, as parseCsv does).
        const bytes = encoder.encode(text);
        const r = await readStream(fromChunks(byteChunks(bytes, cuts)), 'csv');
        expectSame(r, legacyParseCsv(text));
      }),
      { seed: 8, numRuns: 1500 },
    );
  });

  it('gives the former result for any string whatsoever', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc
            .array(
              fc.constantFrom(
                '0.5',
                '1',
                '-1',
                ',',
                '\n',
                '\r',
                'x',
                ';',
                '"',
                '1e3',
                '\t',
                ' ',
                '#',
              ),
            )
            .map((a) => a.join('')),
        ),
        cutsArb,
        (text, cuts) => {
          const expected = legacyParseCsv(text);
          expectSame(parseCsv(text), expected);
          expectSame(pushAll(textChunks(text, cuts)), expected);
        },
      ),
      { seed: 9, numRuns: 3000 },
    );
  });

  it.each<[string, Cuts]>([
    ['logit,label\r\n0.5,1\r\n-2,0\r\n', { size: 1 }],
    ['logit,label\r\n0.5,1\r\n-2,0\r\n', { points: [12] }],
    ['logit,label\r0.5,1\r\r-2,0', { points: [12, 13, 18] }],
    ['\ufeff0.25,1\n0.5,0', { size: 2 }],
    ['# 😀 中文\nscore,label\n0.123456789012345678,1\n0.5,0\n', { size: 3 }],
    ['logit,label\n123.456e-7,1\n', { points: [15, 17, 19] }],
  ])('cuts inside numbers, CRLF and characters: %j %j', (text, cuts) => {
    expectSame(pushAll(textChunks(text, cuts)), legacyParseCsv(text));
  });

  it('stops at more than MAX_CSV_ENTRIES entries, naming the line, as before', () => {
    const K = 1000;
    const row = `${Array.from({ length: K }, () => '0.5').join(',')},1\n`;
    const rows = MAX_CSV_ENTRIES / K + 1;
    const text = row.repeat(rows);
    const r = parseCsv(text);
    expect(r).toEqual(legacyParseCsv(text));
    expect(r).toEqual({ ok: false, error: `line ${rows}: more than ${MAX_CSV_ENTRIES} entries` });
  });

  it('reports rows as they are read and stops reading after the first error', () => {
    const p = new CsvStreamParser();
    p.push('logit,label\n0.5,1\n1.5,');
    expect([p.rows, p.line, p.failed]).toEqual([1, 3, false]);
    p.push('0\nx,1\n');
    expect([p.rows, p.failed]).toEqual([2, true]);
    p.push('2,2\n');
    expect(p.finish()).toEqual({ ok: false, error: 'line 4, column 1: "x" is not a number' });
  });

  it('keeps raw values until the end: scores become logits in the same array', () => {
    const r = parseCsv('0.5,1\n0.25,0\n');
    expect(r.ok && Array.from(r.value.logits)).toEqual([0, Math.log(0.25) - Math.log1p(-0.25)]);
    // A value outside [0, 1] after scores turns the whole column into logits, kept bit for bit.
    const l = parseCsv('0.5,1\n0.25,0\n3,0\n');
    expect(l.ok && Array.from(l.value.logits)).toEqual([0.5, 0.25, 3]);
    // The first value outside (0, 1) is named when they stay scores.
    expect(parseCsv('0.5,1\n0,0\n1,0\n')).toEqual({
      ok: false,
      error: 'line 2, column 1: score 0 has no finite logit (need 0 < score < 1)',
    });
  });

  it('returns arrays of exactly R·K and R entries (a transferred buffer holds nothing else)', () => {
    const text = '0.5,1\n'.repeat(5000);
    const r = parseCsv(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.logits.buffer.byteLength).toBe(5000 * 8);
    expect(r.value.targets.buffer.byteLength).toBe(5000 * 4);
  });
});
