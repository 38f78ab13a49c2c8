/**
 * The tilted sums of Propositions 1–2 over a set sorted once, in segments: one pass per parameter
 * change gives the scalars (tiltSums' layout), the q-mass of any bins whose edges are segment ends,
 * and Σ q_j·p_j(1 − p_j)·|p_j − c| for a c known only after the pass (|∂DR/∂logit| summed, §4).
 * What the explainer needs at detection scale, where a full evaluate per slider step is too slow.
 */
import { expFast } from '../fastExp.ts';
import { additionError } from '../numerics.ts';
import type { TiltSign } from '../types.ts';
import { gridExp, gridSize, gridTable } from './gridExp.ts';
import {
  BLOCK,
  SEG_LEN,
  SEG_S,
  SEG_U,
  SEG_UP,
  SEG_UQ,
  SUM_EXT,
  SUM_S,
  SUM_SCALE,
  SUM_SDP,
  SUM_SE2,
  SUM_W,
} from './layout.ts';

// Module-local aliases: read a transpiler's getter-backed import once, not per element.
const exp = expFast;
const gexp = gridExp;

/**
 * Segment ends for a sorted set of n scores: the union of `cuts` inside (0, n), the multiples of the
 * engine's block (1024, so every segment keeps tiltSums' blocked-sum accuracy and a segment re-read
 * costs at most that many exps) and n itself; ascending, without repeats. Empty for n = 0.
 */
export function segmentEnds(n: number, cuts: ArrayLike<number>): Int32Array {
  const inside = Array.from(cuts).filter((c) => c > 0 && c < n);
  for (let b = BLOCK; b < n; b += BLOCK) inside.push(b);
  if (n > 0) inside.push(n);
  return Int32Array.from(new Set(inside)).sort();
}

/**
 * tiltSums of the uniform prior over sorted[from..n) (ascending scores in [0, 1]: sigmoid outputs) into
 * `sums`, which is also the hard-negative prior of a sorted set (its support is the top-k suffix), plus
 * per-segment moments: segment i is [ends[i−1], ends[i]) ∩ [from, n) (ends from segmentEnds) and
 * seg[SEG_LEN·i + SEG_*] receives Σe, Σu, Σu·(p − p_first), Σu·(p_last − p) over it (0 for segments
 * below `from`). W = n − from, p_ext = sorted[n − 1] (σ = +1) or sorted[from] (σ = −1); exps from a
 * gridExp table when the set is large enough, else expFast, as tiltSums. Writes into the caller's
 * `seg` (length ≥ SEG_LEN·ends.length) and `sums` (length ≥ SUM_LEN); allocates nothing.
 */
export function tiltedSegmentSums(
  sorted: Float64Array,
  sign: TiltSign,
  lambda: number,
  from: number,
  ends: Int32Array,
  seg: Float64Array,
  sums: Float64Array,
): void {
  const n = sorted.length;
  sums.fill(0);
  seg.fill(0, 0, SEG_LEN * ends.length);
  const scale = sign / lambda;
  sums[SUM_SCALE] = scale;
  if (from >= n) return;
  const ext = sign > 0 ? sorted[n - 1] : sorted[from];
  const M = gridSize(scale, n - from);
  segmentLoop(
    sorted,
    ext,
    scale,
    M > 0 ? gridTable(scale, ext, M) : null,
    M,
    from,
    ends,
    seg,
    sums,
  );
  sums[SUM_W] = n - from;
  sums[SUM_EXT] = ext;
}

/**
 * The loop of tiltedSegmentSums: tilted.ts's uniform loop with three more accumulators, kept apart
 * from it for speed (see the note above tilted.ts's loops).
 */
function segmentLoop(
  p: Float64Array,
  ext: number,
  scale: number,
  table: Float64Array | null,
  M: number,
  from: number,
  ends: Int32Array,
  seg: Float64Array,
  sums: Float64Array,
): void {
  const n = p.length;
  const invM = 1 / M;
  let S = 0;
  let Sdp = 0;
  let S2 = 0;
  let i = 0;
  while (ends[i] <= from) i++;
  for (let start = from; start < n; i++) {
    const end = ends[i];
    const first = p[start];
    const last = p[end - 1];
    let s = 0;
    let sdp = 0;
    let s2 = 0;
    let u = 0;
    let up = 0;
    let uq = 0;
    for (let j = start; j < end; j++) {
      const pj = p[j];
      const dp = pj - ext;
      const e = table !== null ? gexp(table, M, invM, scale, pj) : exp(dp * scale);
      s += e;
      sdp += e * dp;
      s2 += e * e;
      const uj = e * pj * (1 - pj);
      u += uj;
      up += uj * (pj - first);
      uq += uj * (last - pj);
    }
    const at = SEG_LEN * i;
    seg[at + SEG_S] = s;
    seg[at + SEG_U] = u;
    seg[at + SEG_UP] = up;
    seg[at + SEG_UQ] = uq;
    S += s;
    Sdp += sdp;
    S2 += s2;
    start = end;
  }
  sums[SUM_S] = S;
  sums[SUM_SDP] = Sdp;
  sums[SUM_SE2] = S2;
}

/**
 * A = Σ_j e_j·p_j(1 − p_j)·|p_j − c| over the entries of segments [segFrom, segTo), from the moments
 * tiltedSegmentSums left in `seg` and `sums` for the same sorted, from and ends. A segment wholly at or
 * above c adds SEG_UP + (p_first − c)·SEG_U, one wholly at or below adds SEG_UQ + (c − p_last)·SEG_U:
 * non-negative terms, so no cancellation. The one segment straddling c (sorted scores: at most one) is
 * re-read, its e_j recomputed by expFast (within ~2e-16 of the pass's). Neumaier-compensated over the
 * segments. With c = P̂ − λ, e_j·p_j(1 − p_j)·|p_j − c| = |∂DR/∂logit_j|·S·λ/|τℓ'(z)| for a negative
 * entry (docs/maths.md §4: ∂DR/∂p_j = τℓ'(z)·q_j·(p_j − c)/λ), so ratios of A are ratios of
 * gradient mass.
 */
export function absoluteMoment(
  sorted: Float64Array,
  sums: Float64Array,
  from: number,
  ends: Int32Array,
  seg: Float64Array,
  c: number,
  segFrom: number,
  segTo: number,
): number {
  const ext = sums[SUM_EXT];
  const scale = sums[SUM_SCALE];
  let total = 0;
  let comp = 0;
  for (let i = segFrom; i < segTo; i++) {
    const start = Math.max(i === 0 ? 0 : ends[i - 1], from);
    const end = ends[i];
    if (end <= start) continue;
    const at = SEG_LEN * i;
    const first = sorted[start];
    const last = sorted[end - 1];
    let v: number;
    if (first >= c) v = seg[at + SEG_UP] + (first - c) * seg[at + SEG_U];
    else if (last <= c) v = seg[at + SEG_UQ] + (c - last) * seg[at + SEG_U];
    else {
      v = 0;
      for (let j = start; j < end; j++) {
        const pj = sorted[j];
        v += exp((pj - ext) * scale) * pj * (1 - pj) * Math.abs(pj - c);
      }
    }
    const t = total + v;
    comp += additionError(total, v, t);
    total = t;
  }
  return total + comp;
}
