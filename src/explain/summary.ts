/**
 * Per-set summaries the panels mark on the score axis: size, plain mean (the λ → ∞ limit of P̂±),
 * extremes, and the o/q histogram. The score-only part is computed once per set (`SetBase`); only
 * the masses are re-summed when the parameters change.
 */
import type { SetPrior } from '../engine/index.ts';
import type { SetSummary } from '../viz/types.ts';
import { binEdges, binMass, binOf, originalMass } from './histogram.ts';

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
  const bin = new Uint16Array(n);
  const count = new Float64Array(bins);
  let min = Infinity;
  let max = -Infinity;
  // One fused pass (8·10⁶ entries at detection scale): extremes, bin, count and a Neumaier sum.
  let sum = 0;
  let comp = 0;
  for (let j = 0; j < n; j++) {
    const v = p[j];
    if (v < min) min = v;
    if (v > max) max = v;
    const b = binOf(v, bins);
    bin[j] = b;
    count[b]++;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return {
    n,
    mean: n > 0 ? (sum + comp) / n : 0,
    min: n > 0 ? min : 0,
    max: n > 0 ? max : 0,
    bins,
    edges: binEdges(bins),
    bin,
    count,
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
