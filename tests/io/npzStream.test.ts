// The streamed .npz reader (src/io/npzStream.ts) against the whole-bytes one (npz.ts's parseNpz and
// npzToCase): random archives (stored and deflated entries, ZIP64 or not, with or without features,
// "labels" for "targets", arrays missing or of the wrong kind, extra entries), whole or damaged (cut
// anywhere, a byte changed, a size that lies), read through chunks of random sizes, give the same
// result: the same arrays bit for bit, or the same error. Then cancelling, progress, a zip bomb, and
// the Node file-handle source on a temporary file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ArraysCaseResult, NpzResult } from '../../src/io/npz.ts';
import { MAX_NPZ_ENTRY_BYTES, npzToCase, parseNpz } from '../../src/io/npz.ts';
import {
  blobSource,
  bytesSource,
  fileHandleSource,
  readNpzCase,
  readNpzStream,
  type RandomAccessSource,
} from '../../src/io/npzStream.ts';
import type { Cancelled } from '../../src/io/stream.ts';
import { encode, header, npyFile, toFortran, zipFile, type ZipEntrySpec } from './npyWriter.ts';
import { expectSameBits, pieces, type Cuts } from './streamHelpers.ts';

vi.setConfig({ testTimeout: 120_000 });

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/**
 * Bytes as a source whose streams are cut at `cuts` (points relative to each range, or a size), with
 * a microtask between chunks as a real stream has; each chunk a copy the reader may keep.
 */
function cutSource(bytes: Uint8Array, cuts: Cuts): RandomAccessSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.slice(offset, offset + length),
    async *stream(offset, length) {
      const range = bytes.subarray(offset, Math.min(bytes.length, offset + length));
      for (const [a, b] of pieces(range.length, cuts)) {
        await Promise.resolve();
        if (b > a) yield range.slice(a, b);
      }
    },
  };
}

const cutsArb: fc.Arbitrary<Cuts> = fc.oneof(
  fc.array(fc.nat({ max: 1 << 16 }), { maxLength: 12 }).map((points) => ({ points })),
  fc.integer({ min: 1, max: 97 }).map((size) => ({ size })),
  fc.integer({ min: 1, max: 40_000 }).map((size) => ({ size })),
);

function expectSameCase(
  actual: ArraysCaseResult | Cancelled,
  expected: ArraysCaseResult,
  label = '',
): void {
  if (!expected.ok) {
    expect(actual, label).toEqual(expected);
    return;
  }
  if (!actual.ok) throw new Error(`${label}: expected a case, got: ${actual.error}`);
  const { logits: a, features: fa, ...restA } = actual.value;
  const { logits: e, features: fe, ...restE } = expected.value;
  expect(restA).toEqual(restE);
  expectSameBits(a, e);
  expect(fa === null).toBe(fe === null);
  if (fa !== null && fe !== null) {
    expect(fa.d).toBe(fe.d);
    expectSameBits(fa.values, fe.values);
  }
}

function expectSameArrays(actual: NpzResult | Cancelled, expected: NpzResult): void {
  if (!expected.ok) {
    expect(actual).toEqual(expected);
    return;
  }
  if (!actual.ok) throw new Error(`expected arrays, got: ${actual.error}`);
  expect(actual.names).toEqual(expected.names);
  expect([...actual.arrays.keys()]).toEqual([...expected.arrays.keys()]);
  for (const [name, e] of expected.arrays) {
    const { values: av, ...ra } = actual.arrays.get(name)!;
    const { values: ev, ...re } = e;
    expect(ra).toEqual(re);
    expectSameBits(av, ev);
  }
}

/** A deterministic stream of numbers from a seed. */
function lcg(seed: number): () => number {
  let a = seed >>> 0;
  return () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0), a / 2 ** 32);
}

