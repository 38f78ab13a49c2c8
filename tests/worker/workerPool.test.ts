import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePreset } from '../../src/data/index.ts';
import { pool as poolEntries, resolveParams, sortAscending } from '../../src/engine/index.ts';
import {
  combineForward,
  cutRanges,
  evaluateSharded,
  joinRanges,
  mergeSortedRuns,
} from '../../src/engine/shards/index.ts';
import type { DRParams, DRResult } from '../../src/engine/index.ts';
import { poolEvaluate, poolHold } from '../../src/worker/poolEvaluate.ts';
import { loadThroughPool } from '../../src/worker/poolLoad.ts';
import {
  createWorkerPool,
  defaultPoolSize,
  inlinePoolWorker,
  type WorkerPool,
} from '../../src/worker/workerPool.ts';
import { randomProblem } from '../engine/rng.ts';

let open: WorkerPool[] = [];
afterEach(() => {
  for (const p of open) p.dispose();
  open = [];
});

function inlinePool(size: number, notices: string[] = []): WorkerPool {
  const p = createWorkerPool({
    size,
    createWorker: inlinePoolWorker,
    onNotice: (t) => notices.push(t),
  });
  open.push(p);
  return p;
}

/** Bit-for-bit equality of numbers and arrays of numbers (Object.is: −0 ≠ +0, NaN = NaN). */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameResult(a: DRResult, b: DRResult): boolean {
  const keys = Object.keys(b) as (keyof DRResult)[];
  return keys.every((k) => Object.is(a[k], b[k]));
}

describe('defaultPoolSize', () => {
  it('is the core count, at most 4, at least 1', () => {
    expect([undefined, 0, 1, 2, 3, 16, NaN].map((n) => defaultPoolSize(n))).toEqual([
      1, 1, 1, 2, 3, 4, 1,
    ]);
  });
});

