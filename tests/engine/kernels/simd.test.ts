import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  SMOOTHINGS,
  createWorkspace,
  evaluate,
  kernelPath,
  pool,
  setKernelPath,
} from '../../../src/engine/index.ts';
import type { DRParams, KernelPath, OriginalDistribution } from '../../../src/engine/index.ts';
import { expFast, sigmoidFast } from '../../../src/engine/fastExp.ts';
import { gridExp, gridSize, gridTable } from '../../../src/engine/kernels/gridExp.ts';
import { SUM_LEN } from '../../../src/engine/kernels/layout.ts';
import { simdKernels } from '../../../src/engine/kernels/simd.ts';
import { checkAndCountTargets } from '../../../src/engine/problem.ts';
import { tiltSums } from '../../../src/engine/kernels/tilted.ts';
import { ddExp, relErr } from '../doubleDouble.ts';

afterEach(() => setKernelPath(null));

/** Runs `f` on each path and returns both results. */
function onBoth<T>(f: () => T): Record<KernelPath, T> {
  setKernelPath('ts');
  const ts = f();
  setKernelPath('wasm-simd');
  const wasm = f();
  setKernelPath(null);
  return { ts, 'wasm-simd': wasm };
}

/** The first index where two arrays differ as doubles (Object.is: −0 ≠ 0, NaN = NaN), or −1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function expectSameDoubles(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  const i = firstDifference(a, b);
  expect(i, `${what} differs at ${i}: ${a[i]} vs ${b[i]}`).toBe(-1);
}

/** pool + evaluate (per entry, ∂/∂logit) on the current path: every array and scalar it produces. */
function fwdGrad(
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  params: DRParams,
): Record<string, ArrayLike<number>> {
  const pooled = pool(logits, targets, K);
  const ws = createWorkspace(pooled);
  const r = evaluate(pooled, params, ws);
  return {
    pPos: pooled.pPos,
    pNeg: pooled.pNeg,
    posIndex: pooled.posIndex,
    negIndex: pooled.negIndex,
    extremes: [pooled.posMin, pooled.negMax],
    qPos: ws.qPos,
    qNeg: ws.qNeg,
    gradPPos: ws.gradPPos,
    gradPNeg: ws.gradPNeg,
    gradLogits: ws.gradLogits,
    scalars: [r.loss, r.pPlus, r.pMinus, r.z, r.slope, r.klPos, r.klNeg, r.essPos, r.essNeg],
  };
}

describe('the kernel path', () => {
  it('is WebAssembly SIMD in Node 20 unless the TypeScript path is forced', () => {
    expect(kernelPath()).toBe('wasm-simd');
    setKernelPath('ts');
    expect(kernelPath()).toBe('ts');
    expect(simdKernels()).toBeNull();
    setKernelPath(null);
    expect(kernelPath()).toBe('wasm-simd');
  });
});

/** Logits of every kind: ordinary, large (exp underflow, the scalar fallback), ±Infinity, ±0. */
const logit = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -12, max: 12, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -800, max: 800, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, 0, -0, 36.9, -745.2, 709.5) },
);

const params = fc.record({
  margin: fc.double({ min: 0, max: 1, noNaN: true }),
  lambdaPos: fc.double({ min: 0.01, max: 5, noNaN: true }),
  lambdaNeg: fc.double({ min: 0.008, max: 5, noNaN: true }),
  L: fc.double({ min: 0.5, max: 20, noNaN: true }),
  tau: fc.double({ min: 0.1, max: 8, noNaN: true }),
  smoothing: fc.constantFrom(...SMOOTHINGS),
  rho: fc.double({ min: 0.01, max: 2, noNaN: true }),
});

const original: fc.Arbitrary<OriginalDistribution> = fc.constantFrom<OriginalDistribution>(
  { kind: 'uniform' },
  { kind: 'hardNegative', k: 7 },
);

