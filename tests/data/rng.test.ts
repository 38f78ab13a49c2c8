import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Rng, detLog, detLogit, polarFactor, setNormalsKernel } from '../../src/data/rng.ts';
import { setKernelPath } from '../../src/engine/index.ts';
import { normalsKernel } from '../../src/engine/kernels/normals.ts';

const toUint32 = (u: number) => u * 4294967296 - 0.5;

// as the workers and the CLI do; setKernelPath('ts') then takes the TypeScript loop
setNormalsKernel(normalsKernel);
afterEach(() => setKernelPath(null));

describe('detLog', () => {
  it('agrees with Math.log to 4e-16·max(1, |ln x|) for any positive double', () => {
    fc.assert(
      fc.property(
        fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
        (x) => {
          const want = Math.log(x);
          expect(Math.abs(detLog(x) - want)).toBeLessThanOrEqual(
            4e-16 * Math.max(1, Math.abs(want)),
          );
        },
      ),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('is exactly 0 at 1 and NaN for 0, negatives, NaN and Infinity', () => {
    expect(detLog(1)).toBe(0);
    for (const x of [0, -1, NaN, Infinity]) expect(detLog(x)).toBeNaN();
  });

  it('detLogit inverts the sigmoid to 1e-14 on (0.001, 0.999)', () => {
    for (const s of [0.001, 0.02, 0.3, 0.5, 0.7, 0.999]) {
      expect(Math.abs(1 / (1 + Math.exp(-detLogit(s))) - s)).toBeLessThan(1e-14);
    }
  });
});

describe('Rng', () => {
  it('reproduces the xoshiro128** reference outputs from state (1, 2, 3, 4)', () => {
    const rng = Rng.fromState([1, 2, 3, 4]);
    const out = Array.from({ length: 5 }, () => toUint32(rng.uniform()));
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883]);
  });

  it('pins the first draws of seed 1 (a change would break every saved permalink)', () => {
    const rng = new Rng(1);
    expect([rng.uniform(), rng.uniform()]).toEqual([0.09735302545595914, 0.864310841425322]);
    const n = new Rng(1);
    expect([n.normal(), n.normal(), n.normal()]).toEqual([
      -0.07087667277412084, 0.37669777695071915, -0.993029055418217,
    ]);
  });

  it('gives the same stream for the same seed and a different one for the next seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xa = Array.from({ length: 100 }, () => a.uniform());
    expect(Array.from({ length: 100 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 100 }, () => c.uniform())).not.toEqual(xa);
  });

  it('takes the seed modulo 2^32 after truncation', () => {
    const first = (seed: number) => new Rng(seed).uniform();
    expect(first(2 ** 32 + 5)).toBe(first(5));
    expect(first(-1)).toBe(first(2 ** 32 - 1));
    expect(first(5.9)).toBe(first(5));
    expect(first(NaN)).toBe(first(0));
  });

  it('draws uniforms strictly inside (0, 1) with mean 0.5 ± 0.003 over 1e5 draws', () => {
    const rng = new Rng(3);
    let min = 1;
    let max = 0;
    let sum = 0;
    for (let i = 0; i < 1e5; i++) {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
    }
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(sum / 1e5 - 0.5)).toBeLessThan(0.003);
  });

  it('draws normals with mean 0 ± 0.01, variance 1 ± 0.01 and tails P(|x|>2) ≈ 4.55 % ± 0.2 % over 2e5', () => {
    const rng = new Rng(11);
    const n = 2e5;
    let s = 0;
    let s2 = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      s += x;
      s2 += x * x;
      if (Math.abs(x) > 2) tail++;
    }
    const mean = s / n;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - mean * mean - 1)).toBeLessThan(0.01);
    expect(Math.abs(tail / n - 0.0455)).toBeLessThan(0.002);
  });

  it('fillNormal writes exactly the numbers of successive normal() calls, across odd boundaries', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 8 }), (chunks) => {
        const total = chunks.reduce((a, b) => a + b, 0);
        const bulk = new Rng(5);
        const out = new Float64Array(total);
        let at = 0;
        for (const c of chunks) {
          bulk.fillNormal(out, at, at + c, 2, 3);
          at += c;
        }
        const one = new Rng(5);
        const want = Float64Array.from({ length: total }, () => 2 + 3 * one.normal());
        expect(out).toEqual(want);
        expect(bulk.normal()).toBe(one.normal());
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it.each(['wasm-simd', 'ts'] as const)(
    'fillNormal on the %s kernels equals successive normal() calls over many batches of logs (thousands of entries)',
    (path) => {
      setKernelPath(path);
      expect(normalsKernel() !== null).toBe(path === 'wasm-simd');
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** 32 - 1 }),
          fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 4 }),
          (seed, chunks) => {
            const total = chunks.reduce((a, b) => a + b, 0);
            const bulk = new Rng(seed);
            const out = new Float64Array(total);
            let at = 0;
            for (const c of chunks) {
              bulk.fillNormal(out, at, at + c, -4.6, 1);
              at += c;
            }
            const one = new Rng(seed);
            const want = Float64Array.from({ length: total }, () => -4.6 + one.normal());
            expect(out).toEqual(want);
            expect(bulk.normal()).toBe(one.normal());
          },
        ),
        { seed: 12, numRuns: 60 },
      );
      setKernelPath(null);
    },
  );

  it('polarFactor (fillNormal’s batched log) is detLog’s √(−2 ln s / s) bit for bit, at the reduction’s edges too', () => {
    const next = (x: number, dir: 1 | -1) => {
      const f = new Float64Array([x]);
      const u = new BigUint64Array(f.buffer);
      u[0] += dir === 1 ? 1n : -1n;
      return f[0];
    };
    const edges: number[] = [];
    for (let k = 0; k <= 1022; k++) {
      // powers of two and √2·2^−k, where detLog's doublings and its halving change course
      for (const x of [2 ** -k, Math.SQRT2 * 2 ** -k, Math.SQRT1_2 * 2 ** -k]) {
        for (const y of [x, next(x, 1), next(x, -1)]) if (y >= 2 ** -1022 && y < 1) edges.push(y);
      }
    }
    for (const s of edges) expect(polarFactor(s)).toBe(Math.sqrt((-2 * detLog(s)) / s));
    fc.assert(
      fc.property(fc.double({ min: 2 ** -1022, max: 1, maxExcluded: true, noNaN: true }), (s) => {
        expect(polarFactor(s)).toBe(Math.sqrt((-2 * detLog(s)) / s));
      }),
      { seed: 13, numRuns: 2000 },
    );
  });
});
