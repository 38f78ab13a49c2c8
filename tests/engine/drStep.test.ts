import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_PARAMS,
  SMOOTHINGS,
  createDrStep,
  createWorkspace,
  evaluate,
  pool,
  setKernelPath,
} from '../../src/engine/index.ts';
import type {
  DRParams,
  DrStep,
  DrStepOutput,
  OriginalDistribution,
} from '../../src/engine/index.ts';

afterEach(() => setKernelPath(null));

/** pool + evaluate on a fresh workspace: what a step must give, bit for bit. */
function reference(logits: Float64Array, targets: Int32Array, K: number, params: DRParams) {
  const pooled = pool(logits, targets, K);
  const ws = createWorkspace(pooled);
  return { result: evaluate(pooled, params, ws), pooled, ws };
}

/** The first index where two arrays differ as doubles (Object.is: −0 ≠ 0, NaN = NaN), or −1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

function expectSame(out: DrStepOutput, ref: DrStepOutput): void {
  for (const [key, value] of Object.entries(ref.result)) {
    expect(Object.is(out.result[key as keyof typeof ref.result], value), `result.${key}`).toBe(
      true,
    );
  }
  const pairs: [string, ArrayLike<number>, ArrayLike<number>][] = [
    ['pPos', out.pooled.pPos, ref.pooled.pPos],
    ['pNeg', out.pooled.pNeg, ref.pooled.pNeg],
    ['posIndex', out.pooled.posIndex, ref.pooled.posIndex],
    ['negIndex', out.pooled.negIndex, ref.pooled.negIndex],
    ['extremes', [out.pooled.posMin, out.pooled.negMax], [ref.pooled.posMin, ref.pooled.negMax]],
    ['shape', [out.pooled.R, out.pooled.K], [ref.pooled.R, ref.pooled.K]],
    ['qPos', out.ws.qPos, ref.ws.qPos],
    ['qNeg', out.ws.qNeg, ref.ws.qNeg],
    ['gradPPos', out.ws.gradPPos, ref.ws.gradPPos],
    ['gradPNeg', out.ws.gradPNeg, ref.ws.gradPNeg],
    ['gradLogits', out.ws.gradLogits, ref.ws.gradLogits],
  ];
  for (const [what, a, b] of pairs) {
    const i = firstDifference(a, b);
    expect(
      i,
      `${what} differs at ${i} (lengths ${a.length}, ${b.length}): ${a[i]} vs ${b[i]}`,
    ).toBe(-1);
  }
}

/** Logits of every kind: ordinary, large (exp underflow, the scalar path), ±Infinity, ±0. */
const logit = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: -12, max: 12, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: -800, max: 800, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, 0, -0, 36.9, -745.2, 709.5) },
);

const params: fc.Arbitrary<DRParams> = fc.record({
  margin: fc.double({ min: -1, max: 1, noNaN: true }),
  lambdaPos: fc.oneof(
    fc.double({ min: 0.005, max: 5, noNaN: true }),
    fc.constantFrom(1, 1e-310, 1e300),
  ),
  lambdaNeg: fc.oneof(
    fc.double({ min: 0.005, max: 5, noNaN: true }),
    fc.constantFrom(DEFAULT_PARAMS.lambdaNeg, 1e-310, 1e300),
  ),
  L: fc.double({ min: 0.5, max: 20, noNaN: true }),
  tau: fc.double({ min: -2, max: 8, noNaN: true }),
  smoothing: fc.constantFrom(...SMOOTHINGS),
  rho: fc.double({ min: 0.01, max: 2, noNaN: true }),
  original: fc.constantFrom<OriginalDistribution>(
    { kind: 'uniform' },
    { kind: 'uniform' },
    { kind: 'uniform' },
    { kind: 'hardNegative', k: 7 },
  ),
});

/**
 * A problem of R rows × K: targets drawn with the given rates (−1 ignored, 1..K positive, else 0), the
 * logits cycling through a palette (so 20000 rows stay cheap), NaN on some ignored rows.
 */
