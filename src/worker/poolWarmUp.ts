/**
 * A pool worker's detection-scale path run on a tiny set when the worker starts, so that its code is
 * compiled before the user's switch needs it. A switch runs each step (generate, pool, cut, sort,
 * BCE / FL) only a few times per worker, on 10⁶ entries at a time: cold, V8 runs most of that work in
 * its baseline tiers before the optimising compiler has caught up (in Chromium a cold cut of 10⁶
 * scores took ~60 ms, a warm one ~8). The pool starts when the page is idle (WarmPool), so this costs
 * the page nothing it would notice; the set, like its results, is thrown away.
 */
import { GAUSSIAN_LAWS } from '../data/presets.ts';
import type { PresetShardPlan } from '../data/presetShards.ts';
import { Rng, type RngSnapshot } from '../data/rng.ts';
import type { PoolHandler } from './poolHandler.ts';

/** Rows and shards of the tiny set; the detection-scale preset's K, so the same loops are taken. */
const ROWS_PER_SHARD = 16;
const SHARDS = 4;
const ROUNDS = 12;

/** A plan of the detection-scale preset's laws on SHARDS × ROWS_PER_SHARD rows (presetShards.ts). */
function tinyPlan(): PresetShardPlan {
  const K = 80;
  const R = SHARDS * ROWS_PER_SHARD;
  const rng = new Rng(20200616);
  const targets = new Int32Array(R);
  for (let r = 0; r < R; r++) targets[r] = r % 5 === 0 ? 1 + rng.int(K) : r % 17 === 3 ? -1 : 0;
  const starts: RngSnapshot[] = [];
  for (let s = 0; s < SHARDS; s++) {
    starts.push(rng.snapshot());
    rng.skipNormals(ROWS_PER_SHARD * K);
  }
  const { pos } = GAUSSIAN_LAWS['detection-scale'];
  const posIndex: number[] = [];
  const posLogit: number[] = [];
  for (let r = 0; r < R; r++) {
    if (targets[r] <= 0) continue;
    posIndex.push(r * K + targets[r] - 1);
    posLogit.push(pos.mean + pos.sd * rng.normal());
  }
  return {
    id: 'detection-scale',
    R,
    K,
    shardRows: ROWS_PER_SHARD,
    targets,
    starts,
    posIndex: Int32Array.from(posIndex),
    posLogit: Float64Array.from(posLogit),
  };
}

/**
 * Runs `handler`'s cut, sort and give on the tiny set ROUNDS times, as a switch would. Leaves the
 * handler as it found it: `give` clears what `cut` kept, and no `build` is made.
 * @throws Error when a step answers with an error (a defect: the tiny set is valid).
 */
export function warmUpPool(handler: PoolHandler): void {
  const source = { kind: 'plan' as const, plan: tinyPlan() };
  const shards = Array.from({ length: SHARDS }, (_, s) => s);
  for (let round = 0; round < ROUNDS; round++) {
    const id = -1 - round; // no request of the pool has a negative id
    const cut = handler.handle({ type: 'cut', id, source, shards, splits: Float64Array.of(0.01) });
    if (cut?.message.type !== 'cut') throw new Error(`pool warm-up: cut answered ${describe(cut)}`);
    for (const pieces of cut.message.ranges) {
      const sorted = handler.handle({ type: 'sortRange', id, pieces });
      if (sorted?.message.type !== 'sortedRange') {
        throw new Error(`pool warm-up: sort answered ${describe(sorted)}`);
      }
    }
    const given = handler.handle({ type: 'give', id, source, shards });
    if (given?.message.type !== 'given') {
      throw new Error(`pool warm-up: give answered ${describe(given)}`);
    }
  }
}

function describe(reply: ReturnType<PoolHandler['handle']>): string {
  if (reply === null) return 'nothing';
  return reply.message.type === 'error' ? `error: ${reply.message.message}` : reply.message.type;
}
