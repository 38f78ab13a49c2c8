/**
 * The messages between a pool's coordinator (workerPool.ts) and each of its workers (pool.worker.ts,
 * which wraps poolHandler.ts). Types only. A worker holds the shards the coordinator gives it (fixed
 * blocks of rows, engine/shards/layout.ts); every request names its shards, every reply carries one
 * part per shard, and the coordinator combines the parts in shard order.
 */
import type { PresetShardPlan } from '../data/presetShards.ts';
import type { DRParams } from '../engine/types.ts';
import type {
  CombinedForward,
  ObjectiveSums,
  ShardPartial,
  TopKCandidates,
} from '../engine/shards/index.ts';

/** Where a worker's shards come from. */
export type ShardSource =
  /** Blocks of a Gaussian preset, generated in the worker from the plan (data/presetShards.ts). */
  | { readonly kind: 'plan'; readonly plan: PresetShardPlan }
  /** Given rows: each listed shard's logits (rows × K) and targets. */
  | {
      readonly kind: 'rows';
      readonly R: number;
      readonly K: number;
      readonly shardRows: number;
      readonly rows: readonly {
        readonly shard: number;
        readonly logits: Float64Array;
        readonly targets: Int32Array;
      }[];
    };

/**
 * Generate or take the shards `shards` of `source`, pool each, and keep them for forward / gradient
 * (replacing what the worker held).
 */
export interface BuildRequest {
  readonly type: 'build';
  readonly id: number;
  readonly source: ShardSource;
  readonly shards: readonly number[];
}

/**
 * Step 1 of a set built for the engine worker (poolLoad.ts): generate the shards `shards` of
 * `source` and pool each; each shard's negative scores are cut at `splits` (ascending) into
 * splits.length + 1 value ranges, range r = [splits[r − 1], splits[r]), as soon as it is pooled (while
 * they are in cache), and come back as one unsorted piece per shard and range; the positives'
 * scores sorted. The shards' logits and targets stay in the worker for `give` (apart from the shards
 * a `build` keeps). A `progress` message follows each shard pooled.
 */
export interface CutRequest {
  readonly type: 'cut';
  readonly id: number;
  readonly source: ShardSource;
  readonly shards: readonly number[];
  readonly splits: Float64Array;
}

/** Step 2: the scores of one value range, the pieces every worker cut for it, sorted ascending. */
export interface SortRangeRequest {
  readonly type: 'sortRange';
  readonly id: number;
  readonly pieces: readonly Float64Array[];
}

/**
 * Step 3: BCE and FL of the shards `shards`, with their logits and targets (transferred: the worker
 * forgets them). A worker that does not hold them (restarted since the cut) generates them again from
 * `source`: a shard is a pure function of its source.
 */
export interface GiveRequest {
  readonly type: 'give';
  readonly id: number;
  readonly source: ShardSource;
  readonly shards: readonly number[];
}

/** Each kept shard's top-k negative candidates (engine/shards shardTopKCandidates). */
export interface TopKRequest {
  readonly type: 'topk';
  readonly id: number;
  readonly k: number;
}

/**
 * Each kept shard's sums under `params`; `supports[i]` is the hard-negative support of the i-th kept
 * shard (in the order the build listed them), absent for the uniform prior. `scratch`: keep the e_j
 * for a gradient request.
 */
export interface ForwardRequest {
  readonly type: 'forward';
  readonly id: number;
  readonly params: DRParams;
  readonly supports: readonly (Int32Array | null)[] | null;
  readonly scratch: boolean;
}

/** Each kept shard's ∂DR/∂logits from the last forward with scratch and the combined globals. */
export interface GradientRequest {
  readonly type: 'gradient';
  readonly id: number;
  readonly combined: Omit<CombinedForward, 'result'>;
}

/** Test hook: the worker shell throws an uncaught error, as a real crash would. */
export interface PoolCrashRequest {
  readonly type: 'crash';
}

export type PoolRequest =
  | BuildRequest
  | CutRequest
  | SortRangeRequest
  | GiveRequest
  | TopKRequest
  | ForwardRequest
  | GradientRequest
  | PoolCrashRequest;

/** One shard as built: its place and sizes, and, when given, its logits and targets. */
export interface BuiltShard {
  readonly shard: number;
  readonly startRow: number;
  readonly nPos: number;
  readonly nNeg: number;
  readonly logits?: Float64Array | undefined;
  readonly targets?: Int32Array | undefined;
  /** BCE and FL sums of the shard (`give`). */
  readonly objectives?: ObjectiveSums | undefined;
}

/** One part per shard the request concerned, in the order the worker holds them. */
export type PoolResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'built'; readonly id: number; readonly parts: readonly BuiltShard[] }
  | {
      readonly type: 'cut';
      readonly id: number;
      readonly parts: readonly BuiltShard[];
      /** The positive scores of every shard cut, sorted ascending. */
      readonly pos: Float64Array;
      /** The negative scores of each value range (unsorted): one piece per shard cut. */
      readonly ranges: readonly (readonly Float64Array[])[];
    }
  | { readonly type: 'sortedRange'; readonly id: number; readonly scores: Float64Array }
  | { readonly type: 'given'; readonly id: number; readonly parts: readonly BuiltShard[] }
  /** Shard `shard` of request `id` is pooled (a cut's progress; the reply comes later). */
  | { readonly type: 'progress'; readonly id: number; readonly shard: number }
  | {
      readonly type: 'candidates';
      readonly id: number;
      readonly parts: readonly { readonly shard: number; readonly candidates: TopKCandidates }[];
    }
  | {
      readonly type: 'partials';
      readonly id: number;
      readonly parts: readonly { readonly shard: number; readonly partial: ShardPartial }[];
    }
  | {
      readonly type: 'gradients';
      readonly id: number;
      readonly parts: readonly { readonly shard: number; readonly gradLogits: Float64Array }[];
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
