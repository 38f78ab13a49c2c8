/**
 * A detection-scale set loaded through a pool of workers: each worker generates its shards of the
 * preset (data/presetShards.ts: the same bits as generatePreset) and pools them, and the workers sort
 * the scores between them, one value range each; this thread puts the ranges end to end
 * (engine/shards assemble.ts: the order sortAscending gives on the whole set, bit for bit). So the
 * explanation built on them (explain's prepareSorted) is the one a single worker computes, for any
 * number of workers.
 */
import {
  isGaussianPreset,
  presetScoreSplits,
  presetShardPlan,
  type GaussianPresetId,
  type PresetShardPlan,
} from '../data/presetShards.ts';
import { presetInfo } from '../data/presets.ts';
import type { CandidateSet, CandidateSource } from '../data/types.ts';
import {
  combineObjectiveSums,
  joinRanges,
  mergeSortedRuns,
  shardRanges,
  shardRowsFor,
  type BlockedObjectives,
  type ObjectiveSums,
} from '../engine/shards/index.ts';
import type { ShardSource } from './poolProtocol.ts';
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

/** The plan made last, with its preset, seed and block rows. */
let lastPlan: { readonly key: string; readonly plan: PresetShardPlan } | null = null;

/**
 * The plan of preset `id` at `seed` in blocks of `shardRows` rows (default the engine's blocks): a
 * sequential pass over all the preset's draws (~40 ms at detection scale in Chromium), so the last one
 * is kept: a switch back to the preset, or one the engine worker planned ahead while idle
 * (engineService's warm), starts the pool at once.
 */
export function presetPlan(
  id: GaussianPresetId,
  seed: number,
  shardRows?: number,
): PresetShardPlan {
  const info = presetInfo(id);
  if (!info) throw new Error(`unknown preset ${id}`);
  const rows = shardRows ?? shardRowsFor(info.K);
  const key = `${id}:${seed}:${rows}`;
  if (lastPlan?.key !== key) lastPlan = { key, plan: presetShardPlan(id, seed, rows) };
  return lastPlan.plan;
}

/** A set as the pool built it: the set and each set's scores (sigmoids) sorted. */
export interface PoolLoaded {
  readonly set: CandidateSet;
  readonly sorted: { readonly pos: Float64Array; readonly neg: Float64Array };
  /** BCE and FL, summed over the shards in shard order (explain's objectivesBlocked). */
  readonly objectives: BlockedObjectives;
  readonly shards: number;
}

/** How far a pool's build has come: shards pooled of all, then the sort. */
export interface PoolLoadProgress {
  readonly phase: 'shards' | 'sort';
  readonly done: number;
  readonly total: number;
}

/**
 * Build preset `id` at `seed` in the pool (shards of `shardRows` rows; default the engine's blocks),
 * in three steps (poolProtocol.ts): every worker generates and pools its shards and cuts their
 * negative scores into one value range per worker; worker r sorts range r; then every worker gives
 * its shards' logits, targets and BCE / FL sums, after this thread has put the sorted ranges end to
 * end and called `onSorted` with them and the shard count (work that needs no BCE / FL fits there:
 * the engine service explains and replies there). `onProgress` hears each
 * shard pooled and the start of the sort.
 */
export async function loadThroughPool(
  pool: WorkerPool,
  id: GaussianPresetId,
  seed: number,
  shardRows?: number,
  onProgress?: (progress: PoolLoadProgress) => void,
  onSorted?: (set: CandidateSet, sorted: PoolLoaded['sorted'], shards: number) => void,
): Promise<PoolLoaded> {
  const plan = presetPlan(id, seed, shardRows);
  const count = shardRanges(plan.R, plan.shardRows).length;
  for (let attempt = 0; ; attempt++) {
    const restarts = pool.restarts;
    try {
      return await loadOnce(pool, plan, count, onProgress, onSorted);
    } catch (e) {
      // A crash restarted the pool between the steps (each step alone is retried by the pool, but
      // the sort and the logits need the workers that made the cut): start over, a few times.
      if (pool.restarts === restarts || attempt >= 3) throw e;
    }
  }
}

async function loadOnce(
  pool: WorkerPool,
  plan: PresetShardPlan,
  count: number,
  onProgress: ((progress: PoolLoadProgress) => void) | undefined,
  onSorted: ((set: CandidateSet, sorted: PoolLoaded['sorted'], shards: number) => void) | undefined,
): Promise<PoolLoaded> {
  const source: ShardSource = { kind: 'plan', plan };
  let done = 0;
  onProgress?.({ phase: 'shards', done, total: count });
  const splits = presetScoreSplits(plan.id, pool.running);
  const cutting = pool.cut(source, count, splits, () =>
    onProgress?.({ phase: 'shards', done: ++done, total: count }),
  );
  // The array the sorted ranges are joined into (64 MB at detection scale), allocated and written
  // once while the workers cut: the first write of its fresh pages costs about three times the copy
  // itself (~36 ms against ~10 ms in Node), which would otherwise fall after the sort.
  const joined = splits.length > 0 ? new Float64Array(negativeCount(plan)).fill(0) : undefined;
  const cut = await cutting;
  onProgress?.({ phase: 'sort', done: count, total: count });
  // cut.ranges[w][r] → the pieces of range r from every worker
  const byRange = Array.from({ length: splits.length + 1 }, (_, r) =>
    cut.ranges.flatMap((w) => w[r]),
  );
  const sortedRanges = await pool.sortRanges(byRange);
  // the ascending order of the whole set: the sorted value ranges end to end
  const sorted = { pos: mergeSortedRuns(cut.pos), neg: joinRanges(sortedRanges, joined) };
  // The whole logits array is put together on first read only: at this size nothing the app shows
  // reads it (no per-entry detail; BCE and FL come from the shards), and the copy is 64 MB.
  const blocks: { at: number; logits: Float64Array }[] = [];
  let logits: Float64Array | null = null;
  const { R, K, targets } = plan;
  const set: CandidateSet = {
    R,
    K,
    targets,
    get logits() {
      if (blocks.length < count) throw new Error('the pool has not given the logits yet');
      if (logits === null) {
        logits = new Float64Array(R * K);
        for (const b of blocks) logits.set(b.logits, b.at);
      }
      return logits;
    },
  };
  onSorted?.(set, sorted, count);
  // Only now do the workers compute BCE / FL and give the logits: started before onSorted, they took
  // the cores from this thread's joining and explaining (three busy threads on two cores). The first
  // readout needs neither: bench:ui's switch, 4 rounds alternating, in the page 705 / 710 / 777 / 834
  // ms with them before the reply, 599 / 677 / 653 / 747 ms with them after it.
  const parts = await pool.give(source, count);
  const sums: ObjectiveSums[] = [];
  for (const part of parts) {
    if (!part.logits || !part.objectives) {
      throw new Error(`pool shard ${part.shard} came back without its logits`);
    }
    blocks.push({ at: part.startRow * plan.K, logits: part.logits });
    sums.push(part.objectives);
  }
  return { set, sorted, objectives: combineObjectiveSums(sums), shards: count };
}

/** The negative entries of a plan's set: K per kept row, less its positive entry. */
function negativeCount(plan: PresetShardPlan): number {
  let n = 0;
  for (const t of plan.targets) if (t >= 0) n += t > 0 ? plan.K - 1 : plan.K;
  return n;
}
