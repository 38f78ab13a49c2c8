import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SMOOTHINGS,
  createEvaluateCache,
  createWorkspace,
  evaluate,
  evaluateScalars,
  negativeDistribution,
  pool,
  positiveDistribution,
  resolveParams,
} from '../../src/engine/index.ts';
import { gridSize } from '../../src/engine/kernels/gridExp.ts';
import type { DRParams, OriginalDistribution, Pooled, Smoothing } from '../../src/engine/index.ts';
import { normal, randomProblem, rng } from './rng.ts';

function lossOf(logits: Float64Array, targets: Int32Array, K: number, params: DRParams): number {
  const pooled = pool(logits, targets, K);
  return evaluate(pooled, params, createWorkspace(pooled), { gradLogits: false }).loss;
}

function lossOfPooled(pooled: Pooled, params: DRParams): number {
  return evaluate(pooled, params, createWorkspace(pooled), { gradLogits: false }).loss;
}

/** Random user weights per flat entry, some exactly 0. */
function randomWeights(seed: number, n: number): Float64Array {
  const u = rng(seed);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = u() < 0.2 ? 0 : u();
  return w;
}

/**
 * Central differences with step h = 1e-5: truncation h²·|f'''|/6 and rounding ~1e-16·|f|/h are both
 * ≲ 1e-8 for these problems (λ− ≥ 0.05), so the analytic gradient must agree to 2e-7 absolute plus
 * 1e-6 relative to the largest entry; a wrong sign, factor or missing term misses by far more.
 */
const H = 1e-5;
function expectCloseToFd(analytic: number, fd: number, scale: number, what: string): void {
  const tol = 2e-7 + 1e-6 * scale;
  if (!(Math.abs(analytic - fd) <= tol)) {
    expect.fail(`${what}: analytic ${analytic} vs central difference ${fd} (tol ${tol})`);
  }
}

const setups: {
  name: string;
  seed: number;
  K: number;
  original: (n: number) => OriginalDistribution;
}[] = [
  { name: 'uniform o, K=1', seed: 101, K: 1, original: () => ({ kind: 'uniform' }) },
  { name: 'uniform o, K=3', seed: 102, K: 3, original: () => ({ kind: 'uniform' }) },
  {
    name: 'hard-negative o (k=9), K=2',
    seed: 103,
    K: 2,
    original: () => ({ kind: 'hardNegative', k: 9 }),
  },
  {
    name: 'user weights o, K=2',
    seed: 104,
    K: 2,
    original: (n) => ({ kind: 'weights', weights: randomWeights(7, n) }),
  },
];

describe('gradients against central finite differences', () => {
  for (const s of setups) {
    for (const smoothing of SMOOTHINGS) {
      it(`∂DR/∂logit matches (${s.name}, ${smoothing})`, () => {
        const { logits, targets, K } = randomProblem(s.seed, 24, s.K, { scale: 1.5 });
        const params = resolveParams({
          smoothing,
          lambdaNeg: 0.15,
          lambdaPos: 0.7,
          rho: 0.3,
          margin: 0.6,
          original: s.original(logits.length),
        });
        const pooled = pool(logits, targets, K);
        const ws = createWorkspace(pooled);
        const r = evaluate(pooled, params, ws);
        expect(Math.abs(r.z)).toBeGreaterThan(1e-3); // away from the hinge's kink
        const scale = Math.max(...ws.gradLogits.map(Math.abs));
        expect(scale).toBeGreaterThan(1e-3);
        for (let i = 0; i < logits.length; i++) {
          const x = logits.slice();
          x[i] += H;
          const up = lossOf(x, targets, K, params);
          x[i] -= 2 * H;
          const down = lossOf(x, targets, K, params);
          expectCloseToFd(ws.gradLogits[i], (up - down) / (2 * H), scale, `logit ${i}`);
        }
      });

      it(`∂DR/∂p matches on both sets (${s.name}, ${smoothing})`, () => {
        const { logits, targets, K } = randomProblem(s.seed + 50, 20, s.K, { scale: 1.5 });
        const params = resolveParams({
          smoothing,
          lambdaNeg: 0.1,
          lambdaPos: 0.5,
          rho: 0.4,
          original: s.original(logits.length),
        });
        const pooled = pool(logits, targets, K);
        const ws = createWorkspace(pooled);
        evaluate(pooled, params, ws);
        const scale = Math.max(...ws.gradPNeg.map(Math.abs), ...ws.gradPPos.map(Math.abs));
        for (const set of ['pPos', 'pNeg'] as const) {
          const grad = set === 'pPos' ? ws.gradPPos : ws.gradPNeg;
          for (let j = 0; j < pooled[set].length; j++) {
            const p = pooled[set].slice();
            p[j] += H;
            const up = lossOfPooled({ ...pooled, [set]: p }, params);
            p[j] -= 2 * H;
            const down = lossOfPooled({ ...pooled, [set]: p }, params);
            expectCloseToFd(grad[j], (up - down) / (2 * H), scale, `${set}[${j}]`);
          }
        }
      });
    }
  }
});

