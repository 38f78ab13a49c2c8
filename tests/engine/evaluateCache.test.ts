import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEvaluateCache,
  createWorkspace,
  evaluate,
  evaluateScalars,
  pool,
  resolveParams,
  setPriors,
} from '../../src/engine/index.ts';
import type {
  DRParams,
  DRResult,
  EvaluateCache,
  OriginalDistribution,
  Pooled,
  SetPriors,
} from '../../src/engine/index.ts';
import { SUPPORTS_KEPT } from '../../src/engine/evaluateCache.ts';
import { randomProblem, rng } from './rng.ts';

/** A full evaluation's scalars and per-entry arrays, copied out of the workspace. */
function full(
  pooled: Pooled,
  params: DRParams,
  cache?: EvaluateCache,
): { result: DRResult; arrays: number[][] } {
  const ws = createWorkspace(pooled);
  const result = evaluate(pooled, params, ws, cache === undefined ? {} : { cache });
  return { result, arrays: Object.values(ws).map((a: Float64Array) => Array.from(a)) };
}

/** Parameters whose changes exercise every memo: both λ, the hard-negative k and user weights. */
function paramsArb(n: number): fc.Arbitrary<DRParams> {
  const original: fc.Arbitrary<OriginalDistribution> = fc.oneof(
    fc.constant({ kind: 'uniform' } as const),
    fc.integer({ min: 1, max: 12 }).map((k) => ({ kind: 'hardNegative', k }) as const),
    fc
      .integer({ min: 0, max: 3 })
      .map((seed) => ({ kind: 'weights', weights: weightsOf(seed, n) }) as const),
  );
  return fc
    .record({
      lambdaNeg: fc.constantFrom(0.05, 0.1, 0.3),
      lambdaPos: fc.constantFrom(0.5, 1),
      margin: fc.constantFrom(0.3, 0.5),
      original,
    })
    .map((p) => resolveParams(p));
}

/** The same weights array for the same seed (a cache keys weights by their array). */
const weightsBySeed = new Map<string, Float64Array>();
function weightsOf(seed: number, n: number): Float64Array {
  const key = `${seed}:${n}`;
  let w = weightsBySeed.get(key);
  if (w === undefined) {
    const u = rng(seed + 1);
    w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[i] = u() < 0.3 ? 0 : u();
    weightsBySeed.set(key, w);
  }
  return w;
}

function supportOf(priors: SetPriors): Int32Array | null {
  return priors.neg !== null && 'support' in priors.neg ? priors.neg.support : null;
}

describe('EvaluateCache (caller-owned memo of one pooled problem)', () => {
  const a = randomProblem(31, 60, 2);
  const b = randomProblem(32, 60, 2);
  const pooledA = pool(a.logits, a.targets, a.K);
  const pooledB = pool(b.logits, b.targets, b.K);
  const n = a.logits.length;

  it('a cache passed to every call gives what no cache gives, bit for bit, over any parameter sequence', () => {
    fc.assert(
      fc.property(fc.array(paramsArb(n), { minLength: 1, maxLength: 12 }), (steps) => {
        const cache = createEvaluateCache();
        for (const params of steps) {
          // scalars twice (the second may come from the memo), then a full evaluation
          const s1 = evaluateScalars(pooledA, params, cache);
          const s2 = evaluateScalars(pooledA, params, cache);
          const ref = evaluateScalars(pooledA, params);
          expect(s1).toEqual(ref);
          expect(s2).toEqual(ref);
          expect(full(pooledA, params, cache)).toEqual(full(pooledA, params));
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('two caches for two problems, interleaved, do not interfere', () => {
    fc.assert(
      fc.property(fc.array(paramsArb(n), { minLength: 1, maxLength: 10 }), (steps) => {
        const cacheA = createEvaluateCache();
        const cacheB = createEvaluateCache();
        for (const params of steps) {
          expect(evaluateScalars(pooledA, params, cacheA)).toEqual(
            evaluateScalars(pooledA, params),
          );
          expect(evaluateScalars(pooledB, params, cacheB)).toEqual(
            evaluateScalars(pooledB, params),
          );
          expect(full(pooledB, params, cacheB)).toEqual(full(pooledB, params));
          expect(full(pooledA, params, cacheA)).toEqual(full(pooledA, params));
        }
      }),
      { seed: 8, numRuns: 40 },
    );
  });

  it('one cache handed from problem to problem forgets the previous one (never a stale result)', () => {
    // a and b share their targets, so every set has the same size and λ, k, weights all match
    const c = { ...randomProblem(33, 60, 2), targets: a.targets };
    const pooledC = pool(c.logits, c.targets, c.K);
    const cache = createEvaluateCache();
    for (const original of [
      { kind: 'uniform' } as const,
      { kind: 'hardNegative', k: 5 } as const,
      { kind: 'weights', weights: weightsOf(0, n) } as const,
    ]) {
      const params = resolveParams({ original });
      for (const pooled of [pooledA, pooledC, pooledA]) {
        expect(evaluateScalars(pooled, params, cache)).toEqual(evaluateScalars(pooled, params));
        expect(full(pooled, params, cache)).toEqual(full(pooled, params));
      }
    }
  });

  it('setPriors with a cache returns the supports and weights setPriors without one returns', () => {
    const cache = createEvaluateCache();
    for (const k of [3, 7, 3, 1, 9, 11, 13, 3, 7]) {
      const original = { kind: 'hardNegative', k } as const;
      const cached = setPriors(pooledA, original, cache);
      expect(cached).toEqual(setPriors(pooledA, original));
      // the same k again is the same array (what lets evaluate's memo recognise the prior)
      expect(supportOf(setPriors(pooledA, original, cache))).toBe(supportOf(cached));
      expect(cache.supports.size).toBeLessThanOrEqual(SUPPORTS_KEPT);
    }
    const weights = { kind: 'weights', weights: weightsOf(2, n) } as const;
    const priors = setPriors(pooledA, weights, cache);
    expect(priors).toEqual(setPriors(pooledA, weights));
    expect(setPriors(pooledA, weights, cache)).toBe(priors);
  });

  it('a cache is bound to the last problem it was given and holds nothing before', () => {
    const cache = createEvaluateCache();
    expect(cache.pooled).toBeNull();
    evaluateScalars(pooledA, resolveParams(), cache);
    expect(cache.pooled).toBe(pooledA);
    evaluateScalars(pooledB, resolveParams({ original: { kind: 'hardNegative', k: 4 } }), cache);
    expect(cache.pooled).toBe(pooledB);
    expect([...cache.supports.keys()]).toEqual([4]);
  });
});
