/**
 * What repeated evaluations of one Pooled problem may reuse, in an object the caller owns and passes
 * in: a slider drag evaluates one problem under many parameters, and some work depends on fewer of
 * them than the whole (the hard-negative support on k alone, a set's sums on its own λ and prior).
 * Nothing is remembered anywhere else: an evaluation without a cache recomputes everything, with the
 * same numbers bit for bit.
 */
import type { Pooled, SetPriors } from './types.ts';

/** The sums of one set under one λ and prior (the prior by the identity of its array; null: uniform). */
export interface SetSumsMemo {
  readonly lambda: number;
  readonly priorKey: Int32Array | Float64Array | null;
  /** Layout of kernels/layout.ts SUM_*. */
  readonly sums: Float64Array;
}

/**
 * The memo of one Pooled problem, filled by evaluate, evaluateScalars and setPriors. Its fields are
 * the engine's to read and write; a caller only creates it (createEvaluateCache), passes it, and drops
 * it. A cache follows one problem at a time: passed with another Pooled, it forgets the old one's
 * entries first, so a stale entry can never be read (pool's `reuse` makes a new Pooled too). Holds
 * O(SUPPORTS_KEPT·k) integers and two small vectors; not for concurrent use (the engine is
 * synchronous, so any number of sequential calls may share it).
 */
export interface EvaluateCache {
  /** The problem the entries below describe (null: none yet). */
  pooled: Pooled | null;
  /** Hard-negative supports by k, the SUPPORTS_KEPT most recently computed. */
  readonly supports: Map<number, Int32Array>;
  /** The priors gathered from the last user weights, by the identity of their array. */
  weights: { readonly key: Float64Array; readonly priors: SetPriors } | null;
  /** Each set's last sums, reused by scalars-only evaluations whose λ and prior for it are the same. */
  neg: SetSumsMemo | null;
  pos: SetSumsMemo | null;
}

/** Hard-negative supports kept per cache: a slider drags k through many values. */
export const SUPPORTS_KEPT = 4;

/** An empty cache, for any problem. */
export function createEvaluateCache(): EvaluateCache {
  return { pooled: null, supports: new Map(), weights: null, neg: null, pos: null };
}

/** `cache` emptied unless it already describes `pooled`, and bound to it. */
export function cacheFor(cache: EvaluateCache, pooled: Pooled): EvaluateCache {
  if (cache.pooled !== pooled) {
    cache.pooled = pooled;
    cache.supports.clear();
    cache.weights = null;
    cache.neg = null;
    cache.pos = null;
  }
  return cache;
}
