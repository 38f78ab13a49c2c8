/**
 * Helpers of the streaming-parser tests: cutting a text or its bytes into chunks at chosen places
 * (inside numbers, line ends and multi-byte characters alike), and comparing results bit for bit.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Where to cut: explicit cut points (taken modulo length + 1) or a fixed small chunk size. */
export type Cuts = { readonly points: readonly number[] } | { readonly size: number };

/** Cut choices: a few random points, or chunks of 1..7 units (every boundary gets cut somewhere). */
export const cutsArb: fc.Arbitrary<Cuts> = fc.oneof(
  fc.array(fc.nat(), { maxLength: 12 }).map((points) => ({ points })),
  fc.integer({ min: 1, max: 7 }).map((size) => ({ size })),
);

/** The [start, end) pieces of a sequence of `length` units. */
export function pieces(length: number, cuts: Cuts): Array<[number, number]> {
  let bounds: number[];
  if ('size' in cuts) {
    bounds = [];
    for (let i = cuts.size; i < length; i += cuts.size) bounds.push(i);
  } else {
    bounds = [...new Set(cuts.points.map((p) => p % (length + 1)))].sort((a, b) => a - b);
  }
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const b of [...bounds, length]) {
    out.push([start, b]);
    start = b;
  }
  return out;
}

/** A text's string chunks (cuts may split a surrogate pair: the parsers see only whole lines). */
export function textChunks(text: string, cuts: Cuts): string[] {
  return pieces(text.length, cuts).map(([a, b]) => text.slice(a, b));
}

/** The UTF-8 bytes of `bytes` as chunks (cuts land inside multi-byte characters too). */
export function byteChunks(bytes: Uint8Array, cuts: Cuts): Uint8Array[] {
  return pieces(bytes.length, cuts).map(([a, b]) => bytes.slice(a, b));
}

/** An async iterable over chunks, as a Node stream or a File's stream would give them. */
export async function* fromChunks(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) {
    await Promise.resolve();
    yield c;
  }
}

/** The 64-bit patterns of a Float64Array: equal arrays are equal bit for bit (−0, NaN payloads). */
export function bits(a: Float64Array): bigint[] {
  return Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length));
}

/** Assert two Float64Arrays hold the same doubles bit for bit. */
export function expectSameBits(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  expect(bits(a)).toEqual(bits(b));
}