describe('a pool of workers computes the DR loss shard by shard', () => {
  it('gives evaluateSharded’s bits for 1, 2 and 3 workers, uniform and hard-negative priors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
        async (seed, R, K, rows, k) => {
          const { logits, targets } = randomProblem(seed, R, K, { scale: 3 });
          const params: DRParams = resolveParams({
            original: k === null ? { kind: 'uniform' } : { kind: 'hardNegative', k },
          });
          const want = evaluateSharded(logits, targets, K, params, rows);
          for (const size of [1, 2, 3]) {
            const pool = inlinePool(size);
            const held = await poolHold(pool, logits, targets, K, rows);
            const got = await poolEvaluate(pool, held, params, true);
            expect(sameResult(got.result, want.result), `size ${size}`).toBe(true);
            expect(sameBits(got.gradLogits!, want.gradLogits), `size ${size}`).toBe(true);
            const scalars = await poolEvaluate(pool, held, params, false);
            expect(sameResult(scalars.result, want.result)).toBe(true);
            expect(scalars.gradLogits).toBeNull();
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('loses nothing when a worker crashes: the pool restarts, rebuilds and answers the same', async () => {
    const { logits, targets } = randomProblem(5, 500, 2);
    const params = resolveParams({});
    const want = evaluateSharded(logits, targets, 2, params, 37);
    const notices: string[] = [];
    const pool = inlinePool(2, notices);
    const held = await poolHold(pool, logits, targets, 2, 37);
    pool.crashWorker(1);
    const a = await poolEvaluate(pool, held, params, true);
    expect(pool.restarts).toBe(1);
    expect(notices[0]).toMatch(/restarted/);
    expect(sameResult(a.result, want.result)).toBe(true);
    expect(sameBits(a.gradLogits!, want.gradLogits)).toBe(true);
    // a crash between the forward pass and the gradient: the forward is redone on the new workers
    await pool.forward(params, null, true);
    pool.crashWorker(0);
    const parts = await pool.gradient(
      combineForward(params, await pool.forward(params, null, true), held.nPos, held.nNeg),
    );
    expect(pool.restarts).toBe(2);
    const grad = new Float64Array(logits.length);
    parts.forEach((g, s) => grad.set(g, held.ranges[s].start * 2));
    expect(sameBits(grad, want.gradLogits)).toBe(true);
  });

  it('falls back to this thread after repeated crashes, with the same numbers', async () => {
    const { logits, targets } = randomProblem(6, 300, 1);
    const params = resolveParams({ original: { kind: 'hardNegative', k: 20 } });
    const want = evaluateSharded(logits, targets, 1, params, 50);
    let started = 0;
    const pool = createWorkerPool({
      size: 2,
      maxRestarts: 1,
      createWorker: () => {
        started++;
        const w = inlinePoolWorker();
        // every worker crashes at its first message
        const post = w.postMessage.bind(w);
        w.postMessage = () => post({ type: 'crash' }, []);
        return w;
      },
    });
    open.push(pool);
    const held = await poolHold(pool, logits, targets, 1, 50);
    expect(pool.mode).toBe('inline');
    expect(started).toBe(4);
    const got = await poolEvaluate(pool, held, params, true);
    expect(sameResult(got.result, want.result)).toBe(true);
    expect(sameBits(got.gradLogits!, want.gradLogits)).toBe(true);
  });

  it('answers a bad request with an error and keeps running', async () => {
    const pool = inlinePool(2);
    const { logits, targets } = randomProblem(7, 50, 1);
    const held = await poolHold(pool, logits, targets, 1, 8);
    const params = resolveParams({});
    const combined = combineForward(params, await pool.forward(params, null, false), 1, 1);
    // no forward pass kept its scratch: the workers refuse, and are not restarted
    await expect(pool.gradient(combined)).rejects.toThrow(/gradient before a forward pass/);
    expect(pool.restarts).toBe(0);
    const want = evaluateSharded(logits, targets, 1, params, 8);
    const got = await poolEvaluate(pool, held, params, true);
    expect(sameBits(got.gradLogits!, want.gradLogits)).toBe(true);
  });
});

describe('a pool that holds a problem and builds a preset', () => {
  it('keeps the problem it holds, through a crash during the build too', async () => {
    const { logits, targets } = randomProblem(8, 400, 2);
    const params = resolveParams({});
    const want = evaluateSharded(logits, targets, 2, params, 30);
    const pool = inlinePool(2);
    const held = await poolHold(pool, logits, targets, 2, 30);
    await loadThroughPool(pool, 'paper-default', 1, 20);
    expect(
      sameBits((await poolEvaluate(pool, held, params, true)).gradLogits!, want.gradLogits),
    ).toBe(true);
    pool.crashWorker(0);
    await loadThroughPool(pool, 'paper-default', 1, 20);
    expect(pool.restarts).toBe(1);
    const got = await poolEvaluate(pool, held, params, true);
    expect(sameResult(got.result, want.result)).toBe(true);
    expect(sameBits(got.gradLogits!, want.gradLogits)).toBe(true);
  });
});

describe('a preset built by the pool', () => {
  it('is the set and sorted scores of one thread, bit for bit, for 1, 2 and 3 workers', async () => {
    const set = generatePreset('paper-default', 4);
    const pooled = poolEntries(set.logits, set.targets, set.K);
    for (const size of [1, 2, 3]) {
      const loaded = await loadThroughPool(inlinePool(size), 'paper-default', 4, 13);
      expect(loaded.shards).toBe(Math.ceil(300 / 13));
      expect(sameBits(loaded.set.logits, set.logits)).toBe(true);
      expect(sameBits(loaded.set.targets, set.targets)).toBe(true);
      expect(sameBits(loaded.sorted.neg, sortAscending(pooled.pNeg))).toBe(true);
      expect(sameBits(loaded.sorted.pos, sortAscending(pooled.pPos))).toBe(true);
    }
  });
});

describe('a preset built by the pool, step by step', () => {
  it('reports each shard pooled, then the sort', async () => {
    const seen: string[] = [];
    await loadThroughPool(inlinePool(2), 'paper-default', 4, 60, (p) =>
      seen.push(`${p.phase} ${p.done}/${p.total}`),
    );
    expect(seen).toEqual([
      'shards 0/5',
      'shards 1/5',
      'shards 2/5',
      'shards 3/5',
      'shards 4/5',
      'shards 5/5',
      'sort 5/5',
    ]);
  });

  it('gives the same set after a worker crashes between the cut and the sort', async () => {
    const set = generatePreset('paper-default', 4);
    const pooled = poolEntries(set.logits, set.targets, set.K);
    const pool = inlinePool(2);
    let crashed = false;
    const loaded = await loadThroughPool(pool, 'paper-default', 4, 13, (p) => {
      // queued behind the cut: the worker dies after its reply, before the sort reaches it
      if (p.phase === 'shards' && p.done === 1 && !crashed) {
        crashed = true;
        pool.crashWorker(1);
      }
    });
    expect(pool.restarts).toBe(1);
    expect(sameBits(loaded.set.logits, set.logits)).toBe(true);
    expect(sameBits(loaded.sorted.neg, sortAscending(pooled.pNeg))).toBe(true);
    expect(sameBits(loaded.sorted.pos, sortAscending(pooled.pPos))).toBe(true);
  });
});

describe('cutRanges and joinRanges', () => {
  it('sorting each value range and joining them is sortAscending of all the scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), {
          maxLength: 5,
        }),
        fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        (arrays, cuts) => {
          const parts = arrays.map((a) => Float64Array.from(a));
          const splits = Float64Array.from(cuts).sort();
          const ranges = cutRanges(parts, splits);
          expect(ranges).toHaveLength(splits.length + 1);
          const sortedRanges = ranges.map((r) => sortAscending(r));
          const joined = joinRanges(sortedRanges);
          const all = Float64Array.from(arrays.flat());
          expect(Array.from(joined)).toEqual(Array.from(sortAscending(all)));
          // into an array allocated ahead (filled with anything): the same, in that array
          const into = new Float64Array(all.length).fill(-7);
          const joinedInto = joinRanges(sortedRanges, into);
          if (sortedRanges.length > 1) expect(joinedInto).toBe(into);
          expect(Array.from(joinedInto)).toEqual(Array.from(joined));
        },
      ),
    );
  });

  it('refuses an array to join into that is not the ranges’ length', () => {
    const ranges = [Float64Array.of(0.1), Float64Array.of(0.5, 0.7)];
    expect(() => joinRanges(ranges, new Float64Array(2))).toThrow(
      'joinRanges: into has 2 entries, the ranges 3',
    );
  });
});

describe('mergeSortedRuns', () => {
  it('is sortAscending of the runs’ concatenation, for any number of runs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), {
          maxLength: 9,
        }),
        (arrays) => {
          const runs = arrays.map((a) => sortAscending(Float64Array.from(a)));
          const all = Float64Array.from(arrays.flat());
          expect(Array.from(mergeSortedRuns(runs))).toEqual(Array.from(sortAscending(all)));
        },
      ),
    );
  });
});