describe('evaluate', () => {
  it('writes zeros for ignored rows even into a dirty workspace', () => {
    const pooled = pool(new Float64Array([1, 2, 3, 4]), new Int32Array([1, -1, 0, -1]), 1);
    const ws = createWorkspace(pooled);
    ws.gradLogits.fill(7);
    evaluate(pooled, resolveParams(), ws);
    expect(ws.gradLogits[1]).toBe(0);
    expect(ws.gradLogits[3]).toBe(0);
    expect(ws.gradLogits[0]).toBeLessThan(0);
  });

  it('with gradLogits: false leaves ws.gradLogits untouched but still fills q and ∂/∂p', () => {
    const { logits, targets, K } = randomProblem(5, 40, 2);
    const pooled = pool(logits, targets, K);
    const ws = createWorkspace(pooled);
    ws.gradLogits.fill(3);
    evaluate(pooled, resolveParams(), ws, { gradLogits: false });
    expect(ws.gradLogits.every((v) => v === 3)).toBe(true);
    const sumQ = ws.qNeg.reduce((a, b) => a + b, 0);
    expect(Math.abs(sumQ - 1)).toBeLessThan(1e-14);
    expect(ws.gradPNeg.some((v) => v !== 0)).toBe(true);
  });

  it('∂DR/∂logit = ∂DR/∂p · p(1 − p) entry by entry', () => {
    const { logits, targets, K } = randomProblem(6, 30, 3);
    const pooled = pool(logits, targets, K);
    const ws = createWorkspace(pooled);
    evaluate(pooled, resolveParams(), ws);
    pooled.negIndex.forEach((i, j) => {
      const p = pooled.pNeg[j];
      expect(ws.gradLogits[i]).toBe(ws.gradPNeg[j] * p * (1 - p));
    });
    pooled.posIndex.forEach((i, j) => {
      const p = pooled.pPos[j];
      expect(ws.gradLogits[i]).toBe(ws.gradPPos[j] * p * (1 - p));
    });
  });

  it('rejects a workspace made for another problem and invalid params', () => {
    const a = pool(new Float64Array([0, 1]), new Int32Array([1, 0]), 1);
    const b = pool(new Float64Array([0, 1, 2]), new Int32Array([1, 0, 0]), 1);
    expect(() => evaluate(a, resolveParams(), createWorkspace(b))).toThrow(RangeError);
    expect(() => evaluate(a, { ...resolveParams(), lambdaNeg: 0 }, createWorkspace(a))).toThrow(
      /lambdaNeg/,
    );
    expect(() =>
      evaluate(
        a,
        { ...resolveParams(), original: { kind: 'hardNegative', k: 0 } },
        createWorkspace(a),
      ),
    ).toThrow(RangeError);
    const badWeights = { kind: 'weights' as const, weights: new Float64Array([1, -1]) };
    expect(() =>
      evaluate(a, { ...resolveParams(), original: badWeights }, createWorkspace(a)),
    ).toThrow(/weights/);
    const shortWeights = { kind: 'weights' as const, weights: new Float64Array([1]) };
    expect(() =>
      evaluate(a, { ...resolveParams(), original: shortWeights }, createWorkspace(a)),
    ).toThrow(/length/);
  });

  it('reports ε = KL(q‖o) and ESS per set: 0 and n for equal scores, ESS in [1, n]', () => {
    const pooled = pool(
      new Float64Array([0.2, 0.2, 0.2, 1, -1, 3]),
      new Int32Array([0, 0, 0, 1, 1, 1]),
      1,
    );
    const r = evaluate(pooled, resolveParams(), createWorkspace(pooled));
    expect(r.klNeg).toBeLessThan(1e-15);
    expect(Math.abs(r.essNeg - 3)).toBeLessThan(1e-12);
    expect(r.klPos).toBeGreaterThan(0);
    expect(r.essPos).toBeGreaterThanOrEqual(1);
    expect(r.essPos).toBeLessThan(3);
  });

  it('gives the same result from the extremes pool records as from tiltedDistribution finding them itself', () => {
    const { logits, targets, K } = randomProblem(12, 300, 2, { scale: 4 });
    const pooled = pool(logits, targets, K);
    for (const params of [resolveParams({ lambdaNeg: 1e-4, lambdaPos: 1e-4 }), resolveParams()]) {
      const r = evaluate(pooled, params, createWorkspace(pooled));
      // per-element exps on both sides (no table at n = 300), so the sums agree to the last bit
      expect(r.pMinus).toBe(negativeDistribution(pooled.pNeg, params.lambdaNeg).mean);
      expect(r.pPlus).toBe(positiveDistribution(pooled.pPos, params.lambdaPos).mean);
    }
  });

  it('a hard-negative prior with k ≥ n− equals the uniform prior', () => {
    const { logits, targets, K } = randomProblem(8, 20, 1);
    const pooled = pool(logits, targets, K);
    const ws = createWorkspace(pooled);
    const u = evaluate(pooled, resolveParams(), ws);
    const h = evaluate(
      pooled,
      resolveParams({ original: { kind: 'hardNegative', k: pooled.pNeg.length } }),
      ws,
    );
    expect(h).toEqual(u);
  });

  it('user weights equal to a hard-negative mask give the hard-negative result', () => {
    const { logits, targets, K } = randomProblem(9, 40, 2);
    const pooled = pool(logits, targets, K);
    const ws = createWorkspace(pooled);
    const hard = evaluate(pooled, resolveParams({ original: { kind: 'hardNegative', k: 6 } }), ws);
    const q = ws.qNeg.slice();
    const w = new Float64Array(logits.length);
    for (const i of pooled.posIndex) w[i] = 1;
    pooled.negIndex.forEach((i, j) => (w[i] = q[j] > 0 ? 3 : 0));
    const weighted = evaluate(
      pooled,
      resolveParams({ original: { kind: 'weights', weights: w } }),
      ws,
    );
    for (const key of ['loss', 'pMinus', 'pPlus', 'klNeg', 'essNeg'] as const) {
      expect(Math.abs(weighted[key] - hard[key])).toBeLessThanOrEqual(1e-13 * Math.abs(hard[key]));
    }
  });
});

