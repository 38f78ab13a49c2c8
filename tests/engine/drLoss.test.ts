import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkspace,
  drLoss,
  drLossBatch,
  evaluate,
  pool,
  resolveParams,
  setKernelPath,
} from '../../src/engine/index.ts';
import type { KernelPath } from '../../src/engine/index.ts';
import { loadGoldenCases } from '../golden/cases.ts';
import { randomProblem } from './rng.ts';

/**
 * Golden tolerance: |a − b| ≤ 1e-9·max(|b|, 1e-300). Relative 1e-9 everywhere the golden value is a
 * normal float; the 1e-300 floor only matters for golden entries that are exactly ±0 (ignored rows,
 * q− underflowing to 0 at λ = 0.001, p = 1 exactly for logits ≳ 37), where we then demand |a| ≤ 1e-309,
 * i.e. 0 or a denormal. The golden grads were computed as ∂/∂p·p(1−p) with the float64 sigmoid, like
 * ours, so even entries of size 1e-271 agree to ~1e-13 relative (measured worst: ~1e-12).
 */
function closeRel(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300);
}

const cases = loadGoldenCases();

// Both kernel paths (kernels/simd.ts): the WebAssembly SIMD loops and the TypeScript ones.
describe.each(['wasm-simd', 'ts'] as KernelPath[])('golden cases on the %s kernels', (path) => {
  beforeAll(() => setKernelPath(path));
  afterAll(() => setKernelPath(null));
  it('there are 48 of them', () => {
    expect(cases.length).toBe(48);
  });
  it.each(cases.map((c) => [c.index, c] as const))(
    'case %i: loss, P̂±, and every ∂DR/∂logit agree to 1e-9 relative',
    (_i, c) => {
      const { result, gradLogits } = drLoss(c.logits, c.targets, c.K, c.params);
      expect(
        closeRel(result.loss, c.expected.loss),
        `loss ${result.loss} vs ${c.expected.loss}`,
      ).toBe(true);
      expect(closeRel(result.pPlus, c.expected.pPlus), `P̂+ ${result.pPlus}`).toBe(true);
      expect(closeRel(result.pMinus, c.expected.pMinus), `P̂− ${result.pMinus}`).toBe(true);
      expect(gradLogits.length).toBe(c.expected.grad.length);
      for (let j = 0; j < gradLogits.length; j++) {
        const ok = closeRel(gradLogits[j], c.expected.grad[j]);
        if (!ok) expect.fail(`grad[${j}] = ${gradLogits[j]}, golden ${c.expected.grad[j]}`);
      }
    },
  );
});

describe('sanity values of docs/maths.md §6 (defaults, one class)', () => {
  it('all-zero logits with a positive give 4·log(1+e³)/6 = 2.0323916', () => {
    const { result } = drLoss(new Float64Array(5), new Int32Array([1, 0, 0, 0, 1]), 1);
    expect(result.loss).toBeCloseTo((4 * Math.log(1 + Math.exp(3))) / 6, 14);
    expect(Math.abs(result.loss - 2.0323916) / 2.0323916).toBeLessThan(5e-8);
  });
  it('logits [2, −1, 0.5, −3, −2], targets [1, 1, 0, 0, 0]: DR 2.5625233, P̂+ 0.484092, P̂− 0.621115', () => {
    const logits = new Float64Array([2, -1, 0.5, -3, -2]);
    const { result } = drLoss(logits, new Int32Array([1, 1, 0, 0, 0]), 1);
    expect(Math.abs(result.loss - 2.5625233)).toBeLessThan(5e-8);
    expect(Math.abs(result.pPlus - 0.484092)).toBeLessThan(5e-7);
    expect(Math.abs(result.pMinus - 0.621115)).toBeLessThan(5e-7);
  });
  it('same logits, targets [0, 0, 0, −1, 0]: DR 1.5512754, P̂+ = 1, P̂− 0.8707033 and the printed gradient', () => {
    const logits = new Float64Array([2, -1, 0.5, -3, -2]);
    const { result, gradLogits } = drLoss(logits, new Int32Array([0, 0, 0, -1, 0]), 1);
    expect(Math.abs(result.loss - 1.5512754)).toBeLessThan(5e-8);
    expect(result.pPlus).toBe(1);
    expect(result.nPos).toBe(0);
    expect(Math.abs(result.pMinus - 0.8707033)).toBeLessThan(5e-8);
    const expected = [0.41055034, -0.00209256, -0.06765442, 0, -0.00022034];
    for (let j = 0; j < 5; j++) expect(Math.abs(gradLogits[j] - expected[j])).toBeLessThan(5e-9);
    expect(Object.is(gradLogits[3], 0)).toBe(true); // ignored row: exactly +0
  });
  it('without negatives P̂− = 0 (the official code sums an empty softmax)', () => {
    const { result } = drLoss(new Float64Array([0.3, -1]), new Int32Array([1, 1]), 1);
    expect(result.pMinus).toBe(0);
    expect(result.nNeg).toBe(0);
    expect(result.klNeg).toBe(0);
    expect(result.essNeg).toBe(0);
  });
});

describe('paper Eq. 9: batch loss', () => {
  it('equals the sum of per-image calls, with each image keeping its own gradient', () => {
    const images = [
      randomProblem(1, 30, 3),
      randomProblem(2, 7, 1),
      randomProblem(3, 50, 2, { pPositive: 0 }),
      randomProblem(4, 1, 4),
    ];
    const params = { lambdaNeg: 0.2, L: 4 };
    const batch = drLossBatch(images, params);
    let sum = 0;
    images.forEach((img, i) => {
      const single = drLoss(img.logits, img.targets, img.K, params);
      sum += single.result.loss;
      expect(batch.results[i].loss).toBe(single.result.loss);
      expect(Array.from(batch.gradLogits[i])).toEqual(Array.from(single.gradLogits));
    });
    expect(Math.abs(batch.loss - sum)).toBeLessThanOrEqual(1e-14 * sum);
    expect(batch.results).toHaveLength(4);
  });
  it('of an empty batch is 0', () => {
    expect(drLossBatch([]).loss).toBe(0);
  });
});

describe('parameter-only updates', () => {
  it('re-evaluating a kept Pooled and Workspace equals a fresh drLoss, for every parameter change', () => {
    const { logits, targets, K } = randomProblem(11, 200, 3);
    const pooled = pool(logits, targets, K);
    const ws = createWorkspace(pooled);
    const settings = [
      {},
      { lambdaNeg: 0.01, lambdaPos: 3 },
      { smoothing: 'quad' as const, rho: 0.2 },
      { original: { kind: 'hardNegative' as const, k: 17 } },
      { smoothing: 'hinge' as const, margin: 0.9 },
      { original: { kind: 'hardNegative' as const, k: 5 }, tau: 2 },
      {},
    ];
    for (const s of settings) {
      const r = evaluate(pooled, resolveParams(s), ws);
      const fresh = drLoss(logits, targets, K, s);
      expect(r).toEqual(fresh.result);
      expect(Array.from(ws.gradLogits)).toEqual(Array.from(fresh.gradLogits));
    }
  });
});
