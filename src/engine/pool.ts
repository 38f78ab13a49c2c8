/**
 * Pooling: the parameter-independent half of the DR loss. Splits the R×K entries into the positive
 * and the negative set of docs/maths.md §1 and evaluates every sigmoid once.
 */
import { checkAndCountTargets, checkProblemShape } from './problem.ts';
import { sigmoidFast } from './fastExp.ts';
import { simdKernels } from './kernels/simd.ts';
import type { Pooled } from './types.ts';

// Module-local alias: read a transpiler's getter-backed import once, not per entry.
const sigmoid = sigmoidFast;

/** Slots of what a fill reports besides the arrays: Σp (NaN iff a kept logit is NaN), min p+, max p−. */
const FILL_SUM = 0;
const FILL_MIN = 1;
const FILL_MAX = 2;
const FILL_LEN = 3;

/**
 * Pools one problem. Entry (r, c), flat index r·K + c, is positive iff targets[r] = c+1, negative iff
 * targets[r] ≥ 0 and ≠ c+1; rows with targets[r] < 0 are ignored (official SigmoidDRLoss). Stores
 * p = σ(logit) of each positive / negative entry in flat-index order with its flat index, and the
 * extremes min p+ and max p− (found in the same pass).
 *
 * `reuse`, a Pooled the caller is done with, lends its arrays when they have this problem's n+ and n−
 * (a training loop's next batch with the same targets; the bench's fwd+grad): they are overwritten,
 * sparing the allocation and first-touch page faults of ~20 bytes per entry, and the returned (new)
 * Pooled owns them. `reuse` must not be used afterwards: its arrays now hold the new problem (an
 * EvaluateCache that described it forgets it when given the new Pooled). When the sizes differ,
 * fresh arrays are allocated and `reuse` is left alone; when pool throws on a NaN logit, the reused
 * arrays may hold part of the new problem.
 *
 * @throws RangeError when K is not a positive integer, logits.length ≠ R·K (R = targets.length), a
 *   target exceeds K, or a logit of a non-ignored row is NaN (±Infinity is allowed: p = 0 or 1).
 */
export function pool(logits: Float64Array, targets: Int32Array, K: number, reuse?: Pooled): Pooled {
  // the same doubles either way (kernels/simd.ts); WebAssembly SIMD when it is there
  const simd = simdKernels();
  checkProblemShape(logits, targets, K);
  // the count in WebAssembly (~0.25 ms at 10⁶ rows, the loop ~1.8 ms); a target above K: the loop's error
  const { nRows, nPos } =
    (simd !== null && simd.countTargets(targets, K)) || checkAndCountTargets(logits, targets, K);
  const R = targets.length;
  const nNeg = nRows * K - nPos;
  const fits =
    reuse !== undefined &&
    reuse.pPos.length === nPos &&
    reuse.posIndex.length === nPos &&
    reuse.pNeg.length === nNeg &&
    reuse.negIndex.length === nNeg;
  // every slot is written below, so reused arrays need no clearing
  const pPos = fits ? reuse.pPos : new Float64Array(nPos);
  const posIndex = fits ? reuse.posIndex : new Int32Array(nPos);
  const pNeg = fits ? reuse.pNeg : new Float64Array(nNeg);
  const negIndex = fits ? reuse.negIndex : new Int32Array(nNeg);
  const stats = new Float64Array(FILL_LEN);
  if (simd !== null && K <= simd.maxK) {
    simd.poolFill(logits, targets, K, pPos, posIndex, pNeg, negIndex, stats);
  } else if (K === 1) fillOneClass(logits, targets, pPos, posIndex, pNeg, negIndex, stats);
  else fillClasses(logits, targets, K, pPos, posIndex, pNeg, negIndex, stats);
  // p ∈ [0, 1] for every non-NaN logit, so the sum is NaN exactly when some logit is
  if (stats[FILL_SUM] !== stats[FILL_SUM]) throwOnNaN(logits, targets, K);
  return { R, K, pPos, pNeg, posIndex, negIndex, posMin: stats[FILL_MIN], negMax: stats[FILL_MAX] };
}

/**
 * K = 1: one entry per row, no inner loop (single-class problems: the bench's, most CLI cases).
 * Writes Σp into stats[FILL_SUM], NaN iff a logit of a kept row is NaN (one add per entry is cheaper
 * than a compare-and-branch), and min p+, max p− into stats[FILL_MIN], stats[FILL_MAX]. Kept beside
 * fillClasses on purpose: fillClasses with K = 1 measured ~10 % slower (2·10⁶ rows, alternating A/B
 * runs).
 */
function fillOneClass(
  logits: Float64Array,
  targets: Int32Array,
  pPos: Float64Array,
  posIndex: Int32Array,
  pNeg: Float64Array,
  negIndex: Int32Array,
  stats: Float64Array,
): void {
  const R = targets.length;
  let ip = 0;
  let ineg = 0;
  let sum = 0;
  let posMin = Infinity;
  let negMax = -Infinity;
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    if (t < 0) continue;
    const p = sigmoid(logits[r]);
    sum += p;
    if (t === 1) {
      pPos[ip] = p;
      posIndex[ip++] = r;
      if (p < posMin) posMin = p;
    } else {
      pNeg[ineg] = p;
      negIndex[ineg++] = r;
      if (p > negMax) negMax = p;
    }
  }
  stats[FILL_SUM] = sum;
  stats[FILL_MIN] = posMin;
  stats[FILL_MAX] = negMax;
}

/** General K: entry (r, c) is positive iff targets[r] = c+1. Writes `stats` as fillOneClass. */
function fillClasses(
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  pPos: Float64Array,
  posIndex: Int32Array,
  pNeg: Float64Array,
  negIndex: Int32Array,
  stats: Float64Array,
): void {
  const R = targets.length;
  let ip = 0;
  let ineg = 0;
  let sum = 0;
  let posMin = Infinity;
  let negMax = -Infinity;
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    if (t < 0) continue;
    const base = r * K;
    for (let c = 0; c < K; c++) {
      const i = base + c;
      const p = sigmoid(logits[i]);
      sum += p;
      if (t === c + 1) {
        pPos[ip] = p;
        posIndex[ip++] = i;
        if (p < posMin) posMin = p;
      } else {
        pNeg[ineg] = p;
        negIndex[ineg++] = i;
        if (p > negMax) negMax = p;
      }
    }
  }
  stats[FILL_SUM] = sum;
  stats[FILL_MIN] = posMin;
  stats[FILL_MAX] = negMax;
}

function throwOnNaN(logits: Float64Array, targets: Int32Array, K: number): never {
  for (let r = 0; r < targets.length; r++) {
    if (targets[r] < 0) continue;
    for (let c = 0; c < K; c++) {
      const i = r * K + c;
      if (Number.isNaN(logits[i]))
        throw new RangeError(`logits[${i}] (row ${r}, class ${c}) is NaN`);
    }
  }
  throw new RangeError('a logit is NaN');
}
