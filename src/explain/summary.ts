/**
 * Per-set summaries the panels mark on the score axis: size, plain mean, the mean under o (the λ → ∞
 * limit of P̂±),
 * extremes, and the o/q histogram, from the set sorted once and the current fused pass.
 */
import { compensatedSum } from '../engine/index.ts';
import type { SetSummary } from './types.ts';
import { binCounts, binEdges, originalMass, tiltedMass } from './histogram.ts';
import type { SortedSet } from './sortedSet.ts';

/**
 * The SetSummary of a sorted set under the current parameters: n, mean, min, max (0 for an empty set,
 * never NaN or ±Infinity), 40-bin counts, oMass of o uniform over p[from..n) and qMass from the fused
 * pass's `seg`/`sums`. Every array is fresh (the result may be transferred out of a worker).
 */
export function setSummary(
  set: SortedSet,
  from: number,
  seg: Float64Array,
  sums: Float64Array,
): SetSummary {
  const { n, p } = set;
  return {
    n,
    mean: set.mean,
    priorMean: from > 0 && from < n ? compensatedSum(p.subarray(from)) / (n - from) : set.mean,
    min: n > 0 ? p[0] : 0,
    max: n > 0 ? p[n - 1] : 0,
    hist: {
      edges: binEdges(set.bins),
      count: binCounts(set),
      oMass: originalMass(set, from),
      qMass: tiltedMass(set, seg, sums),
    },
  };
}
