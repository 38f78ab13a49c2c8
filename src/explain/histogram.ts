/**
 * Score histograms of one set on [0, 1]: plain counts and the mass of o and of q per bin (the panels'
 * "original vs reweighted distribution" when there are too many entries to draw one by one).
 * Direct typed-array loops over up to 8·10⁶ entries, no per-entry allocation. The bin of each entry
 * depends only on its score, so callers compute it once per set (`binEntries`) and only re-sum the
 * masses when the parameters change.
 */
import type { SetPrior } from '../engine/index.ts';
import type { ScoreHistogram } from '../viz/types.ts';

/** Bins of every histogram the explainer computes (the issue: 40 bins on [0, 1]). */
export const HISTOGRAM_BINS = 40;

/** Bin of a score p ∈ [0, 1] among `bins` equal bins; p = 1 goes in the last bin, p < 0 in the first. */
export function binOf(p: number, bins: number): number {
  const b = Math.floor(p * bins);
  return b < 0 ? 0 : b >= bins ? bins - 1 : b;
}

/** The bin of every score (bins ≤ 65,536). */
export function binEntries(p: Float64Array, bins: number): Uint16Array {
  const out = new Uint16Array(p.length);
  for (let j = 0; j < p.length; j++) out[j] = binOf(p[j], bins);
  return out;
}

/** Edges b/bins, b = 0..bins, from exactly 0 to exactly 1. */
export function binEdges(bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = b / bins;
  return edges;
}

/** count[b] = #{j : bin_j = b}. */
export function binCounts(bin: Uint16Array, bins: number): Float64Array {
  const count = new Float64Array(bins);
  for (let j = 0; j < bin.length; j++) count[bin[j]]++;
  return count;
}

/**
 * mass[b] = Σ_{j : bin_j = b} w_j over the first bin.length entries (or only the positions in `only`),
 * each bin's sum Neumaier-compensated (millions of entries may share one bin).
 */
export function binMass(
  bin: Uint16Array,
  w: Float64Array,
  bins: number,
  scale = 1,
  only: Int32Array | null = null,
): Float64Array {
  const sum = new Float64Array(bins);
  const comp = new Float64Array(bins);
  const n = only === null ? bin.length : only.length;
  for (let i = 0; i < n; i++) {
    const j = only === null ? i : only[i];
    const b = bin[j];
    const v = w[j] * scale;
    const s = sum[b];
    const t = s + v;
    comp[b] += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    sum[b] = t;
  }
  for (let b = 0; b < bins; b++) sum[b] += comp[b];
  return sum;
}

/**
 * oMass[b] = Σ_{j in b} o_j, with o from the engine's prior of the set: null = uniform 1/n (count/n);
 * a support = 1/k on its k positions; weights normalised to sum 1 (all-zero weights = uniform, as
 * the engine). Sums to 1 for a non-empty set, zeros for an empty one.
 */
export function originalMass(
  prior: SetPrior,
  bin: Uint16Array,
  count: Float64Array,
  bins: number,
): Float64Array {
  const n = bin.length;
  if (n === 0) return new Float64Array(bins);
  if (prior !== null && 'support' in prior) {
    const k = prior.support.length;
    const ones = new Float64Array(n).fill(1);
    return binMass(bin, ones, bins, 1 / k, prior.support);
  }
  if (prior !== null) {
    let total = 0;
    for (let j = 0; j < n; j++) total += prior.weights[j];
    if (total > 0) return binMass(bin, prior.weights, bins, 1 / total);
  }
  const out = new Float64Array(bins);
  for (let b = 0; b < bins; b++) out[b] = count[b] / n;
  return out;
}

/**
 * The whole histogram of scores `p` in one call: edges, count, oMass (see originalMass) and
 * qMass[b] = Σ_{j in b} q_j for the engine's normalised q of the set.
 */
export function scoreHistogram(
  p: Float64Array,
  q: Float64Array,
  prior: SetPrior,
  bins: number = HISTOGRAM_BINS,
): ScoreHistogram {
  const bin = binEntries(p, bins);
  const count = binCounts(bin, bins);
  return {
    edges: binEdges(bins),
    count,
    oMass: originalMass(prior, bin, count, bins),
    qMass: binMass(bin, q, bins),
  };
}

/**
 * o_j of every entry of a set, from the engine's prior (same rules as originalMass): for the
 * per-entry detail arrays. Writes into `out` (length ≥ n) and returns it.
 */
export function originalInto(prior: SetPrior, n: number, out: Float64Array): Float64Array {
  if (n === 0) return out;
  if (prior === null) {
    out.fill(1 / n, 0, n);
  } else if ('support' in prior) {
    out.fill(0, 0, n);
    const k = prior.support.length;
    for (let i = 0; i < k; i++) out[prior.support[i]] = 1 / k;
  } else {
    let total = 0;
    for (let j = 0; j < n; j++) total += prior.weights[j];
    for (let j = 0; j < n; j++) out[j] = total > 0 ? prior.weights[j] / total : 1 / n;
  }
  return out;
}
