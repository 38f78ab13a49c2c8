import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topKIndices } from '../../src/engine/index.ts';
import { selectInPlace } from '../../src/engine/topK.ts';
import { rng } from './rng.ts';

/** Reference: stable sort by value descending, first k positions, ascending. */
function reference(values: Float64Array, k: number): number[] {
  const order = Array.from(values, (_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
  return order.slice(0, Math.max(0, k)).sort((a, b) => a - b);
}

describe('topKIndices', () => {
  it('equals a stable sort (value descending, lower index first on ties), also with many ties', () => {
    const value = fc.oneof(
      fc.double({ min: -1, max: 2, noNaN: true }),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 200 }),
        fc.integer({ min: -1, max: 210 }),
        (vals, k) => {
          const v = new Float64Array(vals);
          expect(Array.from(topKIndices(v, k))).toEqual(reference(v, k));
        },
      ),
      { seed: 77, numRuns: 500 },
    );
  });

  it('equals the stable sort on large inputs too (the sampled-threshold path), with and without ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8192, max: 30000 }),
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 2, 4),
        (n, seed, kFrac, decimals) => {
          const u = rng(seed);
          const v = new Float64Array(n);
          for (let i = 0; i < n; i++) {
            const x = u();
            v[i] = decimals === 0 ? x : Math.round(x * 10 ** decimals) / 10 ** decimals;
          }
          const k = 1 + Math.floor(kFrac * (n / 16));
          expect(Array.from(topKIndices(v, k))).toEqual(reference(v, k));
        },
      ),
      { seed: 79, numRuns: 25 },
    );
  });

  it('breaks ties by lower index', () => {
    expect(Array.from(topKIndices(new Float64Array([1, 3, 3, 2, 3]), 2))).toEqual([1, 2]);
    expect(Array.from(topKIndices(new Float64Array([1, 1, 1, 1]), 3))).toEqual([0, 1, 2]);
  });

  it('leaves its input unchanged and rejects NaN', () => {
    const v = new Float64Array([0.3, 0.1, 0.2]);
    topKIndices(v, 1);
    expect(Array.from(v)).toEqual([0.3, 0.1, 0.2]);
    expect(() => topKIndices(new Float64Array([0.1, NaN, 0.3]), 1)).toThrow(RangeError);
  });

  it('stays fast on adversarial orders (sorted, reversed, all equal, organ-pipe) of 2e5 values', () => {
    const n = 200_000;
    const shapes = [
      (i: number) => i,
      (i: number) => n - i,
      () => 0.5,
      (i: number) => Math.min(i, n - i),
      (i: number) => i % 2,
    ];
    for (const f of shapes) {
      const v = Float64Array.from({ length: n }, (_, i) => f(i));
      const t0 = performance.now();
      const got = topKIndices(v, 1000);
      const ms = performance.now() - t0;
      expect(got.length).toBe(1000);
      expect(Array.from(got)).toEqual(reference(v, 1000));
      expect(ms).toBeLessThan(500); // quadratic behaviour would take tens of seconds
    }
  });
});

describe('selectInPlace', () => {
  it('returns the value of the given ascending rank', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.nat(),
        (vals, r) => {
          const rank = r % vals.length;
          const sorted = Float64Array.from(vals).sort();
          expect(selectInPlace(Float64Array.from(vals), rank)).toBe(sorted[rank]);
        },
      ),
      { seed: 78, numRuns: 500 },
    );
  });
});