describe('properties', () => {
  it('permuting candidates permutes the gradient (uniform and user-weight priors)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer(),
        fc.integer(),
        fc.boolean(),
        (K, R, seed, permSeed, useWeights) => {
          const { logits, targets } = randomProblem(seed, R, K);
          const weights = useWeights ? randomWeights(seed + 1, R * K) : null;
          // a seeded Fisher–Yates permutation of rows
          const u = rng(permSeed);
          const perm = Array.from({ length: R }, (_, r) => r);
          for (let i = R - 1; i > 0; i--) {
            const j = Math.floor(u() * (i + 1));
            [perm[i], perm[j]] = [perm[j], perm[i]];
          }
          const logits2 = new Float64Array(R * K);
          const targets2 = new Int32Array(R);
          const weights2 = new Float64Array(R * K);
          perm.forEach((from, to) => {
            targets2[to] = targets[from];
            for (let c = 0; c < K; c++) {
              logits2[to * K + c] = logits[from * K + c];
              if (weights) weights2[to * K + c] = weights[from * K + c];
            }
          });
          const o1: OriginalDistribution = weights
            ? { kind: 'weights', weights }
            : { kind: 'uniform' };
          const o2: OriginalDistribution = weights
            ? { kind: 'weights', weights: weights2 }
            : { kind: 'uniform' };
          const p1 = pool(logits, targets, K);
          const p2 = pool(logits2, targets2, K);
          const ws1 = createWorkspace(p1);
          const ws2 = createWorkspace(p2);
          const r1 = evaluate(p1, resolveParams({ original: o1 }), ws1);
          const r2 = evaluate(p2, resolveParams({ original: o2 }), ws2);
          expect(Math.abs(r1.loss - r2.loss)).toBeLessThanOrEqual(1e-13 * Math.abs(r1.loss));
          const scale = Math.max(1e-300, ...ws1.gradLogits.map(Math.abs));
          perm.forEach((from, to) => {
            for (let c = 0; c < K; c++) {
              const a = ws1.gradLogits[from * K + c];
              const b = ws2.gradLogits[to * K + c];
              expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * scale);
            }
          });
        },
      ),
      { seed: 20200, numRuns: 150 },
    );
  });

  it('no NaN or Infinity for logits within ±1e4 and λ± within [1e-6, 1e6], every smoothing and prior (uniform, hard-negative, weights)', () => {
    const logit = fc.oneof(
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.double({ min: -40, max: 40, noNaN: true }),
      fc.constantFrom(0, 1e4, -1e4, 36.7, -745, 709),
    );
    const logLambda = fc.double({ min: Math.log(1e-6), max: Math.log(1e6), noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 0, maxLength: 30 }),
        fc.array(logit, { minLength: 90, maxLength: 90 }),
        logLambda,
        logLambda,
        fc.constantFrom<Smoothing>(...SMOOTHINGS),
        fc.oneof(fc.constant(0), fc.constant(-1), fc.integer({ min: 1, max: 40 })),
        fc.double({ min: 1e-3, max: 50, noNaN: true }),
        (K, rawTargets, rawLogits, llPos, llNeg, smoothing, hardK, L) => {
          const targets = new Int32Array(rawTargets.map((t) => Math.min(t, K)));
          const logits = new Float64Array(rawLogits.slice(0, targets.length * K));
          const params = resolveParams({
            lambdaPos: Math.exp(llPos),
            lambdaNeg: Math.exp(llNeg),
            smoothing,
            L,
            // hardK: 0 uniform, −1 random user weights (some 0), else a hard-negative prior
            original:
              hardK === 0
                ? { kind: 'uniform' }
                : hardK === -1
                  ? { kind: 'weights', weights: randomWeights(targets.length, targets.length * K) }
                  : { kind: 'hardNegative', k: hardK },
          });
          const pooled = pool(logits, targets, K);
          const ws = createWorkspace(pooled);
          const r = evaluate(pooled, params, ws);
          for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
          for (const a of [ws.gradLogits, ws.gradPNeg, ws.gradPPos, ws.qNeg, ws.qPos]) {
            for (const v of a) if (!Number.isFinite(v)) expect.fail(`non-finite ${v}`);
          }
          expect(r.pMinus).toBeGreaterThanOrEqual(0);
          expect(r.pPlus).toBeLessThanOrEqual(1);
        },
      ),
      { seed: 4242, numRuns: 400 },
    );
  });
});

