import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createWorkspace,
  evaluate,
  hardNegativeSupport,
  pool,
  resolveParams,
} from '../../../src/engine/index.ts';
import {
  evaluateSharded,
  mergeTopK,
  shardRanges,
  shardTopKCandidates,
} from '../../../src/engine/shards/index.ts';
import type { DRParams } from '../../../src/engine/index.ts';
import { loadGoldenCases } from '../../golden/cases.ts';
import { randomProblem, rng } from '../rng.ts';

function closeRel(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300);
}

const cases = loadGoldenCases();

describe('golden cases computed shard by shard', () => {
  it.each(cases.map((c) => [c.index, c] as const))(
    'case %i: loss, P̂± and ∂DR/∂logit agree to 1e-9 with shards of 1, 2 and 3 rows and one shard',
    (_i, c) => {
      for (const rows of [1, 2, 3, c.R]) {
        const { result, gradLogits } = evaluateSharded(c.logits, c.targets, c.K, c.params, rows);
        expect(closeRel(result.loss, c.expected.loss), `rows ${rows}: loss ${result.loss}`).toBe(
          true,
        );
        expect(closeRel(result.pPlus, c.expected.pPlus), `rows ${rows}: P̂+`).toBe(true);
        expect(closeRel(result.pMinus, c.expected.pMinus), `rows ${rows}: P̂−`).toBe(true);
        for (let j = 0; j < gradLogits.length; j++) {
          if (!closeRel(gradLogits[j], c.expected.grad[j])) {
            expect.fail(
              `rows ${rows}: grad[${j}] = ${gradLogits[j]}, golden ${c.expected.grad[j]}`,
            );
          }
        }
      }
    },
  );
});

/** evaluate on the whole problem: the engine's own answer. */
function whole(logits: Float64Array, targets: Int32Array, K: number, params: DRParams) {
  const pooled = pool(logits, targets, K);
  const ws = createWorkspace(pooled);
  const result = evaluate(pooled, params, ws);
  return { result, gradLogits: ws.gradLogits };
}

describe('shards against the engine on random problems', () => {
  it('every scalar and gradient agrees to 1e-12, for any shard size, uniform or hard-negative prior', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 64 }),
        fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        (seed, R, K, rows, k, lambdaNeg) => {
          const { logits, targets } = randomProblem(seed, R, K, { scale: 3 });
          const params = resolveParams({
            lambdaNeg,
            original: k === null ? { kind: 'uniform' } : { kind: 'hardNegative', k },
          });
          const a = evaluateSharded(logits, targets, K, params, rows);
          const b = whole(logits, targets, K, params);
          for (const key of [
            'loss',
            'pPlus',
            'pMinus',
            'z',
            'slope',
            'essPos',
            'essNeg',
          ] as const) {
            expect(closeRel(a.result[key], b.result[key], 1e-12), `${key}`).toBe(true);
          }
          expect(Math.abs(a.result.klNeg - b.result.klNeg)).toBeLessThan(1e-12);
          expect([a.result.nPos, a.result.nNeg]).toEqual([b.result.nPos, b.result.nNeg]);
          let scale = 0;
          for (const g of b.gradLogits) scale = Math.max(scale, Math.abs(g));
          for (let j = 0; j < logits.length; j++) {
            const d = Math.abs(a.gradLogits[j] - b.gradLogits[j]);
            if (d > 1e-12 * scale)
              expect.fail(`grad[${j}]: ${a.gradLogits[j]} vs ${b.gradLogits[j]}`);
            // zero exactly where the engine writes zero (ignored rows, negatives off the support)
            if (b.gradLogits[j] === 0) expect(a.gradLogits[j]).toBe(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stays finite with saturated logits and a tiny λ', () => {
    const logits = new Float64Array([800, -800, 40, -40, 0, 1e-300, Infinity, -Infinity]);
    const targets = new Int32Array([0, 0, 1, 0, 1, 0, 0, 0]);
    const params = resolveParams({ lambdaNeg: 1e-4, lambdaPos: 1e-4 });
    const a = evaluateSharded(logits, targets, 1, params, 3);
    const b = whole(logits, targets, 1, params);
    expect(Number.isFinite(a.result.loss)).toBe(true);
    expect(a.gradLogits.every(Number.isFinite)).toBe(true);
    expect(closeRel(a.result.loss, b.result.loss, 1e-12)).toBe(true);
  });
});

describe('the hard-negative support merged from shards', () => {
  it('is the whole set’s top k with ties to the lower index, with many ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 220 }),
        (seed, n, rows, k) => {
          const u = rng(seed);
          // four distinct values only: ties everywhere
          const p = Float64Array.from({ length: n }, () => Math.floor(u() * 4) / 4);
          const ranges = shardRanges(n, rows);
          const parts = ranges.map(({ start, end }) =>
            shardTopKCandidates(p.subarray(start, end), k),
          );
          const merged = mergeTopK(parts, k, n);
          if (k >= n) {
            expect(merged).toBeNull();
            return;
          }
          const global: number[] = [];
          ranges.forEach(({ start }, s) => merged![s].forEach((j) => global.push(start + j)));
          expect(global).toEqual(Array.from(hardNegativeSupport(p, k)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