/** An .npy of R×cols (or flat R) random values of dtype `code`. */
function npyOf(
  code: string,
  R: number,
  cols: number | null,
  next: () => number,
  little = true,
  fortran = false,
  top = 1,
): Uint8Array {
  const n = R * (cols ?? 1);
  const values = Array.from({ length: n }, () => {
    const x = next();
    if (code === 'f4') return Math.fround((x - 0.5) * 20);
    if (code === 'f8') return (x - 0.5) * 20;
    return Math.floor(x * (top + 2)) - 1; // -1..top
  });
  const order = code.endsWith('1') ? '|' : little ? '<' : '>';
  const shape = cols === null ? [R] : [R, cols];
  const f = fortran && cols !== null;
  const inFile = f ? toFortran(values, R, cols) : values;
  return npyFile(header(`${order}${code}`, shape, f), encode(inFile, code, little));
}

/** A random archive: its entries' specs, before damage. */
const archiveArb = fc
  .record({
    R: fc.integer({ min: 0, max: 300 }).map((r) => (r % 50 === 7 ? 0 : r + 1)),
    K: fc.integer({ min: 1, max: 5 }),
    flat: fc.boolean(),
    logitsCode: fc.constantFrom('f4', 'f8', 'f8', 'f8', 'f8', 'i4'),
    targetsCode: fc.constantFrom('i4', 'i8', 'i8', 'i8', 'i1', 'f8'),
    targetsName: fc.constantFrom('targets', 'targets', 'targets', 'labels', 'weights'),
    /** The largest target written: K is in range, K + 1 is not. */
    over: fc.constantFrom(0, 0, 0, 0, 0, 1),
    drop: fc.constantFrom('none', 'none', 'none', 'none', 'none', 'logits', 'targets'),
    features: fc.constantFrom(0, 0, 2, 3),
    extra: fc.boolean(),
    targetsRows: fc.constantFrom(0, 0, 0, 0, 0, 1),
    little: fc.boolean(),
    fortran: fc.boolean(),
    deflate: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    zip64: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    order: fc.nat(),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
  })
  .map((a) => {
    const next = lcg(a.seed);
    const entries: ZipEntrySpec[] = [];
    const R = a.R;
    if (a.drop !== 'logits') {
      entries.push({
        name: 'logits.npy',
        data: npyOf(a.logitsCode, R, a.flat ? null : a.K, next, a.little, a.fortran),
      });
    }
    if (a.drop !== 'targets') {
      entries.push({
        name: `${a.targetsName}.npy`,
        data: npyOf(
          a.targetsCode,
          R + a.targetsRows,
          null,
          next,
          a.little,
          false,
          (a.flat ? 1 : a.K) + a.over,
        ),
      });
    }
    if (a.features > 0) {
      entries.push({ name: 'features.npy', data: npyOf('f8', R, a.features, next, a.little) });
    }
    if (a.extra) entries.push({ name: 'notes.npy', data: npyOf('f4', 3, null, next) });
    // Any order of entries (np.savez keeps keyword order; others need not).
    const k = entries.length === 0 ? 0 : a.order % entries.length;
    const ordered = [...entries.slice(k), ...entries.slice(0, k)];
    return zipFile(ordered.map((e, i) => ({ ...e, deflate: a.deflate[i], zip64: a.zip64[i] })));
  });

/** The archive as it is, or damaged: cut short, a byte changed, bytes added at the end. */
const damagedArb = fc
  .tuple(archiveArb, fc.nat(), fc.nat({ max: 255 }), fc.constantFrom(0, 0, 0, 1, 2, 3))
  .map(([file, at, byte, how]): Uint8Array => {
    const i = file.length === 0 ? 0 : at % file.length;
    switch (how) {
      case 1:
        return file.slice(0, i);
      case 2: {
        const out = file.slice();
        out[i] = byte;
        return out;
      }
      case 3:
        return Uint8Array.from([...file, byte]);
      default:
        return file;
    }
  });

