// The streamed .npy reader (src/io/npyStream.ts) against the whole-file one (parseNpy): random
// arrays of every dtype, byte order, layout and format version, whole or damaged (cut anywhere,
// bytes added, a byte changed, a huge integer), cut into random chunks, give the same result: the
// same values bit for bit, or the same error.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { parseNpy, type NpyResult } from '../../src/io/npy.ts';
import { NpyStreamParser, readNpyStream } from '../../src/io/npyStream.ts';
import { encode, header, npyFile, toFortran } from './npyWriter.ts';
import { byteChunks, cutsArb, expectSameBits, fromChunks } from './streamHelpers.ts';

vi.setConfig({ testTimeout: 120_000 });

function expectSame(actual: NpyResult, expected: NpyResult): void {
  if (!expected.ok) {
    expect(actual).toEqual(expected);
    return;
  }
  if (!actual.ok) throw new Error(`expected an array, got: ${actual.error}`);
  const { values: a, ...restA } = actual.array;
  const { values: e, ...restE } = expected.array;
  expect(restA).toEqual(restE);
  expectSameBits(a, e);
}

const codes = ['f4', 'f8', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8'] as const;

/** An .npy file of random values: any dtype, byte order, layout, version, 1-D or 2-D. */
const npyArb = fc
  .record({
    code: fc.constantFrom(...codes),
    little: fc.boolean(),
    fortran: fc.boolean(),
    version: fc.constantFrom(1, 2, 3),
    R: fc.integer({ min: 0, max: 40 }),
    K: fc.integer({ min: 1, max: 4 }),
    flat: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  })
  .map(({ code, little, fortran, version, R, K, flat, seed }) => {
    let a = seed;
    const next = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0), a);
    const values = Array.from({ length: R * (flat ? 1 : K) }, () => {
      const x = next();
      if (code === 'f4') return Math.fround((x / 2 ** 32 - 0.5) * 1e3);
      if (code === 'f8') return (x / 2 ** 32 - 0.5) * 1e300;
      const bits = Number(code.slice(1)) * 8;
      const span = Math.min(2 ** bits, 2 ** 32);
      return code[0] === 'i' ? (x % span) - span / 2 : x % span;
    });
    const order = code.endsWith('1') ? '|' : little ? '<' : '>';
    const shape = flat ? [R] : [R, K];
    const inFile = fortran && !flat ? toFortran(values, R, K) : values;
    return npyFile(
      header(`${order}${code}`, shape, fortran),
      encode(inFile, code, little),
      version,
    );
  });

/** The file as it is, or damaged: cut short, bytes added, one byte changed, an int64 beyond 2^53. */
const damagedArb = fc
  .tuple(npyArb, fc.nat(), fc.nat({ max: 255 }), fc.nat({ max: 5 }))
  .map(([file, at, byte, how]): Uint8Array => {
    const i = file.length === 0 ? 0 : at % file.length;
    switch (how) {
      case 1:
        return file.slice(0, i);
      case 2:
        return Uint8Array.from([...file, byte, byte ^ 0x55]);
      case 3: {
        const out = file.slice();
        out[i] = byte;
        return out;
      }
      case 4: {
        // The last eight bytes as a little-endian int64 of 2^60 (a huge integer in an <i8 file).
        const out = file.slice();
        if (out.length >= 8) new DataView(out.buffer).setBigInt64(out.length - 8, 2n ** 60n, true);
        return out;
      }
      default:
        return file;
    }
  });

describe('the streamed .npy reader equals parseNpy', () => {
  it('property (fast-check): any file, whole or damaged, cut into any chunks', async () => {
    await fc.assert(
      fc.asyncProperty(damagedArb, cutsArb, async (file, cuts) => {
        const expected = parseNpy(file);
        const parser = new NpyStreamParser();
        for (const c of byteChunks(file, cuts)) parser.push(c);
        expectSame(parser.finish(), expected);
        expectSame(await readNpyStream(fromChunks(byteChunks(file, cuts))), expected);
      }),
      { seed: 1212, numRuns: 1500 },
    );
  });

  it('a 10⁶-entry float64 array in 64 KiB chunks, as Node streams a file', async () => {
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => Math.sin(i) * 1e3);
    const file = npyFile(header('<f8', [1_000_000]), new Uint8Array(values.buffer));
    const chunks: Uint8Array[] = [];
    for (let o = 0; o < file.length; o += 65_536) chunks.push(file.subarray(o, o + 65_536));
    const r = await readNpyStream(fromChunks(chunks));
    if (!r.ok) throw new Error(r.error);
    expectSameBits(r.array.values, values);
  });

  it('a header declaring far more than the file holds allocates only what came', () => {
    const parser = new NpyStreamParser();
    parser.push(npyFile(header('<f8', [50_000_000]), new Uint8Array(16)));
    const r = parser.finish();
    expect(r).toEqual(parseNpy(npyFile(header('<f8', [50_000_000]), new Uint8Array(16))));
  });

  it('a source that fails midway is reported, not thrown', async () => {
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Uint8Array.of(0x93);
      throw new Error('disk gone');
    }
    expect(await readNpyStream(broken())).toEqual({
      ok: false,
      error: 'cannot read the input (disk gone)',
    });
  });
});