describe('the WebAssembly and TypeScript paths give the same doubles, bit for bit', () => {
  it('pool + evaluate on random problems (any K, ignored rows, NaN in ignored rows, extreme logits)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        params,
        original,
        fc.array(logit, { minLength: 64, maxLength: 64 }),
        (K, R, seed, p, o, palette) => {
          // rows cycle through the palette so large R stays cheap to generate
          const logits = new Float64Array(R * K);
          const targets = new Int32Array(R);
          let s = seed;
          const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
          for (let r = 0; r < R; r++) {
            const u = next() % 20;
            targets[r] = u === 0 ? -1 : u < 3 ? 1 + (next() % K) : 0;
            for (let c = 0; c < K; c++) {
              logits[r * K + c] = targets[r] < 0 && u === 0 && c === 0 ? NaN : palette[next() % 64];
            }
          }
          const both = onBoth(() =>
            fwdGrad(logits, targets, K, { ...DEFAULT_PARAMS, ...p, original: o }),
          );
          for (const key of Object.keys(both.ts)) {
            expectSameDoubles(both['wasm-simd'][key], both.ts[key], key);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('at sizes around the chunk (8192) and block (1024) boundaries, where the exps come from the table', () => {
    for (const R of [1023, 1025, 8191, 8192, 8193, 16385, 20001]) {
      const logits = new Float64Array(R);
      const targets = new Int32Array(R);
      for (let r = 0; r < R; r++) {
        targets[r] = r % 97 === 0 ? 1 : r % 89 === 0 ? -1 : 0;
        logits[r] = 6 * Math.sin(r * 1.7) - 2;
      }
      for (const lambdaNeg of [DEFAULT_PARAMS.lambdaNeg, 0.01, 2]) {
        const both = onBoth(() => fwdGrad(logits, targets, 1, { ...DEFAULT_PARAMS, lambdaNeg }));
        for (const key of Object.keys(both.ts)) {
          expectSameDoubles(both['wasm-simd'][key], both.ts[key], `R = ${R}, ${key}`);
        }
      }
    }
  });

  it('tiltSums for either sign, any λ, scores in [0, 1] or not, with and without eOut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5000 }),
        fc.constantFrom<1 | -1>(1, -1),
        fc.double({ min: 0.008, max: 10, noNaN: true }),
        fc.boolean(),
        fc.boolean(),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (values, sign, lambda, unit, store, offset) => {
          // unit: scores in [0, 1] (table allowed when large); else shifted off it (expFast only)
          const p = Float64Array.from(values, (v) => (unit ? v : v + offset));
          const both = onBoth(() => {
            const sums = new Float64Array(SUM_LEN);
            const e = store ? new Float64Array(p.length) : null;
            tiltSums(p, sign, lambda, null, e, sums, NaN, unit);
            return { sums, e: e ?? [] };
          });
          expectSameDoubles(both['wasm-simd'].sums, both.ts.sums, 'sums');
          expectSameDoubles(both['wasm-simd'].e, both.ts.e, 'e');
        },
      ),
      { numRuns: 200 },
    );
  });

  /** pool's error message on each path ('no error' when it returns). */
  function poolError(logits: Float64Array, targets: Int32Array, K: number) {
    return onBoth(() => {
      try {
        pool(logits, targets, K);
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    });
  }

  it('the same error for a NaN logit in a kept row', () => {
    const both = poolError(Float64Array.of(1, NaN, -2), Int32Array.of(0, 1, 0), 1);
    expect(both['wasm-simd']).toBe(both.ts);
    expect(both.ts).toMatch(/NaN/);
  });

  it('the same error for a NaN logit among rows of negatives (the vector path of pool_one)', () => {
    for (const at of [0, 3, 4097, 8191, 8192, 9000]) {
      const logits = new Float64Array(9001).fill(-1.5);
      logits[at] = NaN;
      const both = poolError(logits, new Int32Array(9001), 1);
      expect(both['wasm-simd']).toBe(both.ts);
      expect(both.ts).toBe(`logits[${at}] (row ${at}, class 0) is NaN`);
    }
  });

  it('the same error for a target above K, wherever it is (the targets are counted in WebAssembly)', () => {
    for (const [R, K, at] of [
      [1, 1, 0],
      [9000, 1, 8999],
      [9000, 3, 8192],
      [20000, 2, 5],
    ]) {
      const targets = new Int32Array(R);
      for (let r = 0; r < R; r++) targets[r] = (r % 7) - 1 <= K ? (r % 7) - 1 : 0;
      targets[at] = K + 1;
      const both = poolError(new Float64Array(R * K), targets, K);
      expect(both['wasm-simd']).toBe(both.ts);
      expect(both.ts).toBe(`targets[${at}] = ${K + 1} exceeds K = ${K} (classes are 1..K)`);
    }
  });
});

/** e^x for each x by the WebAssembly exp (tilt_exp with shift 0 and scale 1: its argument is x). */
function wasmExp(x: Float64Array): Float64Array {
  const simd = simdKernels();
  if (simd === null) throw new Error('no WebAssembly SIMD');
  const e = new Float64Array(x.length);
  simd.tiltUniform(x, 0, 1, 0, e, new Float64Array(SUM_LEN));
  return e;
}

/** σ(x) for each x by the WebAssembly sigmoid (pool, one class, all negative). */
function wasmSigmoid(x: Float64Array): Float64Array {
  setKernelPath('wasm-simd');
  return pool(x, new Int32Array(x.length), 1).pNeg;
}

describe('the WebAssembly count of the targets', () => {
  it('counts kept and positive rows as the TypeScript loop does, at any length (quads, chunks, tails)', () => {
    const simd = simdKernels();
    if (simd === null) throw new Error('no WebAssembly SIMD');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(0, 1, 3, 4, 5, 8191, 8192, 8193, 16389),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (K, R, seed) => {
          const targets = new Int32Array(R);
          let s = seed;
          const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0);
          // ignored rows of any negative value, background, and every class
          for (let r = 0; r < R; r++) targets[r] = (next() % (K + 3)) - 2;
          const logits = new Float64Array(R * K);
          expect(simd.countTargets(targets, K)).toEqual(checkAndCountTargets(logits, targets, K));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the WebAssembly exps over the whole domain they are used on', () => {
  /** expFast's proven bound (fastExp.ts), which the WebAssembly exp shares by computing the same. */
  const EXP_BOUND = 2.6e-16;
  /**
   * Against Math.exp, itself within ~1 ulp (V8's fdlibm port): the measured worst over this sweep is
   * 2.2e-16 (docs/maths.md §9); the bound leaves room for Math.exp's own error.
   */
  const VS_MATH_EXP = 3.5e-16;

  const sweep: number[] = [];
  for (let x = -745.5; x < 709.78; x += 0.0113) sweep.push(x);
  for (let x = -2; x < 2; x += 1.1e-4) sweep.push(x);
  sweep.push(-Infinity, Infinity, NaN, 0, -0, -708.39, -708.4, -746, -745.13, 709.7, -1e-300);
  const xs = Float64Array.from(sweep);

  it('exp: expFast bit for bit on (−745.5, 709.78) and the edges (denormals, 0, ±Infinity, NaN)', () => {
    expectSameDoubles(wasmExp(xs), xs.map(expFast), 'exp');
  });

  it(`exp: within ${EXP_BOUND} of e^x (double-double) and ${VS_MATH_EXP} of Math.exp on (−708.39, 709.78)`, () => {
    const e = wasmExp(xs);
    let worstRef = 0;
    let worstMath = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (!(x > -708.39 && x < 709.78)) continue;
      const shift = x < -600 ? 200 : 0;
      worstRef = Math.max(worstRef, relErr(e[i] * 2 ** shift, ddExp(x, shift)));
      worstMath = Math.max(worstMath, Math.abs(e[i] - Math.exp(x)) / Math.exp(x));
    }
    expect(worstRef).toBeLessThanOrEqual(EXP_BOUND);
    expect(worstMath).toBeLessThanOrEqual(VS_MATH_EXP);
    expect(worstRef).toBeGreaterThan(1e-17); // the sweep measured something
  });

  it('sigmoid: sigmoidFast bit for bit on the same sweep and its negation', () => {
    // (a NaN logit of a kept row is an error, checked above)
    const both = Float64Array.from([...xs, ...xs.map((x) => -x)].filter((x) => !Number.isNaN(x)));
    expectSameDoubles(wasmSigmoid(both), both.map(sigmoidFast), 'sigmoid');
  });

  it('table exp: gridExp bit for bit, and within 3e-16·(1 + |s(p − c)|) of e^(s(p − c)), for p in [0, 1]', () => {
    const simd = simdKernels();
    if (simd === null) throw new Error('no WebAssembly SIMD');
    // tables of 8192, 512, 4096 and 2048 entries (gridSize: M ≥ 512·|s|, n ≥ 8·M)
    for (const [scale, shift] of [
      [1 / 0.0798, 0.93],
      [-1, 0.02],
      [8, 1],
      [-3.3, 0],
    ]) {
      const n = 70_000;
      const M = gridSize(scale, n);
      expect(M).toBeGreaterThan(0);
      const p = Float64Array.from({ length: n }, (_, i) =>
        i === n - 1 ? 1 : (i * 0.6180339887) % 1,
      );
      const e = new Float64Array(n);
      simd.tiltUniform(p, shift, scale, M, e, new Float64Array(SUM_LEN));
      const table = gridTable(scale, shift, M);
      const expected = p.map((pj) => gridExp(table, M, 1 / M, scale, pj));
      expectSameDoubles(e, expected, `table exp, scale ${scale}`);
      for (let i = 0; i < n; i += 7) {
        const a = scale * (p[i] - shift);
        const bound = 3e-16 * (1 + Math.abs(a));
        expect(relErr(e[i], ddExp(a)), `p = ${p[i]}`).toBeLessThanOrEqual(bound);
      }
    }
  });
});
