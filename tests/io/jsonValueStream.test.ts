// The streamed JSON reader (JsonValueStreamParser, readJsonValue) against JSON.parse: random JSON
// (and random damage to it) cut into random chunks, as text and as UTF-8 bytes, gives the same value
// (keys in the same order, duplicates and "__proto__" as JSON.parse makes them), or an error where
// JSON.parse throws, and "empty" for white space alone.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { JsonValueStreamParser, type JsonValueResult } from '../../src/io/caseStream.ts';
import { readJsonValue } from '../../src/io/stream.ts';
import { byteChunks, cutsArb, fromChunks, textChunks } from './streamHelpers.ts';

vi.setConfig({ testTimeout: 120_000 });

/** What JSON.parse makes of `text` (a byte-order mark first is dropped, as the readers do). */
function whole(text: string): JsonValueResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'input: empty', empty: true };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, error: 'input: not valid JSON' };
  }
}

function expectSame(
  actual: JsonValueResult | { ok: false; error: string },
  expected: JsonValueResult,
) {
  if (expected.ok) {
    expect(actual).toEqual(expected);
    // toEqual ignores key order: compare it too.
    if (actual.ok) expect(JSON.stringify(actual.value)).toBe(JSON.stringify(expected.value));
  } else if ('empty' in expected) expect(actual).toEqual(expected);
  else {
    expect(actual.ok).toBe(false);
    if (!actual.ok)
      expect(actual.error).toMatch(/^input: not valid JSON \(line \d+, column \d+: .+\)$/);
  }
}

/** JSON text: any value, with white space between tokens, sometimes a BOM, sometimes damaged. */
const textArb = fc
  .tuple(
    fc.jsonValue(),
    fc.constantFrom('', ' ', '\n', '\t \r\n'),
    fc.boolean(),
    fc.nat(),
    fc.constantFrom('', 'x', '}', ']', ',', '"', '\\', '1e', '-', 'nul', '\u00a0', '"\u0001"'),
  )
  .map(([value, space, bom, at, junk]) => {
    let text = JSON.stringify(value, null, space === '' ? undefined : space) ?? 'null';
    if (junk !== '') {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + junk + text.slice(i);
    }
    return (bom ? '\ufeff' : '') + text;
  });

describe('the streamed JSON reader equals JSON.parse', () => {
  it('property (fast-check): text chunks cut anywhere', () => {
    fc.assert(
      fc.property(textArb, cutsArb, (text, cuts) => {
        const p = new JsonValueStreamParser();
        for (const c of textChunks(text, cuts)) p.push(c);
        expectSame(p.finish(), whole(text));
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });

  it('property (fast-check): UTF-8 byte chunks cut inside characters', async () => {
    await fc.assert(
      fc.asyncProperty(textArb, cutsArb, async (text, cuts) => {
        const bytes = new TextEncoder().encode(text);
        expectSame(await readJsonValue(fromChunks(byteChunks(bytes, cuts))), whole(text));
      }),
      { seed: 4343, numRuns: 500 },
    );
  });

  it('duplicate keys and "__proto__" as JSON.parse makes them', () => {
    const text = '{"a": 1, "__proto__": {"x": 2}, "b": [1, {"a": 3}], "a": 4}';
    const p = new JsonValueStreamParser();
    p.push(text);
    const r = p.finish();
    expectSame(r, whole(text));
    if (r.ok) expect(Object.keys(r.value as object)).toEqual(['a', '__proto__', 'b']);
  });

  it('white space alone is empty; a number beyond float64 is Infinity, as JSON.parse reads it', () => {
    for (const text of ['', '  \n', '\ufeff', '\u00a0']) expectSame(parse(text), whole(text));
    expectSame(parse('[1e999, -0, 5e-324]'), whole('[1e999, -0, 5e-324]'));
  });
});

function parse(text: string): JsonValueResult {
  const p = new JsonValueStreamParser();
  p.push(text);
  return p.finish();
}
