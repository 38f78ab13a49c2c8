import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, sortAscending, sortPieces, upperBound } from '../../src/engine/sorted.ts';
import { rng } from './rng.ts';

/** Same values, same order, −0 before +0 (Object.is tells them apart). */
function expectSameOrder(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(`position ${i}: ${actual[i]} ≠ ${expected[i]}`);
    }
  }
}

describe('sortAscending', () => {
  it('equals the native typed-array sort for any finite or infinite doubles, −0 before +0', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, 0.5, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 80 }), (a) => {
        const p = Float64Array.from(a);
        const before = Float64Array.from(p);
        expectSameOrder(sortAscending(p), Float64Array.from(a).sort());
        expectSameOrder(p, before); // the input is left alone
      }),
      { seed: 4242, numRuns: 400 },
    );
  });

  it('sorts long runs that share their high 32 bits (numbers within 2^-20 relative) exactly', () => {
    const u = rng(9);
    // 5,000 scores in [0.5, 0.5 + 2^-22): one run of equal high words, sorted natively
    const p = Float64Array.from({ length: 5000 }, () => 0.5 + u() * 2 ** -22);
    expectSameOrder(sortAscending(p), Float64Array.from(p).sort());
  });

  it('sorts 10⁵ sigmoid scores of a detection-like set as the native sort does', () => {
    const u = rng(10);
    const p = Float64Array.from({ length: 100_000 }, () => 1 / (1 + Math.exp(4.6 - 2 * u())));
    expectSameOrder(sortAscending(p), Float64Array.from(p).sort());
  });

  it('returns an empty or one-element copy unchanged', () => {
    expect(sortAscending(new Float64Array(0)).length).toBe(0);
    const one = Float64Array.of(0.3);
    const out = sortAscending(one);
    expect(Array.from(out)).toEqual([0.3]);
    expect(out).not.toBe(one);
  });
});

describe('sortPieces', () => {
  it('is sortAscending of the pieces’ concatenation, views at any offset and empty pieces included', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, 1, Infinity, -Infinity, Number.MIN_VALUE),
    );
    const piece = fc
      .tuple(fc.array(value, { maxLength: 40 }), fc.nat(3), fc.nat(3))
      .map(([a, before, after]) => {
        // a view into a larger buffer, as the pool's cut pieces are
        const buffer = new Float64Array(before + a.length + after).fill(42);
        buffer.set(a, before);
        return buffer.subarray(before, before + a.length);
      });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const all = new Float64Array(pieces.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of pieces) {
          all.set(p, at);
          at += p.length;
        }
        expectSameOrder(sortPieces(pieces), sortAscending(all));
      }),
      { seed: 77, numRuns: 300 },
    );
  });
});

describe('lowerBound and upperBound', () => {
  it('find the first index with a value ≥ v and > v, as a linear scan does', () => {
    const grid = fc.integer({ min: 0, max: 8 }).map((k) => k / 8);
    fc.assert(
      fc.property(fc.array(grid, { maxLength: 30 }), grid, (a, v) => {
        const s = Float64Array.from(a).sort();
        const lin = (pred: (x: number) => boolean) => {
          const i = s.findIndex(pred);
          return i < 0 ? s.length : i;
        };
        expect(lowerBound(s, v)).toBe(lin((x) => x >= v));
        expect(upperBound(s, v)).toBe(lin((x) => x > v));
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
