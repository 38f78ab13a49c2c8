/**
 * The original distribution o of Propositions 1–2 (types.ts OriginalDistribution) turned into one
 * SetPrior per set; with a caller's EvaluateCache, a parameter-only update never redoes a selection.
 */
import { SUPPORTS_KEPT, cacheFor } from './evaluateCache.ts';
import type { EvaluateCache } from './evaluateCache.ts';
import { topKIndices } from './topK.ts';
import type { OriginalDistribution, Pooled, SetPriors } from './types.ts';

const UNIFORM: SetPriors = Object.freeze({ pos: null, neg: null });

/**
 * Support of the hard-negative prior: positions (ascending) of the k highest-scoring negatives, ties
 * broken by lower index (docs/maths.md §3). Expected O(n−); allocates the result.
 */
export function hardNegativeSupport(pNeg: Float64Array, k: number): Int32Array {
  return topKIndices(pNeg, k);
}

/** hardNegativeSupport of pooled.pNeg, from `cache` when it holds this k. */
function cachedSupport(pooled: Pooled, k: number, cache: EvaluateCache | undefined): Int32Array {
  if (cache === undefined) return hardNegativeSupport(pooled.pNeg, k);
  const { supports } = cacheFor(cache, pooled);
  const hit = supports.get(k);
  if (hit !== undefined) return hit;
  const support = hardNegativeSupport(pooled.pNeg, k);
  if (supports.size >= SUPPORTS_KEPT) supports.delete(supports.keys().next().value as number);
  supports.set(k, support);
  return support;
}

function gather(weights: Float64Array, index: Int32Array): Float64Array {
  const out = new Float64Array(index.length);
  for (let j = 0; j < index.length; j++) out[j] = weights[index[j]];
  return out;
}

/** The priors of user weights (checked against the problem), gathered per set. */
function weightPriors(pooled: Pooled, w: Float64Array): SetPriors {
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
  return {
    pos: { weights: gather(w, pooled.posIndex) },
    neg: { weights: gather(w, pooled.negIndex) },
  };
}

/**
 * Per-set priors for `original`: uniform → null; hardNegative(k) → the top-k support on negatives
 * (uniform when k ≥ n−), positives uniform; weights → the user weights gathered per set.
 * `cache` (optional, caller-owned: createEvaluateCache) keeps the last few supports and the last
 * weights' priors of `pooled`; user weights are then taken to be unchanged while their array is the
 * same object. Without it, every call selects and gathers anew.
 *
 * @throws RangeError when user weights do not have length R·K or hold a negative or non-finite value.
 */
export function setPriors(
  pooled: Pooled,
  original: OriginalDistribution,
  cache?: EvaluateCache,
): SetPriors {
  switch (original.kind) {
    case 'uniform':
      return UNIFORM;
    case 'hardNegative':
      if (original.k >= pooled.pNeg.length) return UNIFORM;
      return { pos: null, neg: { support: cachedSupport(pooled, original.k, cache) } };
    case 'weights': {
      const w = original.weights;
      if (cache === undefined) return weightPriors(pooled, w);
      const c = cacheFor(cache, pooled);
      if (c.weights !== null && c.weights.key === w) return c.weights.priors;
      const priors = weightPriors(pooled, w);
      c.weights = { key: w, priors };
      return priors;
    }
  }
}
