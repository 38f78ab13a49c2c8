import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import { arraysToCase, MAX_NPZ_ENTRY_BYTES, npzToCase, parseNpz } from '../../src/io/npz.ts';
import type { ArraysCaseResult } from '../../src/io/npz.ts';
import { parseNpy } from '../../src/io/npy.ts';
import type { NpyArray } from '../../src/io/npy.ts';
import { encode, header, npyFile, zipFile } from './npyWriter.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

const LOGITS = [0.5, -1.25, 2.0, 3.5, 0.0, -0.75, -2.5, 1.5, 0.25, 1.0, -3.0, 0.125];
const TARGETS = [1, 0, -1, 3];

const logitsNpy = npyFile(header('<f8', [4, 3]), encode(LOGITS, 'f8', true));
const targetsNpy = npyFile(header('<i8', [4]), encode(TARGETS, 'i8', true));

function errorOf(r: ArraysCaseResult | { ok: boolean; error?: string }): string {
  if (r.ok) throw new Error('expected an error');
  return (r as { error: string }).error;
}

function array(bytes: Uint8Array): NpyArray {
  const r = parseNpy(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.array;
}

describe('npzToCase reads what np.savez and np.savez_compressed write', () => {
  it.each([
    ['case.npz', 'np.savez, float64 and int64'],
    ['case_compressed.npz', 'np.savez_compressed (deflate), float32 and int32 "labels"'],
    ['case_fortran_be.npz', 'big-endian, Fortran order'],
    ['case_zip64.npz', 'ZIP64 local headers (force_zip64)'],
  ])('%s (%s): the same case', (name) => {
    const r = npzToCase(fixture(name), undefined);
    if (!r.ok) throw new Error(r.error);
    const c = r.value;
    expect([c.R, c.K, c.flat]).toEqual([4, 3, false]);
    expect(Array.from(c.logits)).toEqual(LOGITS);
    expect(Array.from(c.targets)).toEqual(TARGETS);
    expect(c.params).toEqual(DEFAULT_PARAMS);
  });

  it('reads ZIP64 central directory records and the ZIP64 end record', () => {
    const zip = zipFile([
      { name: 'logits.npy', data: logitsNpy, zip64: true },
      { name: 'targets.npy', data: targetsNpy, deflate: true, zip64: true },
    ]);
    const r = npzToCase(zip, undefined);
    if (!r.ok) throw new Error(r.error);
    expect(Array.from(r.value.targets)).toEqual(TARGETS);
  });

  it('applies params given as the JSON case format’s params object, validated the same way', () => {
    const r = npzToCase(fixture('case.npz'), { lambdaNeg: 0.1, smoothing: 'quad' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.params).toMatchObject({ lambdaNeg: 0.1, smoothing: 'quad' });
    expect(errorOf(npzToCase(fixture('case.npz'), { lamdaNeg: 0.1 }))).toMatch(
      /^params\.lamdaNeg is not a known parameter/,
    );
  });

  it('does not inflate entries it does not need', () => {
    const bomb = { name: 'junk.npy', data: new Uint8Array(16), declaredSize: 2 ** 32 - 1 };
    const r = parseNpz(zipFile([{ name: 'logits.npy', data: logitsNpy }, bomb]), ['logits']);
    if (!r.ok) throw new Error(r.error);
    expect([...r.arrays.keys()]).toEqual(['logits']);
    expect(r.names).toEqual(['logits', 'junk']);
  });
});

describe('npzToCase refuses, naming the problem', () => {
  it('an archive without targets names the arrays it has', () => {
    expect(errorOf(npzToCase(fixture('no_targets.npz'), undefined))).toBe(
      'no array "targets" (or "labels") (arrays: logits, weights; save with np.savez(f, logits=..., targets=...))',
    );
  });

  it('an object array inside', () => {
    expect(errorOf(npzToCase(fixture('object.npz'), undefined))).toMatch(
      /^logits\.npy: object array \(dtype \|O\)/,
    );
  });

  it('an .npy file or a pickle given as .npz', () => {
    expect(errorOf(npzToCase(fixture('logits_f8_le_c.npy'), undefined))).toMatch(
      /^an \.npy file, not an \.npz archive/,
    );
    expect(errorOf(npzToCase(fixture('pickle.npy'), undefined))).toMatch(/^a Python pickle/);
  });

  it('a truncated archive', () => {
    const whole = fixture('case.npz');
    expect(errorOf(npzToCase(whole.subarray(0, whole.length - 30), undefined))).toMatch(
      /^truncated or malformed zip/,
    );
    expect(errorOf(npzToCase(whole.subarray(0, 200), undefined))).toMatch(
      /^truncated or malformed zip/,
    );
  });

  it('a size bomb: an entry declaring more than the limit is refused before inflating', () => {
    const zip = zipFile([
      { name: 'logits.npy', data: new Uint8Array(100), deflate: true, declaredSize: 3_000_000_000 },
    ]);
    expect(errorOf(parseNpz(zip, ['logits']))).toBe(
      `logits.npy: size bomb: 3000000000 bytes uncompressed declared, beyond the limit of ${MAX_NPZ_ENTRY_BYTES}`,
    );
  });

  it('a size bomb: an entry inflating past the size it declares is stopped there', () => {
    // 16 MB of zeros deflate to ~16 KB; the headers claim 1000 bytes.
    const zip = zipFile([
      { name: 'logits.npy', data: new Uint8Array(16 << 20), deflate: true, declaredSize: 1000 },
    ]);
    expect(zip.length).toBeLessThan(50_000);
    expect(errorOf(parseNpz(zip, ['logits']))).toBe(
      'logits.npy: size bomb: it inflates past the 1000 bytes it declares',
    );
  });

  it('corrupt deflate data', () => {
    const zip = zipFile([{ name: 'logits.npy', data: logitsNpy, deflate: true }]);
    // Corrupt the deflate stream's first bytes (after the 40-byte local header).
    zip.fill(0xff, 40, 48);
    expect(errorOf(parseNpz(zip, ['logits']))).toMatch(
      /^logits\.npy: (corrupt deflate data|truncated|size bomb)/,
    );
  });

  it('never throws on random or damaged archives (fast-check, seeded)', () => {
    const good = fixture('case_compressed.npz');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(255)), { maxLength: 8 }),
        fc.nat(good.length),
        (edits, cut) => {
          const b = good.slice(0, Math.max(cut, 1));
          for (const [at, v] of edits) if (at < b.length) b[at] = v;
          const r = npzToCase(b, undefined);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { seed: 4242, numRuns: 400 },
    );
  });
});

