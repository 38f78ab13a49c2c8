import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  ByteWriter,
  PayloadError,
  fromBase64Url,
  toBase64Url,
} from '../../../src/state/permalink/bytes.ts';

describe('varints', () => {
  it('round-trip any integer |x| < 2^52 (zigzag) and any non-negative safe integer (unsigned)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.maxSafeInteger().map((x) => x % 2 ** 52)),
        fc.array(fc.maxSafeNat()),
        (signed, unsigned) => {
          const w = new ByteWriter();
          for (const x of signed) w.svarint(x);
          for (const x of unsigned) w.uvarint(x);
          const r = new ByteReader(w.finish());
          expect(signed.map(() => r.svarint())).toEqual(signed);
          expect(unsigned.map(() => r.uvarint())).toEqual(unsigned);
          expect(r.remaining).toBe(0);
        },
      ),
      { seed: 1, numRuns: 300 },
    );
  });

  it('throw PayloadError when the bytes run out or a varint never ends', () => {
    expect(() => new ByteReader(Uint8Array.of(0x80)).uvarint()).toThrow(PayloadError);
    expect(() => new ByteReader(new Uint8Array(9).fill(0xff)).uvarint()).toThrow(PayloadError);
    expect(() => new ByteReader(Uint8Array.of(1)).bytes(2)).toThrow(PayloadError);
  });
});

describe('base64url', () => {
  it('matches Node’s base64url encoding and round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { seed: 2, numRuns: 300 },
    );
  });

  it('rejects characters outside the alphabet, padding and impossible lengths', () => {
    for (const bad of ['ab+c', 'ab/c', 'abc=', 'a', 'abcde', 'é', 'ab c']) {
      expect(() => fromBase64Url(bad)).toThrow(PayloadError);
    }
  });
});
