import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_NPY_ELEMENTS, parseNpy } from '../../src/io/npy.ts';
import type { NpyArray, NpyResult } from '../../src/io/npy.ts';
import { encode, header, npyFile, toFortran } from './npyWriter.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

// The arrays tests/io/fixtures/make_fixtures.py saved with NumPy.
const LOGITS = [0.5, -1.25, 2.0, 3.5, 0.0, -0.75, -2.5, 1.5, 0.25, 1.0, -3.0, 0.125];
const TARGETS = [1, 0, -1, 3];

function ok(r: NpyResult): NpyArray {
  if (!r.ok) throw new Error(r.error);
  return r.array;
}

function error(r: NpyResult): string {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('parseNpy reads what NumPy writes', () => {
  it.each([
    ['logits_f8_le_c.npy', '<f8'],
    ['logits_f4_be_c.npy', '>f4'],
    ['logits_f8_be_fortran.npy', '>f8'],
    ['logits_f4_le_fortran.npy', '<f4'],
  ])(
    '%s: float logits, either byte order, C or Fortran order, in row-major order',
    (name, descr) => {
      const a = ok(parseNpy(fixture(name)));
      expect(a.descr).toBe(descr);
      expect(a.kind).toBe('float');
      expect(a.shape).toEqual([4, 3]);
      expect(Array.from(a.values)).toEqual(LOGITS);
    },
  );

  it.each([
    ['targets_i8_le.npy', '<i8'],
    ['targets_i4_be.npy', '>i4'],
  ])('%s: integer targets, negatives kept', (name, descr) => {
    const a = ok(parseNpy(fixture(name)));
    expect([a.descr, a.kind]).toEqual([descr, 'int']);
    expect(Array.from(a.values)).toEqual(TARGETS);
  });

  it('a 1-D array keeps its shape (N,)', () => {
    const a = ok(parseNpy(fixture('logits_flat_f8.npy')));
    expect(a.shape).toEqual([4]);
    expect(Array.from(a.values)).toEqual([0.5, 3.5, -2.5, 1.0]);
  });

  it('Fortran order of three dimensions comes back in C order', () => {
    // shape (2, 2, 3): value at (i, j, k) = 100i + 10j + k.
    const c: number[] = [];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) for (let k = 0; k < 3; k++) c.push(100 * i + 10 * j + k);
    const f: number[] = [];
    for (let k = 0; k < 3; k++)
      for (let j = 0; j < 2; j++) for (let i = 0; i < 2; i++) f.push(100 * i + 10 * j + k);
    const a = ok(parseNpy(npyFile(header('<i2', [2, 2, 3], true), encode(f, 'i2', true))));
    expect(Array.from(a.values)).toEqual(c);
  });

  it('reads format versions 2.0 and 3.0 (4-byte header length)', () => {
    for (const version of [2, 3]) {
      const a = ok(parseNpy(npyFile(header('<f8', [2]), encode([1.5, -2], 'f8', true), version)));
      expect(Array.from(a.values)).toEqual([1.5, -2]);
    }
  });

  it('property (fast-check, seeded): any float or int array, any byte order and layout, reads back exactly', () => {
    const codes = ['f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (code, little, fortran, R, K, seed) => {
          let a = seed;
          const next = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0), a);
          const values = Array.from({ length: R * K }, () => {
            const x = next();
            if (code === 'f4') return Math.fround((x / 2 ** 32 - 0.5) * 1e3);
            if (code === 'f8') return (x / 2 ** 32 - 0.5) * 1e300;
            const bits = Number(code.slice(1)) * 8;
            const signed = code[0] === 'i';
            const span = Math.min(2 ** bits, 2 ** 32);
            return signed ? (x % span) - span / 2 : x % span;
          });
          const order = little ? '<' : '>';
          const descr = `${code.endsWith('1') ? '|' : order}${code}`;
          const data = encode(fortran ? toFortran(values, R, K) : values, code, little);
          const got = ok(parseNpy(npyFile(header(descr, [R, K], fortran), data)));
          expect(got.shape).toEqual([R, K]);
          expect(Array.from(got.values)).toEqual(values);
        },
      ),
      { seed: 1907, numRuns: 300 },
    );
  });
});

