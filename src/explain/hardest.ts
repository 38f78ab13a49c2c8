/**
 * How concentrated DR's gradient is on the hardest negatives (issue panel 6): the share of the
 * negatives' total |∂DR/∂logit| that the top 1 % of negatives by score receive.
 */
import { absoluteMoment, meanFromSums, SUM_S } from '../engine/index.ts';
import type { SortedSet } from './sortedSet.ts';

/**
 * share = Σ_{j ∈ hardest} |g_j| / Σ_j |g_j| over the negatives, g_j = ∂DR/∂logit_j, the hardest being
 * the ⌈1 %⌉ highest scores (set.hardestStart onwards). With c = P̂− − λ− (docs/maths.md §4),
 *   g_j = τℓ'(z)·q_j·(1 + (p_j − P̂−)/λ−)·p_j(1 − p_j) = (τℓ'(z)/(λ−·S))·e_j·p_j(1 − p_j)·(p_j − c),
 * so the common factor cancels and share = A(hardest)/A(all) with A = Σ e·p(1 − p)·|p − c| from the
 * fused pass's segment moments (engine absoluteMoment: exact up to rounding, no second pass). `seg` and
 * `sums` are tiltedSegmentSums' output for this set, λ− and support start `from`; `slope` is τℓ'(z).
 * In [0, 1]; 0 when there is no negative or every gradient is 0 (slope 0, or every p ∈ {0, 1}).
 */
export function hardestShare(
  set: SortedSet,
  from: number,
  seg: Float64Array,
  sums: Float64Array,
  lambda: number,
  slope: number,
): number {
  if (slope === 0 || !(sums[SUM_S] > 0)) return 0;
  const c = meanFromSums(sums) - lambda;
  const { p, ends } = set;
  const total = absoluteMoment(p, sums, from, ends, seg, c, 0, ends.length);
  if (!(total > 0)) return 0;
  const top = absoluteMoment(
    p,
    sums,
    from,
    ends,
    seg,
    c,
    firstSegmentAt(ends, set.hardestStart),
    ends.length,
  );
  return Math.min(1, top / total);
}

/** Index of the segment that starts at `start` (a segment boundary: 0 or one of `ends`). */
function firstSegmentAt(ends: Int32Array, start: number): number {
  let i = 0;
  while (i < ends.length && ends[i] <= start) i++;
  return i;
}
