import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createEvaluateCache,
  createWorkspace,
  evaluate,
  pool,
  resolveParams,
  sigmoid,
} from '../../src/engine/index.ts';
import { randomProblem } from './rng.ts';

describe('pool (docs/maths.md §1)', () => {
  it('splits entries: positive iff target = c+1, negative iff target ≥ 0 and ≠ c+1, ignored rows dropped', () => {
    // R = 4, K = 3; row 0 class 2, row 1 background, row 2 ignored, row 3 class 1
    const logits = new Float64Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const p = pool(logits, new Int32Array([2, 0, -1, 1]), 3);
    expect(p.R).toBe(4);
    expect(p.K).toBe(3);
    expect(Array.from(p.posIndex)).toEqual([1, 9]);
    expect(Array.from(p.negIndex)).toEqual([0, 2, 3, 4, 5, 10, 11]);
    p.posIndex.forEach((i, j) =>
      expect(Math.abs(p.pPos[j] - sigmoid(logits[i]))).toBeLessThanOrEqual(
        4e-16 * sigmoid(logits[i]),
      ),
    );
    p.negIndex.forEach((i, j) =>
      expect(Math.abs(p.pNeg[j] - sigmoid(logits[i]))).toBeLessThanOrEqual(
        4e-16 * sigmoid(logits[i]),
      ),
    );
  });

  it('treats any negative target as ignored', () => {
    const p = pool(new Float64Array([1, 2]), new Int32Array([-3, 0]), 1);
    expect(Array.from(p.negIndex)).toEqual([1]);
    expect(p.pPos.length).toBe(0);
  });

  it('maps ±Infinity logits to p = 1 and 0, extreme finite logits to [0, 1]', () => {
    const p = pool(
      new Float64Array([Infinity, -Infinity, 1e4, -1e4, 800, -800]),
      new Int32Array(6),
      1,
    );
    expect(Array.from(p.pNeg)).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('rejects a shape mismatch, a bad K, a target above K and NaN logits with clear RangeErrors', () => {
    expect(() => pool(new Float64Array(5), new Int32Array(2), 2)).toThrow(
      /logits.length \(5\) must equal targets.length × K = 2 × 2 = 4/,
    );
    expect(() => pool(new Float64Array(2), new Int32Array(2), 0)).toThrow(/K must be an integer/);
    expect(() => pool(new Float64Array(2), new Int32Array(2), 1.5)).toThrow(RangeError);
    expect(() => pool(new Float64Array(2), new Int32Array([0, 2]), 1)).toThrow(
      /targets\[1\] = 2 exceeds K = 1/,
    );
    expect(() => pool(new Float64Array([0, NaN]), new Int32Array([0, 0]), 1)).toThrow(/NaN/);
  });

  it('ignores NaN logits on ignored rows', () => {
    expect(pool(new Float64Array([0, NaN]), new Int32Array([0, -1]), 1).pNeg.length).toBe(1);
  });

  it('accepts an empty problem', () => {
    const p = pool(new Float64Array(0), new Int32Array(0), 3);
    expect(p.pPos.length + p.pNeg.length).toBe(0);
  });

  it('with a reused Pooled of the same sizes, fills its arrays with exactly what a fresh pool gives', () => {
    const a = randomProblem(1, 300, 3);
    const b = { ...randomProblem(2, 300, 3), targets: a.targets }; // new scores, same labels
    const old = pool(a.logits, a.targets, 3);
    const oldArrays = [old.pPos, old.pNeg, old.posIndex, old.negIndex];
    const reused = pool(b.logits, b.targets, 3, old);
    const fresh = pool(b.logits, b.targets, 3);
    expect(reused).not.toBe(old);
    expect([reused.pPos, reused.pNeg, reused.posIndex, reused.negIndex]).toEqual(oldArrays);
    expect(reused.pPos).toBe(old.pPos); // the same memory, not a copy
    expect(Array.from(reused.pNeg)).toEqual(Array.from(fresh.pNeg));
    expect(Array.from(reused.pPos)).toEqual(Array.from(fresh.pPos));
    expect(Array.from(reused.negIndex)).toEqual(Array.from(fresh.negIndex));
    const params = resolveParams();
    expect(evaluate(reused, params, createWorkspace(reused))).toEqual(
      evaluate(fresh, params, createWorkspace(fresh)),
    );
  });

  it('with a reused Pooled of other sizes, allocates fresh arrays and leaves it alone', () => {
    const a = randomProblem(3, 50, 2);
    const old = pool(a.logits, a.targets, 2);
    const before = Array.from(old.pNeg);
    const b = randomProblem(4, 60, 2);
    const p = pool(b.logits, b.targets, 2, old);
    expect(p.pNeg).not.toBe(old.pNeg);
    expect(Array.from(old.pNeg)).toEqual(before);
    expect(Array.from(p.pNeg)).toEqual(Array.from(pool(b.logits, b.targets, 2).pNeg));
  });

  it('a reused Pooled does not carry its hard-negative support or extremes over to the new scores', () => {
    const a = randomProblem(5, 400, 1);
    const b = { ...randomProblem(6, 400, 1), targets: a.targets };
    const params = resolveParams({ original: { kind: 'hardNegative', k: 20 } });
    const cache = createEvaluateCache();
    const old = pool(a.logits, a.targets, 1);
    evaluate(old, params, createWorkspace(old), { cache }); // caches the support of old's top 20
    const reused = pool(b.logits, b.targets, 1, old);
    expect(reused.pNeg).toBe(old.pNeg);
    const fresh = pool(b.logits, b.targets, 1);
    const wsR = createWorkspace(reused);
    const wsF = createWorkspace(fresh);
    expect(evaluate(reused, params, wsR, { cache })).toEqual(evaluate(fresh, params, wsF));
    expect(reused.posMin).toBe(fresh.posMin);
    expect(reused.negMax).toBe(fresh.negMax);
    expect(Array.from(wsR.gradLogits)).toEqual(Array.from(wsF.gradLogits));
  });

  it('records min p+ and max p− exactly (±Infinity for an empty set), for any logits, targets and K', () => {
    const logit = fc.oneof(
      fc.double({ min: -40, max: 40, noNaN: true }),
      fc.constantFrom(-Infinity, Infinity, 0, -0, 1e-300),
    );
    const problem = fc.integer({ min: 1, max: 4 }).chain((K) =>
      fc.array(fc.integer({ min: -1, max: K }), { maxLength: 30 }).chain((targets) =>
        fc.record({
          K: fc.constant(K),
          targets: fc.constant(Int32Array.from(targets)),
          logits: fc
            .array(logit, { minLength: targets.length * K, maxLength: targets.length * K })
            .map((a) => Float64Array.from(a)),
        }),
      ),
    );
    fc.assert(
      fc.property(problem, ({ logits, targets, K }) => {
        const p = pool(logits, targets, K);
        expect(p.posMin).toBe(Math.min(...p.pPos));
        expect(p.negMax).toBe(Math.max(...p.pNeg));
      }),
      { seed: 20200616, numRuns: 300 },
    );
  });
});
