/**
 * The messages between the main thread (client.ts) and the engine worker (engine.worker.ts, which
 * wraps handler.ts). Types only: both sides import this file, neither imports the other.
 *
 * Flow: the worker posts `ready` once its module has loaded. The client then sends `load` (a candidate
 * source + parameters: the worker materialises and pools the candidates, caches the pooled sigmoids and
 * evaluates) and, for every later parameter change, `evaluate` (parameters only). Every request carries
 * a generation number; each reply echoes it, so the client can drop anything older than what it shows.
 */
import type { DRParams, DRResult } from '../engine/types.ts';
// The shared state contract (types only): the worker materialises the candidate source it describes.
import type { CandidateSource } from '../state/types.ts';

/**
 * How much a reply carries besides the scalars: 'entries' adds per-entry typed arrays (p, q and the
 * gradients), transferred, for sets small enough to draw mark by mark.
 */
export type DetailLevel = 'scalars' | 'entries';

/** Replace the cached candidates with `source` (materialised in the worker) and evaluate `params`. */
export interface LoadRequest {
  readonly type: 'load';
  readonly gen: number;
  readonly source: CandidateSource;
  readonly params: DRParams;
  readonly detail: DetailLevel;
}

/** Evaluate `params` on the cached candidates: the message of every slider step. */
export interface EvaluateRequest {
  readonly type: 'evaluate';
  readonly gen: number;
  readonly params: DRParams;
  readonly detail: DetailLevel;
}

/**
 * Test hook: the worker shell throws an uncaught error, as a real crash (out of memory, a bug) would.
 * The main-thread fallback ignores it.
 */
export interface CrashRequest {
  readonly type: 'crash';
}

export type EngineRequest = LoadRequest | EvaluateRequest | CrashRequest;

/** Shape of the cached set: R rows × K classes; nPos + nNeg = entries that are not ignored. */
export interface SetInfo {
  readonly R: number;
  readonly K: number;
  readonly nPos: number;
  readonly nNeg: number;
}

/**
 * Per-entry arrays of one evaluation (present when the request asked for 'entries'); each buffer is
 * the reply's own copy and is transferred, never shared with the worker's cache.
 * Positive arrays have length nPos, negative ones nNeg, gradLogits R·K.
 */
export interface EntryArrays {
  readonly posIndex: Int32Array;
  readonly negIndex: Int32Array;
  readonly pPos: Float64Array;
  readonly pNeg: Float64Array;
  readonly qPos: Float64Array;
  readonly qNeg: Float64Array;
  readonly gradPPos: Float64Array;
  readonly gradPNeg: Float64Array;
  readonly gradLogits: Float64Array;
}

/** Sent once by the worker when its module has loaded (tells "started" apart from "never started"). */
export interface ReadyResponse {
  readonly type: 'ready';
}

export interface ResultResponse {
  readonly type: 'result';
  readonly gen: number;
  readonly result: DRResult;
  readonly info: SetInfo;
  /** Milliseconds spent in the worker: materialising + pooling (0 for `evaluate`), and evaluating. */
  readonly loadMs: number;
  readonly evaluateMs: number;
  readonly entries?: EntryArrays;
}

/** A request the handler could not serve (bad source, nothing loaded); the worker keeps running. */
export interface ErrorResponse {
  readonly type: 'error';
  readonly gen: number;
  readonly message: string;
}

export type EngineResponse = ReadyResponse | ResultResponse | ErrorResponse;
