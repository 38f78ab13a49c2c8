/**
 * A detection-scale set loaded through a pool of workers: each worker generates its shards of the
 * preset (data/presetShards.ts: the same bits as generatePreset), pools them and sorts its share of
 * the scores, all in parallel; this thread then merges the sorted runs
 * (engine/shards assemble.ts: the order sortAscending gives on the whole set, bit for bit). So the
 * explanation built on them (explain's prepareSorted) is the one a single worker computes, for any
 * number of workers.
 */
import { isGaussianPreset, presetShardPlan, type GaussianPresetId } from '../data/presetShards.ts';
import { presetInfo } from '../data/presets.ts';
import type { CandidateSet, CandidateSource } from '../data/types.ts';
import {
  combineObjectiveSums,
  mergeSortedRuns,
  shardRanges,
  shardRowsFor,
  type BlockedObjectives,
  type ObjectiveSums,
} from '../engine/shards/index.ts';
import type { WorkerPool } from './workerPool.ts';

/** Sets from this many entries up are built by the pool (below it one worker is quick enough). */
export const POOL_MIN_ENTRIES = 1_000_000;

/** The preset a source names when the pool builds it (a large Gaussian preset without edits), else null. */
export function pooledPresetOf(source: CandidateSource): GaussianPresetId | null {
  if (source.kind !== 'generated' || source.edits.length > 0) return null;
  if (!isGaussianPreset(source.preset)) return null;
  const info = presetInfo(source.preset);
  return info && info.R * info.K >= POOL_MIN_ENTRIES ? source.preset : null;
}

/** A set as the pool built it: the set and each set's scores (sigmoids) sorted. */
export interface PoolLoaded {
  readonly set: CandidateSet;
  readonly sorted: { readonly pos: Float64Array; readonly neg: Float64Array };
  /** BCE and FL, summed over the shards in shard order (explain's objectivesBlocked). */
  readonly objectives: BlockedObjectives;
  readonly shards: number;
}

/** Build preset `id` at `seed` in the pool (shards of `shardRows` rows; default the engine's blocks). */
export async function loadThroughPool(
  pool: WorkerPool,
  id: GaussianPresetId,
  seed: number,
  shardRows?: number,
): Promise<PoolLoaded> {
  const info = presetInfo(id);
  if (!info) throw new Error(`unknown preset ${id}`);
  const plan = presetShardPlan(id, seed, shardRows ?? shardRowsFor(info.K));
  const count = shardRanges(plan.R, plan.shardRows).length;
  const { parts, runs } = await pool.build(
    () => ({ source: { kind: 'plan', plan }, transfer: [] }),
    count,
    { keep: false, give: true, sort: true },
  );
  const blocks: { at: number; logits: Float64Array }[] = [];
  const sums: ObjectiveSums[] = [];
  for (const part of parts) {
    if (!part.logits || !part.objectives) {
      throw new Error(`pool shard ${part.shard} came back without its logits`);
    }
    blocks.push({ at: part.startRow * plan.K, logits: part.logits });
    sums.push(part.objectives);
  }
  // The whole logits array is put together on first read only: at this size nothing the app shows
  // reads it (no per-entry detail; BCE and FL come from the shards), and the copy is 64 MB.
  let logits: Float64Array | null = null;
  const { R, K, targets } = plan;
  const set: CandidateSet = {
    R,
    K,
    targets,
    get logits() {
      if (logits === null) {
        logits = new Float64Array(R * K);
        for (const b of blocks) logits.set(b.logits, b.at);
      }
      return logits;
    },
  };
  // the merge of ascending runs is the one ascending order of their scores, however many runs
  const sorted = {
    pos: mergeSortedRuns(runs.map((r) => r.pos)),
    neg: mergeSortedRuns(runs.map((r) => r.neg)),
  };
  return {
    set,
    sorted,
    objectives: combineObjectiveSums(sums),
    shards: count,
  };
}