const problem = fc
  .record({
    K: fc.integer({ min: 1, max: 4 }),
    R: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 20000 })),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    ignored: fc.constantFrom(0, 0.01, 0.2, 1),
    positive: fc.constantFrom(0, 0.001, 0.05, 0.5, 1),
    palette: fc.array(logit, { minLength: 64, maxLength: 64 }),
  })
  .map(({ K, R, seed, ignored, positive, palette }) => {
    const logits = new Float64Array(R * K);
    const targets = new Int32Array(R);
    let s = seed;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let r = 0; r < R; r++) {
      const u = next();
      targets[r] = u < ignored ? -1 : u < ignored + positive ? 1 + Math.floor(next() * K) : 0;
      for (let c = 0; c < K; c++) {
        logits[r * K + c] = targets[r] < 0 && next() < 0.5 ? NaN : palette[(next() * 64) | 0];
      }
    }
    return { logits, targets, K };
  });

describe('createDrStep().run is pool + evaluate, bit for bit', () => {
  it('on random problems (K 1..4, ignored rows, empty sets, extreme logits, every surrogate)', () => {
    fc.assert(
      fc.property(problem, params, ({ logits, targets, K }, p) => {
        const step = createDrStep();
        expectSame(step.run(logits, targets, K, p), reference(logits, targets, K, p));
      }),
      { numRuns: 150 },
    );
  });

  it('run after run on one step, the sizes changing (memory grown, arrays relaid)', () => {
    const step = createDrStep();
    fc.assert(
      fc.property(problem, params, ({ logits, targets, K }, p) => {
        const out = step.run(logits, targets, K, p);
        expectSame(out, reference(logits, targets, K, p));
      }),
      { numRuns: 100 },
    );
  });

  it('on the TypeScript path (setKernelPath("ts")), and back, on one step', () => {
    const step = createDrStep();
    fc.assert(
      fc.property(problem, params, fc.boolean(), ({ logits, targets, K }, p, ts) => {
        setKernelPath(ts ? 'ts' : null);
        const out = step.run(logits, targets, K, p);
        const ref = reference(logits, targets, K, p);
        expectSame(out, ref);
      }),
      { numRuns: 60 },
    );
  });

  it('at sizes around the chunk (8192) and block (1024) boundaries, and where the defaults take the negatives’ exps from the table', () => {
    const step: DrStep = createDrStep();
    for (const K of [1, 3]) {
      for (const R of [1, 2, 3, 4, 5, 1023, 1025, 8191, 8192, 8193, 16385, 20001, 70001]) {
        const logits = new Float64Array(R * K);
        const targets = new Int32Array(R);
        for (let r = 0; r < R; r++) {
          targets[r] = r % 97 === 5 ? 1 + (r % K) : r % 31 === 0 ? -1 : 0;
          for (let c = 0; c < K; c++) logits[r * K + c] = Math.sin(r * 7.1 + c) * 6 - 2;
        }
        expectSame(
          step.run(logits, targets, K, DEFAULT_PARAMS),
          reference(logits, targets, K, DEFAULT_PARAMS),
        );
      }
    }
  });

  it('overwrites its outputs on the next run (views of its memory), and keeps its buffers', () => {
    const step = createDrStep();
    const targets = Int32Array.from({ length: 50 }, (_, r) => (r % 10 === 0 ? 1 : 0));
    const a = step.run(new Float64Array(50).fill(1), targets, 1, DEFAULT_PARAMS);
    const gradA = a.ws.gradLogits;
    const first = gradA[1];
    const b = step.run(
      Float64Array.from({ length: 50 }, (_, i) => i / 10 - 3),
      targets,
      1,
      DEFAULT_PARAMS,
    );
    expect(b.ws.gradLogits).toBe(gradA);
    expect(gradA[1]).not.toBe(first);
  });
});