describe('the streamed .npz reader equals npzToCase', () => {
  it('property (fast-check): any archive, whole or damaged, read through chunks cut anywhere', async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(damagedArb, cutsArb, async (bytes, cuts) => {
        const expected = npzToCase(bytes, undefined);
        expectSameCase(await readNpzCase(cutSource(bytes, cuts), undefined), expected);
        const kind = expected.ok ? 'ok' : expected.error.replace(/[^a-z ].*$/, '');
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      }),
      { seed: 1212, numRuns: 500 },
    );
    // The archives exercise both sides: cases read, and a spread of errors.
    expect(outcomes.get('ok') ?? 0).toBeGreaterThan(30);
    expect(outcomes.size).toBeGreaterThan(6);
  });

  it('property: the arrays themselves (readNpzStream against parseNpz), any wanted names', async () => {
    await fc.assert(
      fc.asyncProperty(
        damagedArb,
        cutsArb,
        fc.subarray(['logits', 'targets', 'labels', 'features', 'notes', 'nothing']),
        async (bytes, cuts, wanted) => {
          expectSameArrays(
            await readNpzStream(cutSource(bytes, cuts), wanted),
            parseNpz(bytes, wanted),
          );
        },
      ),
      { seed: 3434, numRuns: 200 },
    );
  });

  it.each([
    'case.npz',
    'case_compressed.npz',
    'case_fortran_be.npz',
    'case_zip64.npz',
    'no_targets.npz',
    'object.npz',
    'logits_f8_le_c.npy',
    'pickle.npy',
  ])('%s (written by numpy), in 1-, 7- and 4096-byte chunks', async (name) => {
    const bytes = fixture(name);
    for (const size of [1, 7, 4096]) {
      expectSameCase(
        await readNpzCase(cutSource(bytes, { size }), undefined),
        npzToCase(bytes, undefined),
        `${name} / ${size}`,
      );
    }
  });

  it('params are validated as npzToCase does', async () => {
    const bytes = fixture('case.npz');
    for (const params of [{ lambdaNeg: 0.1, smoothing: 'quad' }, { lamdaNeg: 0.1 }]) {
      expectSameCase(await readNpzCase(bytesSource(bytes), params), npzToCase(bytes, params));
    }
  });

  it('a zip bomb: an entry inflating past its declared size stops there, same message', async () => {
    const zip = zipFile([
      { name: 'logits.npy', data: new Uint8Array(16 << 20), deflate: true, declaredSize: 1000 },
    ]);
    const r = await readNpzStream(cutSource(zip, { size: 5000 }), ['logits']);
    expect(r).toEqual({
      ok: false,
      error: 'logits.npy: size bomb: it inflates past the 1000 bytes it declares',
    });
    expect(r).toEqual(parseNpz(zip, ['logits']));
  });

  it('a size bomb: an entry declaring beyond the limit is refused before its data is read', async () => {
    const zip = zipFile([
      { name: 'logits.npy', data: new Uint8Array(100), deflate: true, declaredSize: 3_000_000_000 },
    ]);
    let streamed = 0;
    const source = bytesSource(zip);
    const watched: RandomAccessSource = {
      ...source,
      stream: (o, n) => {
        streamed++;
        return source.stream(o, n);
      },
    };
    expect(await readNpzStream(watched, ['logits'])).toEqual({
      ok: false,
      error: `logits.npy: size bomb: 3000000000 bytes uncompressed declared, beyond the limit of ${MAX_NPZ_ENTRY_BYTES}`,
    });
    expect(streamed).toBe(0);
  });

  it('unwanted entries are never read', async () => {
    const next = lcg(5);
    const junk = npyOf('f8', 20_000, 4, next);
    const zip = zipFile([
      { name: 'junk.npy', data: junk, deflate: true },
      { name: 'logits.npy', data: npyOf('f8', 4, 3, next) },
      { name: 'targets.npy', data: npyOf('i8', 4, null, next) },
    ]);
    const ranges: Array<[number, number]> = [];
    const source = bytesSource(zip);
    const watched: RandomAccessSource = {
      ...source,
      stream: (o, n) => {
        ranges.push([o, n]);
        return source.stream(o, n);
      },
    };
    const r = await readNpzCase(watched, undefined);
    expectSameCase(r, npzToCase(zip, undefined));
    expect(ranges).toHaveLength(2);
    expect(ranges.every(([o]) => o > junk.length / 2)).toBe(true);
  });
});

