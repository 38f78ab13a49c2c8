/**
 * The DR loss and its gradient of a problem held by a pool of workers (engine/shards): the shards'
 * sums come back in shard order, are combined here (a few dozen numbers), and the combined scalars go
 * out again for the gradient. The same numbers, bit for bit, as evaluateSharded in one thread, for any
 * pool size.
 */
import type { DRParams, DRResult } from '../engine/types.ts';
import {
  combineForward,
  hardK,
  mergeTopK,
  shardRanges,
  shardRowsFor,
  type ShardPartial,
} from '../engine/shards/index.ts';
import type { WorkerPool } from './workerPool.ts';

/** A problem the pool holds: its shape and sizes, as poolHold returns them. */
export interface HeldProblem {
  readonly R: number;
  readonly K: number;
  readonly shardRows: number;
  readonly ranges: readonly { readonly start: number; readonly end: number }[];
  readonly nPos: number;
  readonly nNeg: number;
}

/**
 * Send R×K logits and their targets to the pool, each shard's rows (copies, transferred) to the
 * worker that holds it; the workers pool their shards and keep them.
 */
export async function poolHold(
  pool: WorkerPool,
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  shardRows: number = shardRowsFor(K),
): Promise<HeldProblem> {
  const R = targets.length;
  const ranges = shardRanges(R, shardRows);
  const parts = await pool.build((shards) => {
    const rows = shards.map((s) => ({
      shard: s,
      logits: logits.slice(ranges[s].start * K, ranges[s].end * K),
      targets: targets.slice(ranges[s].start, ranges[s].end),
    }));
    const transfer = rows.flatMap((r) => [r.logits.buffer, r.targets.buffer]);
    return { source: { kind: 'rows', R, K, shardRows, rows }, transfer };
  }, ranges.length);
  let nPos = 0;
  let nNeg = 0;
  for (const b of parts) {
    nPos += b.nPos;
    nNeg += b.nNeg;
  }
  return { R, K, shardRows, ranges, nPos, nNeg };
}

/**
 * The DR result of the held problem under `params`, and ∂DR/∂logits (R·K, 0 for ignored entries)
 * when `gradient`. A hard-negative prior costs one more round (the shards' top-k candidates).
 */
export async function poolEvaluate(
  pool: WorkerPool,
  held: HeldProblem,
  params: DRParams,
  gradient: boolean,
): Promise<{ result: DRResult; gradLogits: Float64Array | null }> {
  const k = hardK(params);
  // k ≥ n− is the uniform prior (the engine's setPriors): no candidates needed
  const supports =
    k === null || k >= held.nNeg ? null : mergeTopK(await pool.topk(k), k, held.nNeg);
  const partials: ShardPartial[] = await pool.forward(params, supports, gradient);
  const combined = combineForward(params, partials, held.nPos, held.nNeg);
  if (!gradient) return { result: combined.result, gradLogits: null };
  const parts = await pool.gradient(combined);
  const gradLogits = new Float64Array(held.R * held.K);
  parts.forEach((g, s) => gradLogits.set(g, held.ranges[s].start * held.K));
  return { result: combined.result, gradLogits };
}