/** A detection-like problem: K = 1, ~1 % positives, negatives' logits ~ N(−4, 2²), positives' N(0, 2²). */
function detectionProblem(seed: number, R: number): { logits: Float64Array; targets: Int32Array } {
  const u = rng(seed);
  const logits = new Float64Array(R);
  const targets = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const positive = u() < 0.01;
    targets[r] = positive ? 1 : u() < 0.02 ? -1 : 0;
    logits[r] = (positive ? 0 : -4) + 2 * normal(u);
  }
  return { logits, targets };
}

describe('scalars only', () => {
  const originals: [string, (n: number) => OriginalDistribution][] = [
    ['uniform', () => ({ kind: 'uniform' })],
    ['hard-negative k=50', () => ({ kind: 'hardNegative', k: 50 })],
    ['weights', (n) => ({ kind: 'weights', weights: randomWeights(9, n) })],
  ];
  // 200 rows take the per-element exps; 80,000 rows (n− ≥ 8·8192) take them from the table
  for (const R of [200, 80000]) {
    for (const [name, original] of originals) {
      it(`evaluateScalars and perEntry: false equal evaluate's scalars bit for bit and write nothing (R = ${R}, ${name})`, () => {
        const { logits, targets } = detectionProblem(R, R);
        const pooled = pool(logits, targets, 1);
        const params = resolveParams({ original: original(R), smoothing: 'quad' });
        const ws = createWorkspace(pooled);
        const full = evaluate(pooled, params, ws);
        const untouched = createWorkspace(pooled);
        for (const a of Object.values(untouched)) (a as Float64Array).fill(5);
        expect(evaluate(pooled, params, untouched, { perEntry: false })).toEqual(full);
        for (const a of Object.values(untouched)) {
          expect((a as Float64Array).every((v) => v === 5)).toBe(true);
        }
        expect(evaluateScalars(pooled, params)).toEqual(full);
      });
    }
  }
});

describe('scalars only, over a sequence of parameter changes (sums of an unchanged set are reused)', () => {
  it('every step equals a full evaluate bit for bit, whichever parameters change, with and without a cache', () => {
    const { logits, targets } = detectionProblem(8, 90000);
    const pooled = pool(logits, targets, 1);
    const ws = createWorkspace(pooled);
    const u = rng(99);
    const weights = randomWeights(3, logits.length);
    const cache = createEvaluateCache();
    let params = resolveParams();
    for (let step = 0; step < 40; step++) {
      const which = Math.floor(u() * 6);
      const v = 0.05 + u();
      params = resolveParams({
        ...params,
        ...(which === 0 ? { lambdaNeg: v / 4 } : {}),
        ...(which === 1 ? { lambdaPos: v } : {}),
        ...(which === 2 ? { margin: v, tau: 1 + v } : {}),
        ...(which === 3 ? { L: 10 * v, smoothing: u() < 0.5 ? 'logistic' : 'quad' } : {}),
        ...(which === 4
          ? { original: { kind: 'hardNegative', k: 1 + Math.floor(u() * 3) * 500 } }
          : {}),
        ...(which === 5
          ? { original: u() < 0.5 ? { kind: 'uniform' } : { kind: 'weights', weights } }
          : {}),
      });
      const scalars = evaluateScalars(pooled, params, cache);
      const scalarsAgain = evaluateScalars(pooled, params, cache);
      expect(scalars).toEqual(evaluate(pooled, params, ws));
      expect(scalarsAgain).toEqual(scalars);
      expect(evaluateScalars(pooled, params)).toEqual(scalars);
    }
  });
});

