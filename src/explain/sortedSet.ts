/**
 * One set's scores sorted once per prepared set, with everything the explainer reads from them on every
 * parameter change as index ranges: the 40 bins, the hardest 1 % (a suffix), the segments of the fused
 * tilted pass and the block sums of the pairwise hinge. A slider step then costs one pass over the
 * scores (engine tiltedSegmentSums) and binary searches, never a selection or a re-binning.
 */
import {
  cellMoments,
  compensatedSum,
  segmentEnds,
  sortAscending,
  type CellMoments,
} from '../engine/index.ts';
import { blockSums } from '../engine/objectives/index.ts';

/** The hardest fraction the share is reported for (1 %). */
export const HARDEST_FRACTION = 0.01;

/** How many negatives the hardest 1 % is: ⌈0.01·n−⌉, at least 1 for a non-empty set. */
export function hardestCount(nNeg: number): number {
  return nNeg === 0 ? 0 : Math.max(1, Math.ceil(HARDEST_FRACTION * nNeg));
}

/** Bin of a score p ∈ [0, 1] among `bins` equal bins; p = 1 goes in the last bin, p < 0 in the first. */
export function binOf(p: number, bins: number): number {
  const b = Math.floor(p * bins);
  return b < 0 ? 0 : b >= bins ? bins - 1 : b;
}

/** A set's scores in ascending order and the index ranges derived from them. */
export interface SortedSet {
  /** The scores, ascending. */
  readonly p: Float64Array;
  readonly n: number;
  /** (1/n)·Σ p, compensated; 0 for an empty set. */
  readonly mean: number;
  readonly bins: number;
  /** binStart[b] = first index whose score is in bin ≥ b (binOf); binStart[bins] = n. */
  readonly binStart: Int32Array;
  /** n − ⌈1 %⌉: the hardest 1 % (highest scores) is p[hardestStart..n). */
  readonly hardestStart: number;
  /** Segment ends for tiltedSegmentSums: every bin start, hardestStart, and blocks of 1024. */
  readonly ends: Int32Array;
  /** Σ of each block of 1024 sorted scores (for pairwiseHingeSorted). */
  readonly blockSums: Float64Array;
  /**
   * The scores' cell moments for `ends` (engine cells.ts), when the set is large and its scores fall in
   * at most n/8 cells: the fused pass then costs O(cells) per parameter change instead of O(n).
   */
  readonly cells: CellMoments | null;
}

/** Sets from this size up get cell moments (below it a pass per score costs a few ms at most). */
export const CELLS_MIN_SCORES = 1 << 16;
/** Cells are kept only when each holds this many scores on average (a cell costs ~6 scores' work). */
const SCORES_PER_CELL = 8;

function cellsOf(p: Float64Array, ends: Int32Array): CellMoments | null {
  if (p.length < CELLS_MIN_SCORES) return null;
  const cells = cellMoments(p, ends);
  return cells.count * SCORES_PER_CELL <= p.length ? cells : null;
}

/**
 * Sorts `scores` (a copy) and derives the ranges of SortedSet for `bins` equal bins on [0, 1]. The
 * hardest 1 % as a suffix holds the same scores as the ⌈1 %⌉ highest with ties to the lower position
 * (equal scores are interchangeable in every sum taken over them).
 */
export function sortedSet(scores: Float64Array, bins: number): SortedSet {
  return sortedSetOf(sortAscending(scores), bins);
}

/**
 * sortedSet of scores already in ascending order (sortAscending's output, or the merge of a pool's
 * sorted shards): `p` is kept, not copied, and must not be changed afterwards.
 */
export function sortedSetOf(p: Float64Array, bins: number): SortedSet {
  const n = p.length;
  const binStart = new Int32Array(bins + 1);
  for (let b = 1; b <= bins; b++) binStart[b] = firstInBin(p, b, bins, binStart[b - 1]);
  const hardestStart = n - hardestCount(n);
  const ends = segmentEnds(n, [...binStart, hardestStart]);
  return {
    p,
    n,
    // ascending: the small terms first
    mean: n > 0 ? compensatedSum(p) / n : 0,
    bins,
    binStart,
    hardestStart,
    ends,
    blockSums: blockSums(p),
    cells: cellsOf(p, ends),
  };
}

/** First index ≥ lo of ascending p whose bin is ≥ b (binOf is monotone in p). */
function firstInBin(p: Float64Array, b: number, bins: number, lo: number): number {
  let hi = p.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (binOf(p[mid], bins) < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
