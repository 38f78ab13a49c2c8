/**
 * The pairwise ranking loss of the paper's Eq. 3/4 with the hinge, computed exactly without visiting
 * the n+·n− pairs (docs/maths.md §5).
 */
import { lowerBound } from '../sorted.ts';
import { BLOCK } from '../kernels/layout.ts';
import { CompensatedSum } from '../numerics.ts';

/** Scalars of the all-pairs hinge ranking loss. */
export interface PairwiseResult {
  /** Σ_{j+} Σ_{j−} max(0, p_{j−} − p_{j+} + γ) (Eq. 3 with ℓ = hinge), unnormalised. */
  readonly loss: number;
  /** Number of pairs with p_{j−} − p_{j+} + γ > 0 (the pairs that carry loss and gradient). */
  readonly violating: number;
  /** n+·n−, the number of pairs (can exceed 2³¹; exact up to 2⁵³). */
  readonly pairs: number;
}

/**
 * Caller-owned gradient buffers: gradPos has the length of pPos, gradNeg that of pNeg. Each is
 * overwritten entirely.
 */
export interface PairwiseGradient {
  /** ∂loss/∂p_{j+} = −#{negatives j− violating with j+}. */
  readonly gradPos: Float64Array;
  /** ∂loss/∂p_{j−} = +#{positives j+ violating with j−}. */
  readonly gradNeg: Float64Array;
}

/**
 * The all-pairs hinge ranking loss of Eq. 3/4,
 *   loss = Σ_{j+} Σ_{j−} max(0, p_{j−} − p_{j+} + γ),
 * with the count of violating pairs and, when `grad` is given, its (sub)gradient written into the
 * caller's buffers: ∂/∂p_{j−} = #{j+ : violated}, ∂/∂p_{j+} = −#{j− : violated} (0 at the kink).
 *
 * Exact in O((n+ + n−)·log n+): only the positives are sorted (a copy; inputs are not modified).
 * For one negative p−, the test `(p− − p+) + γ > 0` is monotone in p+ and in p− even in floating
 * point (each rounded operation is monotone), so the positives it violates with are a prefix of the
 * sorted positives of length c, found by a bucketed binary search, and the pair count agrees
 * bit-for-bit with the double loop. Its share of the loss is c·(p− + γ) − Σ_{i<c} p+_(i), from a
 * compensated prefix sum; the total is Neumaier-compensated too, so the absolute error is about
 * ε·(1+γ) per violating pair. Allocates O(n+) scratch (and O(n+) more with `grad`).
 *
 * @param pPos scores σ(x) ∈ [0,1] of the positive entries (Pooled.pPos); NaN is not supported.
 * @param pNeg scores of the negative entries (Pooled.pNeg).
 * @param margin γ of Eq. 3.
 * @throws RangeError when a gradient buffer is shorter than its set.
 */
export function pairwiseHinge(
  pPos: Float64Array,
  pNeg: Float64Array,
  margin: number,
  grad?: PairwiseGradient,
): PairwiseResult {
  const nPos = pPos.length;
  const nNeg = pNeg.length;
  if (grad && (grad.gradPos.length < nPos || grad.gradNeg.length < nNeg)) {
    throw new RangeError(`gradient buffers need lengths ≥ n+ = ${nPos} and n− = ${nNeg}`);
  }
  const sorted = Float64Array.from(pPos).sort();
  // prefix[i] = Σ_{k<i} sorted[k], each stored value compensated (Neumaier).
  const prefix = new Float64Array(nPos + 1);
  const running = new CompensatedSum();
  for (let i = 0; i < nPos; i++) {
    running.add(sorted[i]);
    prefix[i + 1] = running.value();
  }
  // hist[c] = number of negatives whose violating prefix has length c; turned into counts per
  // sorted positive below (a positive at sorted rank i is violated by the negatives with c > i).
  const hist = grad ? new Float64Array(nPos + 1) : null;

  const count = violationCounter(sorted, margin);
  const total = new CompensatedSum();
  let violating = 0;
  for (let j = 0; j < nNeg; j++) {
    const n = pNeg[j];
    const c = count(n);
    if (grad) grad.gradNeg[j] = c;
    if (hist) hist[c]++;
    if (c === 0) continue;
    violating += c;
    total.add(c * (n + margin) - prefix[c]);
  }

  if (grad && hist) {
    // violatedBy[i] = #{negatives with c > i}, a suffix sum of the histogram (integers: exact).
    const violatedBy = new Float64Array(nPos);
    let acc = 0;
    for (let i = nPos - 1; i >= 0; i--) {
      acc += hist[i + 1];
      violatedBy[i] = acc;
    }
    // Tied positives share one rank block and c never splits a block (equal p+, equal test), so the
    // first rank of a value stands for all of its copies.
    // 0 − v rather than −v: a positive no negative violates gets +0, as the double loop gives.
    for (let i = 0; i < nPos; i++) grad.gradPos[i] = 0 - violatedBy[lowerBound(sorted, pPos[i])];
  }

  // A tiny negative total can only be rounding (every term is ≥ 0 in exact arithmetic).
  return { loss: Math.max(0, total.value()), violating, pairs: nPos * nNeg };
}

