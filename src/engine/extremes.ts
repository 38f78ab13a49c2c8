/**
 * The extreme scores of a Pooled problem that the shifted softmaxes need (max p− for q−, min p+ for
 * q+): parameter-independent, so `pool` records them while it computes the sigmoids and `evaluate`
 * skips a pass over the data. Keyed by the Pooled object, which is immutable by contract.
 */
import { maxOf, minOf } from './kernels/tilted.ts';
import type { Pooled } from './types.ts';

/** min p over the positive set (Infinity when empty) and max p over the negative set (−Infinity). */
export interface PooledExtremes {
  readonly posMin: number;
  readonly negMax: number;
}

const cache = new WeakMap<Pooled, PooledExtremes>();

/** Records the extremes `pool` found (they must be exact: they shift every exponent). */
export function rememberExtremes(pooled: Pooled, extremes: PooledExtremes): void {
  cache.set(pooled, extremes);
}

/** The extremes of `pooled`, computed (one pass per set) and cached when `pool` did not record them. */
export function pooledExtremes(pooled: Pooled): PooledExtremes {
  let e = cache.get(pooled);
  if (e === undefined) {
    e = { posMin: minOf(pooled.pPos), negMax: maxOf(pooled.pNeg) };
    cache.set(pooled, e);
  }
  return e;
}
