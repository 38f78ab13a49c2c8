/**
 * The original distribution o of Propositions 1–2 (types.ts OriginalDistribution) turned into one
 * SetPrior per set, cached per Pooled so a parameter-only update never redoes a selection.
 */
import type { SetPrior } from './kernels/tilted.ts';
import { topKIndices } from './topK.ts';
import type { OriginalDistribution, Pooled } from './types.ts';

/** The priors of the positive and the negative set. */
export interface SetPriors {
  readonly pos: SetPrior;
  readonly neg: SetPrior;
}

const UNIFORM: SetPriors = Object.freeze({ pos: null, neg: null });

/** Hard-negative supports per pNeg array: a few recent k each (a slider drags k through many values). */
const supportCache = new WeakMap<Float64Array, Map<number, Int32Array>>();
const SUPPORTS_KEPT = 4;

/**
 * Support of the hard-negative prior: positions (ascending) of the k highest-scoring negatives, ties
 * broken by lower index (drloss-math.md §3). Cached per pNeg array and k (Pooled arrays are immutable).
 */
export function hardNegativeSupport(pNeg: Float64Array, k: number): Int32Array {
  let byK = supportCache.get(pNeg);
  if (byK === undefined) {
    byK = new Map();
    supportCache.set(pNeg, byK);
  }
  const hit = byK.get(k);
  if (hit !== undefined) return hit;
  const support = topKIndices(pNeg, k);
  if (byK.size >= SUPPORTS_KEPT) byK.delete(byK.keys().next().value as number);
  byK.set(k, support);
  return support;
}

/** Drops the supports cached for `pNeg` (pool calls this before overwriting a reused array). */
export function forgetSupports(pNeg: Float64Array): void {
  supportCache.delete(pNeg);
}

interface WeightsEntry {
  readonly pooled: Pooled;
  readonly priors: SetPriors;
}
const weightsCache = new WeakMap<Float64Array, WeightsEntry>();

function gather(weights: Float64Array, index: Int32Array): Float64Array {
  const out = new Float64Array(index.length);
  for (let j = 0; j < index.length; j++) out[j] = weights[index[j]];
  return out;
}

/**
 * Per-set priors for `original`: uniform → null; hardNegative(k) → the top-k support on negatives
 * (uniform when k ≥ n−), positives uniform; weights → the user weights gathered per set.
 *
 * @throws RangeError when user weights do not have length R·K or hold a negative or non-finite value.
 */
export function setPriors(pooled: Pooled, original: OriginalDistribution): SetPriors {
  switch (original.kind) {
    case 'uniform':
      return UNIFORM;
    case 'hardNegative':
      if (original.k >= pooled.pNeg.length) return UNIFORM;
      return { pos: null, neg: { support: hardNegativeSupport(pooled.pNeg, original.k) } };
    case 'weights': {
      const w = original.weights;
      const cached = weightsCache.get(w);
      if (cached !== undefined && cached.pooled === pooled) return cached.priors;
      const n = pooled.R * pooled.K;
      if (w.length !== n) {
        throw new RangeError(`original weights must have length R·K = ${n}, got ${w.length}`);
      }
      for (let i = 0; i < n; i++) {
        const v = w[i];
        if (!(v >= 0) || v === Infinity) {
          throw new RangeError(`original weights[${i}] = ${v}: weights must be finite and ≥ 0`);
        }
      }
      const priors: SetPriors = {
        pos: { weights: gather(w, pooled.posIndex) },
        neg: { weights: gather(w, pooled.negIndex) },
      };
      weightsCache.set(w, { pooled, priors });
      return priors;
    }
  }
}