/** A 10⁵-row case (stored logits, deflated targets): big enough for many chunks. */
function bigCase(): Uint8Array {
  const next = lcg(77);
  return zipFile([
    { name: 'logits.npy', data: npyOf('f8', 100_000, 2, next) },
    { name: 'targets.npy', data: npyOf('i8', 100_000, null, next), deflate: true },
  ]);
}

describe('cancelling and progress', () => {
  it('reports rows and bytes as it goes, up to the whole file', async () => {
    const zip = bigCase();
    const seen: Array<[number, number, number]> = [];
    const r = await readNpzCase(bytesSource(zip, 64 * 1024), undefined, {
      onProgress: (rows, bytes, total) => seen.push([rows, bytes, total]),
    });
    expectSameCase(r, npzToCase(zip, undefined));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.every(([, , total]) => total === zip.length)).toBe(true);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
      expect(seen[i][1]).toBeGreaterThanOrEqual(seen[i - 1][1]);
    }
    expect(seen.at(-1)![0]).toBe(100_000);
    expect(seen.at(-1)![1]).toBeGreaterThanOrEqual(zip.length - 200);
  });

  it('an abort between chunks stops the read: CANCELLED, and the source is read no further', async () => {
    const zip = bigCase();
    const abort = new AbortController();
    let chunks = 0;
    let after = 0;
    const source = bytesSource(zip, 16 * 1024);
    const watched: RandomAccessSource = {
      ...source,
      async *stream(o, n) {
        for await (const c of source.stream(o, n)) {
          chunks++;
          if (abort.signal.aborted) after++;
          yield c;
        }
      },
    };
    const r = await readNpzCase(watched, undefined, {
      signal: abort.signal,
      onProgress: (rows) => {
        if (rows > 1000) abort.abort();
      },
    });
    expect(r).toEqual({ ok: false, error: 'cancelled', cancelled: true });
    expect(chunks).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(1);
  });

  it('an abort before the read starts reads nothing', async () => {
    const abort = new AbortController();
    abort.abort();
    let reads = 0;
    const source = bytesSource(bigCase());
    const r = await readNpzCase(
      {
        ...source,
        read: (o, n) => {
          reads++;
          return source.read(o, n);
        },
      },
      undefined,
      { signal: abort.signal },
    );
    expect(r).toEqual({ ok: false, error: 'cancelled', cancelled: true });
    expect(reads).toBe(0);
  });

  it('a source that fails is reported as a read error, not thrown', async () => {
    const zip = bigCase();
    const source = bytesSource(zip, 8192);
    const failing: RandomAccessSource = {
      ...source,
      async *stream(o, n) {
        let k = 0;
        for await (const c of source.stream(o, n)) {
          if (++k === 3) throw new Error('disk gone');
          yield c;
        }
      },
    };
    expect(await readNpzCase(failing, undefined)).toEqual({
      ok: false,
      error: 'cannot read the input (disk gone)',
    });
  });
});

describe('sources', () => {
  it('a Node file handle (positional reads) on a temporary file', async () => {
    const zip = bigCase();
    const path = join(mkdtempSync(join(tmpdir(), 'dr-npz-stream-')), 'big.npz');
    writeFileSync(path, zip);
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      for (const chunk of [4093, 1 << 20]) {
        const source = fileHandleSource(handle, size, chunk);
        expectSameCase(await readNpzCase(source, undefined), npzToCase(zip, undefined));
      }
      // A range past the end reads what is there.
      expect((await fileHandleSource(handle, size).read(size - 10, 100)).length).toBe(10);
    } finally {
      await handle.close();
    }
  });

  it('a Blob (as a browser File is read)', async () => {
    const zip = fixture('case_zip64.npz');
    expectSameCase(
      await readNpzCase(blobSource(new Blob([zip])), undefined),
      npzToCase(zip, undefined),
    );
  });
});
