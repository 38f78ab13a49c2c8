/**
 * The messages between the training worker's pool (trainPool.ts) and each of its workers
 * (trainPool.worker.ts, which wraps trainPoolHandler.ts). Types only.
 *
 * The three runs are independent: a worker is given the training (the same start the training worker
 * got) and the runs it owns, steps them on its own, chunk by chunk, and posts each chunk's rows; the
 * pool puts the runs' rows side by side. `from` > 0 (a replay after a crash) makes the worker compute
 * steps 0…from−1 again without posting them: the same numbers, since a run is a pure function of its
 * start.
 */
import type { CandidateSource } from '../data/types.ts';
import type { DRParams } from '../engine/types.ts';
import type { RunName } from '../train/types.ts';
import type { TrainSetup } from './trainFields.ts';

export interface TrainPoolStartRequest {
  readonly type: 'start';
  /** The pool's own counter: rows of an older start (or of a worker since replaced) are dropped. */
  readonly job: number;
  readonly setup: TrainSetup;
  readonly params: DRParams;
  readonly source: CandidateSource | null;
  /** The runs this worker steps (a subset of the training's, in RUN_NAMES order). */
  readonly runs: readonly RunName[];
  /** The first step to post. */
  readonly from: number;
}

/** Drop the training (a newer one replaces it, or the section went away). */
export interface TrainPoolStopRequest {
  readonly type: 'stop';
}

/** Test hook: the worker shell throws an uncaught error, as a real crash would. */
export interface TrainPoolCrashRequest {
  readonly type: 'crash';
}

export type TrainPoolRequest = TrainPoolStartRequest | TrainPoolStopRequest | TrainPoolCrashRequest;

/** One run's rows of steps from…to−1. */
export interface TrainPoolRunRows {
  readonly name: RunName;
  /** (to − from) × SERIES_FIELDS.length values. */
  readonly series: Float64Array;
  /** (to − from) × 2 × SCORE_BINS shares. */
  readonly hist: Float32Array;
  /** The head models' θ of each step, (to − from) × θ's length (the heat map's input); null for free. */
  readonly theta: Float64Array | null;
  /** Why the run stopped, and the step at which it did (−1 while it trains). */
  readonly diverged: string | null;
  readonly divergedAt: number;
}

export type TrainPoolReply =
  | { readonly type: 'ready' }
  | {
      readonly type: 'rows';
      readonly job: number;
      readonly from: number;
      readonly to: number;
      readonly runs: readonly TrainPoolRunRows[];
      /** Milliseconds the chunk took. */
      readonly ms: number;
    }
  | { readonly type: 'error'; readonly job: number; readonly message: string };
