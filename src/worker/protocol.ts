/**
 * The messages between the main thread (client.ts) and the engine worker (engine.worker.ts, which
 * wraps handler.ts). Types only: both sides import this file, neither imports the other.
 *
 * Flow: the worker posts `ready` once its module has loaded. The client then sends `load` (a candidate
 * source + parameters: the worker materialises and pools the candidates, caches everything that
 * depends on the scores alone, and explains) and, for every later parameter change, `evaluate`
 * (parameters only); `baseline` explains the pinned baseline A in a slot of its own. Every request carries a generation number; each reply echoes it, so the client
 * can drop anything older than what it shows. A `load` the pool of workers builds posts `progress`
 * before its result, and that result before BCE and FL are known (`explained.bce` / `focal` null):
 * `objectives` follows with them once the pool has computed them.
 */
import type { KernelPath } from '../engine/index.ts';
import type { DRResult } from '../engine/types.ts';
// The shared contracts (types only): the worker materialises the candidate source they describe and
// answers with what the panels draw.
import type { AppParams } from '../params/types.ts';
import type { CandidateSource } from '../data/types.ts';
import type { BceTotals, ExplainerData, FocalTotal } from '../explain/types.ts';

/** Replace the cached candidates with `source` (materialised in the worker) and explain `params`. */
export interface LoadRequest {
  readonly type: 'load';
  readonly gen: number;
  readonly source: CandidateSource;
  readonly params: AppParams;
  /**
   * Workers of the pool that builds a detection-scale set (poolLoad.ts); absent: one per core, at
   * most 4. The explanation is the same for every size; this is for tests and benchmarks.
   */
  readonly poolSize?: number;
}

/** Explain `params` on the cached candidates: the message of every slider step. */
export interface EvaluateRequest {
  readonly type: 'evaluate';
  readonly gen: number;
  readonly params: AppParams;
}

/**
 * Test hook: the worker shell throws an uncaught error, as a real crash (out of memory, a bug) would.
 * The main-thread fallback ignores it.
 */
export interface CrashRequest {
  readonly type: 'crash';
  /**
   * 'pool': instead, the first worker of the engine worker's pool crashes (engineService.ts); the
   * pool restarts at its next build. Absent: the engine worker itself.
   */
  readonly target?: 'pool';
}

/**
 * Start the engine worker's pool of workers now, so that a later detection-scale load finds them
 * ready (engineService's warm). The page sends it in an idle period after its first readout: sent
 * with the first result, the workers' start competed with the readout's render for the cores.
 * The main-thread fallback has no pool and ignores it.
 */
export interface WarmRequest {
  readonly type: 'warm';
}

/**
 * Explain `params` for the pinned baseline A, in a second slot that `load` and `evaluate` never
 * touch. `source`: 'main', the set the main slot holds now (A pinned on the current set: nothing is
 * materialised twice); 'kept', the set this slot holds already; or a set to materialise into it.
 */
export interface BaselineRequest {
  readonly type: 'baseline';
  readonly gen: number;
  readonly params: AppParams;
  readonly source: CandidateSource | 'main' | 'kept';
}

export type EngineRequest =
  LoadRequest | EvaluateRequest | BaselineRequest | CrashRequest | WarmRequest;

/** Shape of the cached set: R rows × K classes; nPos + nNeg = entries that are not ignored. */
export interface SetInfo {
  readonly R: number;
  readonly K: number;
  readonly nPos: number;
  readonly nNeg: number;
}

/** Sent once by the worker when its module has loaded (tells "started" apart from "never started"). */
export interface ReadyResponse {
  readonly type: 'ready';
  /** The engine's kernel path in the worker: WebAssembly SIMD, or TypeScript where SIMD is missing. */
  readonly kernel: KernelPath;
}

export interface ResultResponse {
  readonly type: 'result';
  readonly gen: number;
  /** Present when it answers a BaselineRequest. */
  readonly slot?: 'baseline';
  /** The DR loss and its scalars (the same object as `explained.result`). */
  readonly result: DRResult;
  readonly info: SetInfo;
  /** The parameters of the request this answers (the panels draw `explained` with these). */
  readonly params: AppParams;
  /**
   * Everything the explainer panels draw (src/viz/types.ts). Its typed arrays are the reply's own
   * (never the worker cache's) and are transferred: per-entry detail for sets of at most
   * DETAIL_LIMIT entries, 40-bin histograms always.
   */
  readonly explained: ExplainerData;
  /** Present when a pool of workers built the set of this `load` (detection scale). */
  readonly pool?: PoolReport;
  /** Milliseconds spent in the worker: materialising + pooling (0 for `evaluate`), and explaining. */
  readonly loadMs: number;
  readonly evaluateMs: number;
  /**
   * True when the worker had computed this reply before the request came (a first visit's load,
   * worker/firstLoad.ts): its loadMs and evaluateMs were spent then, not within the round trip.
   */
  readonly ahead?: boolean;
}

/** How a pool built a set: its workers ('inline': it fell back to one thread), shards and restarts. */
export interface PoolReport {
  readonly workers: number;
  readonly mode: 'workers' | 'inline';
  readonly shards: number;
  readonly restarts: number;
}

/**
 * How far a `load` built by the pool of workers has come (a detection-scale set): posted while it
 * runs, before its result. `done` of `total` shards generated and pooled; phase 'sort' once they all
 * are (the scores are then sorted and the set explained).
 */
export interface ProgressResponse {
  readonly type: 'progress';
  readonly gen: number;
  readonly phase: 'shards' | 'sort';
  readonly done: number;
  readonly total: number;
  /** Entries of the set (R·K). */
  readonly entries: number;
}

/**
 * BCE and FL of the set a pooled `load` built, computed by the pool after the load's result went out
 * with them null (the readouts that need them waited ~250 ms for nothing else). `gen`: the newest
 * result for this set the worker has sent (the load's, or an `evaluate`'s answered meanwhile: BCE
 * and FL depend on the set alone). Posted before any reply to a later `load` or `baseline`.
 */
export interface ObjectivesResponse {
  readonly type: 'objectives';
  readonly gen: number;
  readonly bce: BceTotals;
  readonly focal: FocalTotal;
}

/** A request the handler could not serve (bad source, nothing loaded); the worker keeps running. */
export interface ErrorResponse {
  readonly type: 'error';
  readonly gen: number;
  readonly message: string;
}

export type EngineResponse =
  ReadyResponse | ResultResponse | ProgressResponse | ObjectivesResponse | ErrorResponse;