describe('arraysToCase (a pair of .npy files)', () => {
  it('flat logits mean K = 1 and stay flat', () => {
    const r = arraysToCase(
      array(npyFile(header('<f4', [3]), encode([0.5, -1, 2], 'f4', true))),
      array(npyFile(header('<i4', [3]), encode([1, 0, -5], 'i4', true))),
      undefined,
    );
    if (!r.ok) throw new Error(r.error);
    expect([r.value.R, r.value.K, r.value.flat]).toEqual([3, 1, true]);
    expect(Array.from(r.value.targets)).toEqual([1, 0, -1]);
  });

  it.each([
    [
      'integer logits',
      () => [npyFile(header('<i8', [4]), encode([1, 2, 3, 4], 'i8', true)), targetsNpy],
      /^logits has dtype <i8: need float32 or float64$/,
    ],
    [
      'float targets',
      () => [logitsNpy, npyFile(header('<f8', [4]), encode(TARGETS, 'f8', true))],
      /^targets has dtype <f8: need an integer type/,
    ],
    [
      'targets of another length',
      () => [logitsNpy, npyFile(header('<i8', [3]), encode([0, 0, 0], 'i8', true))],
      /^targets has shape \(3,\) but logits has 4 rows: need \(4,\)$/,
    ],
    [
      'a target above K',
      () => [logitsNpy, npyFile(header('<i8', [4]), encode([0, 0, 4, 0], 'i8', true))],
      /^targets\[2\] = 4 is out of range \(-1\.\.K with K = 3/,
    ],
    [
      'a NaN logit',
      () => [
        npyFile(
          header('<f8', [4, 3]),
          encode([...LOGITS.slice(0, 4), NaN, ...LOGITS.slice(5)], 'f8', true),
        ),
        targetsNpy,
      ],
      /^logits\[1\]\[1\] is not a finite number \(got NaN\)$/,
    ],
    [
      '3-D logits',
      () => [npyFile(header('<f8', [2, 2, 3]), encode(LOGITS, 'f8', true)), targetsNpy],
      /^logits has shape \(2, 2, 3\): need \(N, K\) or \(N,\)$/,
    ],
    [
      'empty logits',
      () => [
        npyFile(header('<f8', [0, 3]), new Uint8Array(0)),
        npyFile(header('<i8', [0]), new Uint8Array(0)),
      ],
      /^logits has shape \(0, 3\): it is empty$/,
    ],
  ])('%s', (_name, make, pattern) => {
    const [l, t] = make();
    expect(errorOf(arraysToCase(array(l), array(t), undefined))).toMatch(pattern);
  });
});
