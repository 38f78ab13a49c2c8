/**
 * The messages between the main thread (trainClient.ts) and the training worker (train.worker.ts,
 * which wraps trainHandler.ts). Types only.
 *
 * Flow: `start` replaces the training (a new generation); the worker answers `started` (the data's
 * shape and a sample of the anchors to draw), then computes ahead in chunks of steps, posting
 * `progress` after each (the chunk's metrics and score histograms, in transferred typed arrays) until
 * step S. `field` asks for each run's score over a grid of the 2-D feature plane at a recorded step
 * (head models on 2-D features only). Replies of an older generation are dropped by the client.
 * The runs are stepped by a pool of workers the training worker starts (trainPool.ts), or by the
 * training worker itself (the main-thread fallback, Node tests): the same numbers either way.
 */
import type { CandidateSource } from '../data/types.ts';
import type { DRParams } from '../engine/types.ts';
import type { RunName } from '../train/types.ts';
import type { TrainSetup } from './trainSetup.ts';

/**
 * The values recorded per run and step, in this order (one block of SERIES_FIELDS.length numbers per
 * step): loss, AP, AUC, precision and recall at 0.05 and 0.5, P̂+, P̂−. NaN where not computed.
 */
/** What the training pool (trainPool.ts) reports with each chunk: the section and tests read it. */
export interface TrainPoolReport {
  /** Workers running (at most one per run). */
  readonly workers: number;
  readonly mode: 'workers' | 'inline';
  readonly restarts: number;
}

export const SERIES_FIELDS = [
  'loss',
  'ap',
  'auc',
  'precision05',
  'precision5',
  'recall05',
  'recall5',
  'pPlus',
  'pMinus',
] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];

/** Bins of the per-step score histograms over [0, 1]: positives, then negatives. */
export const SCORE_BINS = 40;

/** Start a training: the free model's data is the set `source` describes (materialised in the worker). */
export interface TrainStartRequest {
  readonly type: 'start';
  readonly gen: number;
  readonly setup: TrainSetup;
  readonly params: DRParams;
  readonly source: CandidateSource | null;
}

/** Each run's score field at `step` on a size×size grid over `extent`. */
export interface TrainFieldRequest {
  readonly type: 'field';
  readonly gen: number;
  readonly step: number;
  readonly size: number;
}

/** Stop computing (the section went away); the training is dropped. */
export interface TrainStopRequest {
  readonly type: 'stop';
}

/**
 * The number of training pool workers for the next start (the worker's default: one per core, at
 * most one per run).
 */
export interface TrainPoolSizeRequest {
  readonly type: 'poolSize';
  readonly size: number;
}

/** Test hook: training pool worker `index` crashes as a real crash would. */
export interface TrainCrashPoolRequest {
  readonly type: 'crashPool';
  readonly index: number;
}

export type TrainRequest =
  | TrainStartRequest
  | TrainFieldRequest
  | TrainStopRequest
  | TrainPoolSizeRequest
  | TrainCrashPoolRequest;

/** The shape of what is trained. */
export interface TrainInfo {
  readonly R: number;
  readonly K: number;
  readonly d: number;
  readonly nPos: number;
  readonly nNeg: number;
  readonly steps: number;
  /** AP and AUC are computed every this many steps (and at step S). */
  readonly metricsEvery: number;
  readonly runs: readonly RunName[];
  readonly model: TrainSetup['model'];
}

/** Up to ANCHOR_SAMPLE anchors to draw: x, y and the label (1 positive of class k, 0 negative). */
export interface AnchorSample {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly label: Int8Array;
  /** The plane shown: [x0, x1] × [y0, y1]. */
  readonly extent: readonly [number, number, number, number];
}

export interface TrainStartedReply {
  readonly type: 'started';
  readonly gen: number;
  readonly info: TrainInfo;
  /** null for the free model (no features). */
  readonly anchors: AnchorSample | null;
}

/** Steps from…to−1 of every run (in info.runs order). */
export interface TrainProgressReply {
  readonly type: 'progress';
  readonly gen: number;
  readonly from: number;
  readonly to: number;
  /** Per run: (to − from) × SERIES_FIELDS.length values. */
  readonly series: readonly Float64Array[];
  /** Per run: (to − from) × 2 × SCORE_BINS shares (positives' bins, then negatives'; each sums to 1). */
  readonly hist: readonly Float32Array[];
  /** Per run: why it stopped, or null. */
  readonly diverged: readonly (string | null)[];
  /** Milliseconds the chunk took. */
  readonly ms: number;
  /** The training pool that computed it; absent when the training worker stepped the runs itself. */
  readonly pool?: TrainPoolReport | undefined;
}

export interface TrainFieldReply {
  readonly type: 'field';
  readonly gen: number;
  readonly step: number;
  readonly size: number;
  /** Per run: size × size scores σ(x) (row 0 = top, y1), the largest over the classes. */
  readonly fields: readonly Float32Array[];
}

export interface TrainErrorReply {
  readonly type: 'error';
  readonly gen: number;
  readonly message: string;
}

/** Something worth telling about the computing (a crashed pool worker and its restart). */
export interface TrainNoticeReply {
  readonly type: 'notice';
  readonly gen: number;
  readonly text: string;
}

export type TrainReply =
  TrainStartedReply | TrainProgressReply | TrainFieldReply | TrainErrorReply | TrainNoticeReply;
