/**
 * Classification recovery (paper §3.3, docs/maths.md §5): P̂+ − P̂− ≥ γ with scores in [0,1] implies
 * P̂+ ≥ γ and P̂− ≤ 1 − γ, so one global threshold separates the classes. These counts show how many
 * individual entries are on the right side of those thresholds.
 */
import { lowerBound, upperBound } from '../sorted.ts';

/** Counts of entries on the right side of the §3.3 thresholds. */
export interface RecoveryCounts {
  /** #{positive entries with p ≥ γ}. */
  readonly posAbove: number;
  /** n+, the number of positive entries. */
  readonly posTotal: number;
  /** #{negative entries with p ≤ 1 − γ}. */
  readonly negBelow: number;
  /** n−, the number of negative entries. */
  readonly negTotal: number;
}

/**
 * Counts the positives with p ≥ γ and the negatives with p ≤ 1 − γ (§3.3), with the set sizes.
 *
 * @param pPos scores σ(x) of the positive entries (Pooled.pPos).
 * @param pNeg scores of the negative entries (Pooled.pNeg).
 * @param margin γ.
 */
export function recoveryCounts(
  pPos: Float64Array,
  pNeg: Float64Array,
  margin: number,
): RecoveryCounts {
  let posAbove = 0;
  for (let i = 0; i < pPos.length; i++) if (pPos[i] >= margin) posAbove++;
  const negThreshold = 1 - margin;
  let negBelow = 0;
  for (let j = 0; j < pNeg.length; j++) if (pNeg[j] <= negThreshold) negBelow++;
  return { posAbove, posTotal: pPos.length, negBelow, negTotal: pNeg.length };
}

/**
 * recoveryCounts from ascending copies of the scores, by two binary searches (the same comparisons,
 * p ≥ γ and p ≤ 1 − γ, so the same counts): O(log n) per γ instead of a pass over n entries.
 */
export function recoveryCountsSorted(
  sortedPos: Float64Array,
  sortedNeg: Float64Array,
  margin: number,
): RecoveryCounts {
  return {
    posAbove: sortedPos.length - lowerBound(sortedPos, margin),
    posTotal: sortedPos.length,
    negBelow: upperBound(sortedNeg, 1 - margin),
    negTotal: sortedNeg.length,
  };
}