describe('createDrStep().run where evaluate skips a set', () => {
  it('leaves 0 where a fresh workspace has it (λ so small that 1/λ overflows: S is NaN), after a normal run', () => {
    const targets = Int32Array.from({ length: 3000 }, (_, r) => (r % 50 === 0 ? 1 : 0));
    const logits = Float64Array.from({ length: 3000 }, (_, i) => Math.cos(i) * 4);
    for (const path of ['ts', null] as const) {
      setKernelPath(path);
      const step = createDrStep();
      step.run(logits, targets, 1, DEFAULT_PARAMS);
      for (const p of [
        { ...DEFAULT_PARAMS, lambdaNeg: 1e-310 },
        { ...DEFAULT_PARAMS, lambdaPos: 1e-310 },
        { ...DEFAULT_PARAMS, lambdaNeg: 1e-310, original: { kind: 'hardNegative', k: 5 } as const },
      ]) {
        const out = step.run(logits, targets, 1, p);
        const ref = reference(logits, targets, 1, p);
        expectSame(out, ref);
        expect(ref.ws.gradLogits.some((g) => g !== 0)).toBe(true);
      }
    }
  });
});

describe('createDrStep().run where its memory cannot grow', () => {
  it('runs pool + evaluate instead, and in place again once the problem fits', () => {
    const small = { targets: Int32Array.from({ length: 100 }, (_, r) => (r % 9 === 0 ? 1 : 0)) };
    const logits = (n: number) => Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 5 - 1);
    const large = Int32Array.from({ length: 300000 }, (_, r) => (r % 77 === 0 ? 1 : 0));
    const step = createDrStep();
    expectSame(
      step.run(logits(100), small.targets, 1, DEFAULT_PARAMS),
      reference(logits(100), small.targets, 1, DEFAULT_PARAMS),
    );
    const grow = vi.spyOn(WebAssembly.Memory.prototype, 'grow').mockImplementation(() => {
      throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    });
    try {
      const out = step.run(logits(300000), large, 1, DEFAULT_PARAMS);
      expect(grow).toHaveBeenCalled();
      expect(out.ws.gradLogits.buffer.byteLength).toBe(300000 * 8); // its own array, not the memory
      expectSame(out, reference(logits(300000), large, 1, DEFAULT_PARAMS));
    } finally {
      grow.mockRestore();
    }
    const again = step.run(logits(100), small.targets, 1, DEFAULT_PARAMS);
    expectSame(again, reference(logits(100), small.targets, 1, DEFAULT_PARAMS));
  });
});

describe('createDrStep().run throws what pool and evaluate throw', () => {
  it('on a NaN logit of a kept row: pool’s RangeError, naming it', () => {
    for (const K of [1, 2]) {
      const R = 9000;
      const logits = new Float64Array(R * K);
      const targets = new Int32Array(R);
      logits[8500 * K + K - 1] = NaN;
      const expected = (() => {
        try {
          pool(logits, targets, K);
        } catch (e) {
          return e as Error;
        }
        throw new Error('pool did not throw');
      })();
      expect(expected).toBeInstanceOf(RangeError);
      expect(() => createDrStep().run(logits, targets, K, DEFAULT_PARAMS)).toThrow(
        expected.message,
      );
      setKernelPath('ts');
      expect(() => createDrStep().run(logits, targets, K, DEFAULT_PARAMS)).toThrow(
        expected.message,
      );
      setKernelPath(null);
    }
  });

  it('on a bad shape, a target above K, then invalid params, in pool + evaluate’s order', () => {
    const step = createDrStep();
    expect(() => step.run(new Float64Array(3), new Int32Array(2), 1, DEFAULT_PARAMS)).toThrow(
      /logits\.length \(3\)/,
    );
    expect(() => step.run(new Float64Array(2), Int32Array.from([0, 2]), 1, DEFAULT_PARAMS)).toThrow(
      /targets\[1\] = 2 exceeds K = 1/,
    );
    expect(() =>
      step.run(new Float64Array(2), Int32Array.from([0, 1]), 1, {
        ...DEFAULT_PARAMS,
        lambdaNeg: 0,
      }),
    ).toThrow(/lambdaNeg must be finite and > 0/);
    // a NaN logit is reported before invalid params, as pool runs first
    expect(() =>
      step.run(Float64Array.from([NaN, 0]), Int32Array.from([0, 1]), 1, {
        ...DEFAULT_PARAMS,
        lambdaNeg: 0,
      }),
    ).toThrow(/logits\[0\]/);
  });
});
