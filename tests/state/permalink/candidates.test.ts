import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteWriter, crc32, toBase64Url } from '../../../src/state/permalink/bytes.ts';
import { applyEdits } from '../../../src/data/edits.ts';
import {
  MAX_RAW_BYTES,
  canonicalEdits,
  decodeBase,
  decodeEdits,
  encodeBase,
  encodeEdits,
} from '../../../src/state/permalink/candidates.ts';
import type { CandidateEdit, CandidateSet } from '../../../src/data/types.ts';

import { same } from './same.ts';

/** Same bits, including −0 (toEqual on typed arrays would accept 0 for −0). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return same(a, b);
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const setArb: fc.Arbitrary<CandidateSet> = fc
  .record({ R: fc.integer({ min: 1, max: 30 }), K: fc.integer({ min: 1, max: 4 }) })
  .chain(({ R, K }) =>
    fc.record({
      R: fc.constant(R),
      K: fc.constant(K),
      logits: fc
        .array(finite, { minLength: R * K, maxLength: R * K })
        .map((a) => Float64Array.from(a)),
      targets: fc
        .array(fc.integer({ min: -1, max: K }), { minLength: R, maxLength: R })
        .map((a) => Int32Array.from(a)),
    }),
  );

const editArb: fc.Arbitrary<CandidateEdit> = fc.oneof(
  fc.record({
    op: fc.constant('setLogit' as const),
    row: fc.integer({ min: -5, max: 1e6 }),
    cls: fc.integer({ min: 0, max: 90 }),
    logit: finite,
  }),
  fc.record({
    op: fc.constant('setLabel' as const),
    row: fc.integer({ min: 0, max: 1e6 }),
    target: fc.integer({ min: -1, max: 80 }),
  }),
  fc.record({
    op: fc.constant('add' as const),
    logits: fc.array(finite, { maxLength: 5 }),
    target: fc.integer({ min: -1, max: 4 }),
  }),
  fc.record({ op: fc.constant('delete' as const), row: fc.integer({ min: 0, max: 1e5 }) }),
);

/** A blob whose raw part is `raw` deflated, declaring `declared` bytes. */
function blobOf(raw: Uint8Array, declared = raw.length): string {
  const w = new ByteWriter();
  w.uvarint(declared);
  w.u32(crc32(raw));
  w.bytes(deflateSync(raw));
  return toBase64Url(w.finish());
}

describe('encodeBase / decodeBase', () => {
  it('round-trips any finite logits bit for bit (−0, subnormals, extremes) and the labels', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        const back = decodeBase(encodeBase(set));
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect([back.value.R, back.value.K]).toEqual([set.R, set.K]);
        expect(back.value.targets).toEqual(set.targets);
        expect(sameBits(back.value.logits, set.logits)).toBe(true);
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it('stores short decimals as text: a 3-decimal set compresses to under half of random doubles', () => {
    const R = 1000;
    const random = Float64Array.from({ length: R }, (_, i) => Math.sin(i * 12.9898) * 3);
    const short = random.map((x) => Math.round(x * 1000) / 1000);
    const targets = new Int32Array(R);
    const a = encodeBase({ R, K: 1, logits: random, targets }).length;
    const b = encodeBase({ R, K: 1, logits: short, targets }).length;
    expect(b).toBeLessThan(a / 2);
    const back = decodeBase(encodeBase({ R, K: 1, logits: short, targets }));
    expect(back.ok && sameBits(back.value.logits, short)).toBe(true);
  });

  it('refuses a payload that declares more than MAX_RAW_BYTES before inflating it', () => {
    const r = decodeBase(blobOf(Uint8Array.of(0x42, 0), MAX_RAW_BYTES + 1));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('declares') });
  });

  it('refuses a decompression bomb that inflates beyond its declared size', () => {
    // 10 MB of zeros deflate to ~10 kB; declared as 100 bytes, inflation stops at 101.
    const r = decodeBase(blobOf(new Uint8Array(10_000_000), 100));
    expect(r).toEqual({ ok: false, error: expect.stringContaining('declared size') });
  });

  it('refuses every single-character change inside the compressed data (CRC-32)', () => {
    const set = {
      R: 4,
      K: 1,
      logits: Float64Array.of(0.5, -1.25, 3, 7),
      targets: Int32Array.of(1, 0, 0, -1),
    };
    const good = encodeBase(set);
    // Skip the last character: its low bits may be padding that decodes to the same bytes.
    for (let i = 0; i < good.length - 1; i++) {
      for (const ch of 'Aq_') {
        if (ch === good[i]) continue;
        const r = decodeBase(good.slice(0, i) + ch + good.slice(i + 1));
        if (r.ok) expect(r.value).toEqual(set); // only a change the decoder cannot see
      }
    }
  });

  it('reports, never throws, for truncated, corrupt and wrongly typed blobs', () => {
    const good = encodeBase({
      R: 3,
      K: 2,
      logits: Float64Array.of(1, 2, 3, 4, 5, 6),
      targets: Int32Array.of(0, 1, 2),
    });
    const bad = [
      '',
      good.slice(0, 5),
      good.slice(0, -3),
      good.slice(0, 12) + (good[12] === 'A' ? 'B' : 'A') + good.slice(13),
      '!!!',
      encodeEdits([]),
      blobOf(Uint8Array.of(0x42, 0, 2, 1, 0, 4)), // label 2 > K = 1
      blobOf(Uint8Array.of(0x42, 0, 0, 1)), // R = 0
    ];
    for (const b of bad) {
      const r = decodeBase(b);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
    }
  });

  it('refuses a non-finite logit written as bytes', () => {
    const w = new ByteWriter();
    w.byte(0x42);
    w.byte(0);
    w.uvarint(1);
    w.uvarint(1);
    w.svarint(0);
    w.uvarint(1);
    const nan = new Uint8Array(new Float64Array([NaN]).buffer);
    w.bytes(nan); // 1 number: its byte planes are its 8 bytes
    expect(decodeBase(blobOf(w.finish()))).toEqual({
      ok: false,
      error: expect.stringContaining('not finite'),
    });
  });
});