/**
 * c(n) = length of the prefix of ascending `sorted` with (n − p) + γ > 0. c is non-decreasing in n, so
 * c at the edges b/B of B buckets over [0, 1] brackets c(n) for every n of bucket b and the binary
 * search runs inside that bracket: about one step for scores spread over [0, 1] instead of log₂ n+
 * unpredictable branches per negative. B is a power of two, so b/B and ⌊n·B⌋ are exact and n lies in
 * [b/B, (b+1)/B) without rounding doubt; scores outside [0, 1] fall in the two end brackets.
 */
function violationCounter(sorted: Float64Array, margin: number): (n: number) => number {
  const nPos = sorted.length;
  const B = Math.min(1 << 16, 1 << Math.ceil(Math.log2(Math.max(nPos, 2))));
  const atEdge = new Int32Array(B + 1);
  for (let b = 0; b <= B; b++) atEdge[b] = violatedPrefix(sorted, b / B, margin, 0, nPos);
  return (n) => {
    if (n < 0) return violatedPrefix(sorted, n, margin, 0, atEdge[0]);
    if (n >= 1) return violatedPrefix(sorted, n, margin, atEdge[B], nPos);
    const b = Math.floor(n * B);
    return violatedPrefix(sorted, n, margin, atEdge[b], atEdge[b + 1]);
  };
}

/**
 * First index in [lo, hi) of ascending `sorted` where (n − p) + γ > 0 fails (hi if none), given that
 * it holds below lo and fails from hi on.
 */
function violatedPrefix(
  sorted: Float64Array,
  n: number,
  margin: number,
  lo: number,
  hi: number,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (n - sorted[mid] + margin > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * pairwiseHinge's loss and violating-pair count (not its gradient) from both sets sorted ascending,
 * for sets too large to re-scan per γ: the negatives a positive p+ is violated by,
 * (p− − p+) + γ > 0, are a suffix of the sorted negatives (the test is monotone in p− even in floating
 * point, so the count is the double loop's to the pair), found by binary search; its share of the
 * loss is Σ_suffix p− − c·(p+ − γ). Walking the positives from the highest down, the suffixes only
 * grow, so their sums come from one running compensated sum, which adds whole blocks of BLOCK
 * negatives from `negBlockSums` (blockSums(sortedNeg)) where it can. Cost O(n+·log n− +
 * min(n−, n+·2·BLOCK)); allocates nothing when negBlockSums is given. Equal to pairwiseHinge's loss
 * within rounding (both compensated; about ε·(1 + γ) per violating pair).
 *
 * @param sortedPos ascending scores of the positive entries.
 * @param sortedNeg ascending scores of the negative entries.
 * @param margin γ of Eq. 3.
 */
export function pairwiseHingeSorted(
  sortedPos: Float64Array,
  sortedNeg: Float64Array,
  margin: number,
  negBlockSums: Float64Array = blockSums(sortedNeg),
): PairwiseResult {
  const nPos = sortedPos.length;
  const nNeg = sortedNeg.length;
  const suffix = new CompensatedSum(); // Σ sortedNeg[c..n−)
  const total = new CompensatedSum();
  let c = nNeg;
  let violating = 0;
  for (let i = nPos - 1; i >= 0; i--) {
    const p = sortedPos[i];
    // lower p violates with more negatives: the cut only moves down, so search below the last one
    const cut = firstViolating(sortedNeg, p, margin, 0, c);
    while (c > cut) {
      if (c % BLOCK === 0 && c - BLOCK >= cut) {
        c -= BLOCK;
        suffix.add(negBlockSums[c / BLOCK]);
      } else {
        c--;
        suffix.add(sortedNeg[c]);
      }
    }
    const count = nNeg - c;
    if (count === 0) continue;
    violating += count;
    total.add(suffix.value() - count * (p - margin));
  }
  return { loss: Math.max(0, total.value()), violating, pairs: nPos * nNeg };
}

/**
 * Σ of each block of BLOCK consecutive values of `a` (the last block may be shorter), each
 * Neumaier-compensated: what pairwiseHingeSorted adds in one step for a block of sorted negatives.
 */
export function blockSums(a: Float64Array): Float64Array {
  const out = new Float64Array(Math.ceil(a.length / BLOCK));
  for (let b = 0; b < out.length; b++) {
    const s = new CompensatedSum();
    const end = Math.min(a.length, (b + 1) * BLOCK);
    for (let j = b * BLOCK; j < end; j++) s.add(a[j]);
    out[b] = s.value();
  }
  return out;
}

/** First index in [lo, hi) of ascending `sortedNeg` with (n − p) + γ > 0 (hi if none). */
function firstViolating(
  sortedNeg: Float64Array,
  p: number,
  margin: number,
  lo: number,
  hi: number,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sortedNeg[mid] - p + margin > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