describe('parseNpy refuses, naming the problem', () => {
  it('an object array (pickled Python objects)', () => {
    expect(error(parseNpy(fixture('object.npy')))).toMatch(
      /^object array \(dtype \|O\): Python objects are stored pickled/,
    );
  });

  it('a pickle', () => {
    expect(error(parseNpy(fixture('pickle.npy')))).toMatch(/^a Python pickle, not an \.npy array/);
  });

  it.each([
    ['complex.npy', /^unsupported dtype <c16 /],
    ['strings.npy', /^unsupported dtype <U2 /],
  ])('an unsupported dtype: %s', (name, pattern) => {
    expect(error(parseNpy(fixture(name)))).toMatch(pattern);
  });

  it('a structured dtype', () => {
    const h = "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }";
    expect(error(parseNpy(npyFile(h, new Uint8Array(8))))).toMatch(/^structured array/);
  });

  it('a zip archive given as .npy', () => {
    expect(error(parseNpy(fixture('case.npz')))).toBe('a zip archive (.npz), not an .npy file');
  });

  it('something else entirely', () => {
    expect(error(parseNpy(new TextEncoder().encode('logit,label\n0.5,1\n')))).toMatch(
      /^not an \.npy file/,
    );
  });

  it.each([
    [
      'no newline at the end',
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }",
      false,
      /^malformed header \(it does not end with a newline\)/,
    ],
    [
      'a missing key',
      "{'descr': '<f8', 'shape': (1,), }",
      true,
      /^malformed header \(keys descr, shape; expected/,
    ],
    [
      'an extra key',
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}",
      true,
      /^malformed header \(keys/,
    ],
    [
      'a shape that is not a tuple',
      "{'descr': '<f8', 'fortran_order': False, 'shape': 3, }",
      true,
      /^malformed header \(shape is not a tuple\)/,
    ],
    [
      'a negative dimension',
      "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }",
      true,
      /^malformed header \(shape entry -1/,
    ],
    [
      'fortran_order not a boolean',
      "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }",
      true,
      /^malformed header \(fortran_order/,
    ],
    [
      'Python code instead of a literal',
      "__import__('os').system('true')",
      true,
      /^malformed header \(unexpected/,
    ],
    ['an unterminated string', "{'descr: '<f8'}", true, /^malformed header/],
    ['not a dict', "('<f8', False, (1,))", true, /^malformed header \(not a dict\)/],
  ])('a malformed header: %s', (_name, h, pad, pattern) => {
    const text = pad ? h : h;
    expect(error(parseNpy(npyFile(text, encode([1], 'f8', true), 1, pad)))).toMatch(pattern);
  });

  it('an unknown format version', () => {
    const f = npyFile(header('<f8', [1]), encode([1], 'f8', true));
    f[6] = 9;
    expect(error(parseNpy(f))).toBe('unknown .npy format version 9.0');
  });

  it('a truncated file: inside the preamble, inside the header, inside the data', () => {
    const f = npyFile(header('<f8', [4]), encode([1, 2, 3, 4], 'f8', true));
    expect(error(parseNpy(f.subarray(0, 9)))).toMatch(/^not an \.npy file|^truncated/);
    expect(error(parseNpy(f.subarray(0, 40)))).toMatch(
      /^truncated: the header declares \d+ bytes but 30 follow$/,
    );
    expect(error(parseNpy(f.subarray(0, f.length - 5)))).toBe(
      'truncated: shape (4) of <f8 needs 32 data bytes but 27 follow',
    );
  });

  it('a size bomb: a shape beyond the limit is refused before any allocation', () => {
    const big = npyFile(header('<f8', [100_000, 100_000]), new Uint8Array(8));
    expect(error(parseNpy(big))).toBe(
      `size bomb: shape (100000, 100000) declares 10000000000 elements, beyond the limit of ${MAX_NPY_ELEMENTS}`,
    );
  });

  it('a shape larger than the data present is a truncated file, not a read past the end', () => {
    const f = npyFile(header('<f4', [1000, 80]), encode([1, 2], 'f4', true));
    expect(error(parseNpy(f))).toBe(
      'truncated: shape (1000, 80) of <f4 needs 320000 data bytes but 8 follow',
    );
  });

  it('bytes after the declared data', () => {
    const f = npyFile(header('<f8', [1]), encode([1, 2], 'f8', true));
    expect(error(parseNpy(f))).toMatch(/^8 bytes after the data the header declares/);
  });

  it('an int64 beyond ±2^53', () => {
    const data = new Uint8Array(8);
    new DataView(data.buffer).setBigInt64(0, 2n ** 60n, true);
    expect(error(parseNpy(npyFile(header('<i8', [1]), data)))).toMatch(
      /^the integer \d+ at flat index 0 is beyond ±2\^53/,
    );
  });

  it('never throws on random bytes (fast-check, seeded)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, magic) => {
        const b = magic
          ? Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, ...bytes])
          : bytes;
        const r = parseNpy(b);
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 20260, numRuns: 500 },
    );
  });
});
