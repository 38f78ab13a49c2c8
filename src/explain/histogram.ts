/**
 * Score histograms of one set on [0, 1]: plain counts and the mass of o and of q per bin (the panels'
 * "original vs reweighted distribution" when there are too many entries to draw one by one). The set
 * is sorted once (sortedSet.ts), so each bin is an index range and its masses come from the fused
 * pass's segment sums: no per-entry work when the parameters change.
 */
import { SEG_LEN, SEG_S, SUM_S, additionError } from '../engine/index.ts';
import type { SetPrior } from '../engine/index.ts';
import type { SortedSet } from './sortedSet.ts';

/** Bins of every histogram the explainer computes (the issue: 40 bins on [0, 1]). */
export const HISTOGRAM_BINS = 40;

/** Edges b/bins, b = 0..bins, from exactly 0 to exactly 1. */
export function binEdges(bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = b / bins;
  return edges;
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

/** count[b] = number of scores in bin b (index ranges of the sorted set). */
export function binCounts(set: SortedSet): Float64Array {
  const count = new Float64Array(set.bins);
  for (let b = 0; b < set.bins; b++) count[b] = set.binStart[b + 1] - set.binStart[b];
  return count;
}

/**
 * oMass[b] = Σ_{j in b} o_j for o uniform over the sorted scores p[from..n): 1/n on every score for
 * from = 0 (the uniform prior), 1/k on the k highest for from = n − k (the hard-negative prior, whose
 * support holds the k highest scores). Sums to 1 for a non-empty support, zeros otherwise.
 */
export function originalMass(set: SortedSet, from: number): Float64Array {
  const mass = new Float64Array(set.bins);
  const k = set.n - from;
  if (k <= 0) return mass;
  for (let b = 0; b < set.bins; b++) {
    const inSupport = set.binStart[b + 1] - Math.max(set.binStart[b], from);
    if (inSupport > 0) mass[b] = inSupport / k;
  }
  return mass;
}

/**
 * qMass[b] = Σ_{j in b} q_j = Σ_{segments in b} Σe / S from tiltedSegmentSums' output for this set
 * (every bin edge is a segment end), each bin's sum Neumaier-compensated. Zeros when S = 0.
 */
export function tiltedMass(set: SortedSet, seg: Float64Array, sums: Float64Array): Float64Array {
  const mass = new Float64Array(set.bins);
  const S = sums[SUM_S];
  if (!(S > 0)) return mass;
  const comp = new Float64Array(set.bins);
  const { ends, binStart } = set;
  let b = 0;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    while (binStart[b + 1] <= start) b++;
    const v = seg[SEG_LEN * i + SEG_S];
    const s = mass[b];
    const t = s + v;
    comp[b] += additionError(s, v, t);
    mass[b] = t;
    start = ends[i];
  }
  const inv = 1 / S;
  for (let c = 0; c < set.bins; c++) mass[c] = (mass[c] + comp[c]) * inv;
  return mass;
}