describe('encodeEdits / decodeEdits', () => {
  it('round-trips any list of well-formed edits exactly, in canonical order', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 40 }), (edits) => {
        const back = decodeEdits(encodeEdits(edits));
        expect(back.ok && same(back.value, canonicalEdits(edits))).toBe(true);
      }),
      { seed: 4, numRuns: 300 },
    );
  });

  it('canonical order keeps the number of edits and the edited set, bit for bit', () => {
    const set = (R: number, K: number) =>
      fc.record({
        R: fc.constant(R),
        K: fc.constant(K),
        logits: fc
          .array(finite, { minLength: R * K, maxLength: R * K })
          .map((a) => Float64Array.from(a)),
        targets: fc
          .array(fc.integer({ min: -1, max: K }), { minLength: R, maxLength: R })
          .map((a) => Int32Array.from(a)),
      });
    const edit = (R: number, K: number): fc.Arbitrary<CandidateEdit> =>
      fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record({
            op: fc.constant('setLogit' as const),
            row: fc.integer({ min: -1, max: R + 2 }),
            cls: fc.integer({ min: 0, max: K }),
            logit: finite,
          }),
        },
        {
          weight: 3,
          arbitrary: fc.record({
            op: fc.constant('setLabel' as const),
            row: fc.integer({ min: -1, max: R + 2 }),
            target: fc.integer({ min: -1, max: K }),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            op: fc.constant('add' as const),
            logits: fc.array(finite, { minLength: K, maxLength: K }),
            target: fc.integer({ min: 0, max: K }),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({
            op: fc.constant('delete' as const),
            row: fc.integer({ min: 0, max: R + 2 }),
          }),
        },
      );
    fc.assert(
      fc.property(
        fc
          .record({ R: fc.integer({ min: 1, max: 6 }), K: fc.integer({ min: 1, max: 3 }) })
          .chain(({ R, K }) => fc.tuple(set(R, K), fc.array(edit(R, K), { maxLength: 30 }))),
        ([base, edits]) => {
          const sorted = canonicalEdits(edits);
          expect(sorted).toHaveLength(edits.length);
          expect(same(applyEdits(base, sorted), applyEdits(base, edits))).toBe(true);
        },
      ),
      { seed: 41, numRuns: 1000 },
    );
  });

  it('leaves out edits with fractional indices or non-finite numbers', () => {
    const back = decodeEdits(
      encodeEdits([
        { op: 'setLogit', row: 1.5, cls: 0, logit: 1 },
        { op: 'setLogit', row: 1, cls: 0, logit: Infinity },
        { op: 'delete', row: 2 },
      ]),
    );
    expect(back).toEqual({ ok: true, value: [{ op: 'delete', row: 2 }] });
  });

  it('reports, never throws, for any truncation of a valid blob', () => {
    const blob = encodeEdits([
      { op: 'setLogit', row: 4, cls: 1, logit: 0.125 },
      { op: 'add', logits: [1, 2], target: 1 },
    ]);
    for (let n = 0; n < blob.length; n++) expect(decodeEdits(blob.slice(0, n)).ok).toBe(false);
  });
});
