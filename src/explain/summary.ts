/**
 * Per-set summaries the panels mark on the score axis: size, plain mean (the λ → ∞ limit of P̂±),
 * extremes, and the o/q histogram. The score-only part is computed once per set (`SetBase`); only
 * the masses are re-summed when the parameters change.
 */
import { compensatedSum, type SetPrior } from '../engine/index.ts';
import type { SetSummary } from '../viz/types.ts';
import { binCounts, binEdges, binEntries, binMass, originalMass } from './histogram.ts';

/** What depends on the scores alone. */
export interface SetBase {
  readonly n: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly bins: number;
  readonly edges: Float64Array;
  /** Bin of each entry. */
  readonly bin: Uint16Array;
  readonly count: Float64Array;
}

/**
 * n, mean = (1/n)·Σ p_j (compensated), min, max and the binning of one set's scores. An empty set has
 * n = 0 and mean = min = max = 0 (never NaN or ±Infinity).
 */
export function setBase(p: Float64Array, bins: number): SetBase {
  const n = p.length;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = p[j];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const bin = binEntries(p, bins);
  return {
    n,
    mean: n > 0 ? compensatedSum(p) / n : 0,
    min: n > 0 ? min : 0,
    max: n > 0 ? max : 0,
    bins,
    edges: binEdges(bins),
    bin,
    count: binCounts(bin, bins),
  };
}

/**
 * The SetSummary of a set under the current parameters: its base plus oMass (from the prior) and
 * qMass (from the engine's q). Arrays are fresh copies (the result may be transferred).
 */
export function setSummary(base: SetBase, q: Float64Array, prior: SetPrior): SetSummary {
  return {
    n: base.n,
    mean: base.mean,
    min: base.min,
    max: base.max,
    hist: {
      edges: base.edges.slice(),
      count: base.count.slice(),
      oMass: originalMass(prior, base.bin, base.count, base.bins),
      qMass: binMass(base.bin, q, base.bins),
    },
  };
}