describe('detection scale (exps from the per-call table)', () => {
  it('evaluate matches a reference from the per-element path and §4 gradient formulas to 1e-12', () => {
    const R = 100000;
    const { logits, targets } = detectionProblem(77, R);
    const pooled = pool(logits, targets, 1);
    const params = resolveParams({ lambdaPos: 0.5 });
    expect(gridSize(1 / params.lambdaNeg, pooled.pNeg.length)).toBeGreaterThan(0);
    const ws = createWorkspace(pooled);
    const r = evaluate(pooled, params, ws);
    // reference: tiltedDistribution (no table: it does not know the scores lie in [0, 1])
    const neg = negativeDistribution(pooled.pNeg, params.lambdaNeg);
    const pos = positiveDistribution(pooled.pPos, params.lambdaPos);
    const close = (a: number, b: number, what: string) => {
      if (!(Math.abs(a - b) <= 1e-12 * Math.abs(b))) expect.fail(`${what}: ${a} vs ${b}`);
    };
    close(r.pMinus, neg.mean, 'P̂−');
    close(r.pPlus, pos.mean, 'P̂+');
    close(r.klNeg, neg.kl, 'ε−');
    close(r.klPos, pos.kl, 'ε+');
    close(r.essNeg, neg.ess, 'ESS−');
    close(r.essPos, pos.ess, 'ESS+');
    const z = neg.mean - pos.mean + params.margin;
    close(r.loss, (params.tau * Math.log1p(Math.exp(params.L * z))) / params.L, 'loss');
    const slope = params.tau / (1 + Math.exp(-params.L * z));
    let scale = 0;
    for (const g of ws.gradLogits) scale = Math.max(scale, Math.abs(g));
    let worst = 0;
    pooled.negIndex.forEach((i, j) => {
      const p = pooled.pNeg[j];
      const g = slope * neg.q[j] * (1 + (p - neg.mean) / params.lambdaNeg) * p * (1 - p);
      worst = Math.max(worst, Math.abs(ws.gradLogits[i] - g));
      close(ws.qNeg[j], neg.q[j], `q−[${j}]`);
    });
    pooled.posIndex.forEach((i, j) => {
      const p = pooled.pPos[j];
      const g = -slope * pos.q[j] * (1 - (p - pos.mean) / params.lambdaPos) * p * (1 - p);
      worst = Math.max(worst, Math.abs(ws.gradLogits[i] - g));
    });
    expect(worst).toBeLessThanOrEqual(1e-12 * scale);
  });

  it('no NaN or Infinity with saturated logits (p exactly 0 and 1) at the table size limit and past it', () => {
    const R = 8 * 65536 + 10;
    const u = rng(5);
    const logits = new Float64Array(R);
    const targets = new Int32Array(R);
    for (let r = 0; r < R; r++) {
      targets[r] = u() < 0.01 ? 1 : 0;
      const x = u();
      logits[r] = x < 0.1 ? 1e4 : x < 0.2 ? -1e4 : x < 0.3 ? 800 : 40 * (u() - 0.5);
    }
    const pooled = pool(logits, targets, 1);
    const ws = createWorkspace(pooled);
    for (const lambda of [1 / 128, 1 / 129, 1e-6, 1e6]) {
      const params = resolveParams({ lambdaNeg: lambda, lambdaPos: lambda });
      const r = evaluate(pooled, params, ws);
      for (const v of Object.values(r)) expect(Number.isFinite(v)).toBe(true);
      for (const a of [ws.gradLogits, ws.qNeg, ws.qPos]) {
        for (const v of a) if (!Number.isFinite(v)) expect.fail(`non-finite ${v} at λ = ${lambda}`);
      }
      // a plain left-to-right sum of 5e5 terms: rounding up to ~n·2^-53 ≈ 6e-11
      expect(Math.abs(ws.qNeg.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-10);
    }
  });
});
