/**
 * The tilted sums of a large sorted set in time independent of its size. A slider step at detection
 * scale (8·10⁶ scores) cannot afford an exp per score; but the scores do not change while λ does, so
 * they are summarised once by power moments on a fine grid and every λ is then a short sum over grid
 * cells. The maths (s = σ/λ the scale, p_ext the extreme score, as in tilted.ts):
 *
 *   grid: cell centre c = m/M with m = round(p·M), M = 2^16, so p = c + δ with |δ| ≤ 2^-17, δ exact
 *     (the argument of gridExp.ts: p·M is exact and p − m/M is a multiple of ulp(p) below 2^53 ulps);
 *   moments, once per set: D_k = Σ_{j in cell} δ_j^k, k = 0..MOMENTS − 1;
 *   per λ: e_j = e^{s(p_j − p_ext)} = T·e^{sδ_j}, T = e^{s(c − p_ext)}, and e^{sδ} = Σ_{k ≤ K} (sδ)^k/k! + R
 *     with |R| ≤ |sδ|^{K+1}/(K+1)!·e^{|sδ|}, so Σ_j e_j·δ_j^r = T·Σ_k s^k/k!·D_{k+r} + (≤ 2^-58 relative).
 *
 * Every sum of tiltedSegmentSums is Σ e_j·(a polynomial of degree ≤ 3 in p_j) over a cell, hence a
 * combination of E_r = Σ_k s^k/k!·D_{k+r}, r = 0..3 (and of the same with 2s for Σ e_j²). K is the
 * least degree whose remainder bound, at the set's largest |δ| and 2|s|, is ≤ 2^-58; with
 * MOMENTS = 16 (K ≤ 12) that covers |s| ≤ 1.6·10⁴ at M = 2^16, i.e. every λ ≥ 10⁻⁴ the app allows.
 * Beyond it `cellSegmentSums` declines and the caller does the pass per score.
 *
 * Accuracy against the per-score pass: T's argument s·(c − p_ext) is rounded as the per-score
 * s·(p − p_ext) is (exp's conditioning, ~2^-53·|s(p − p_ext)|, shared by both); the moments are sums of
 * same-sign terms (even k) or of terms far below D_0 (odd k), so each cell's value is a few 2^-53
 * relative. Cells never straddle a segment end (they are cut there), so the per-segment moments
 * (bins, the hardest 1 %) are sums over whole cells.
 */
import { expFast } from '../fastExp.ts';
import type { TiltSign } from '../types.ts';
import * as layout from './layout.ts';

// Module-local copies: a transpiler's getter-backed imports (CJS interop, Vite SSR) would otherwise
// cost a getter call per use inside the loops.
const exp = expFast;
const SEG_LEN = layout.SEG_LEN;
const SEG_S = layout.SEG_S;
const SEG_U = layout.SEG_U;
const SEG_UP = layout.SEG_UP;
const SEG_UQ = layout.SEG_UQ;
const SUM_EXT = layout.SUM_EXT;
const SUM_S = layout.SUM_S;
const SUM_SCALE = layout.SUM_SCALE;
const SUM_SDP = layout.SUM_SDP;
const SUM_SE2 = layout.SUM_SE2;
const SUM_W = layout.SUM_W;

/** Grid resolution: cells of width 2^-16 on [0, 1]. */
export const CELL_M = 1 << 16;
/** Power moments kept per cell: D_0 … D_15. */
export const MOMENTS = 16;
/** Remainder bound per cell, relative: 2^-58. */
const TRUNCATION = 2 ** -58;
/** 1.5·2^52: adding it rounds any |y| < 2^51 to an integer. */
const SHIFTER = 6755399441055744;

/** A sorted set's cell moments (built once per set by `cellMoments`). */
export interface CellMoments {
  /** Number of cells. */
  readonly count: number;
  /** First sorted index of each cell, then n: cell c is sorted[start[c] .. start[c + 1]). */
  readonly start: Int32Array;
  /** Segment (index into the `ends` the cells were cut at) holding each cell. */
  readonly segment: Int32Array;
  /** Grid centre m/M of each cell. */
  readonly centre: Float64Array;
  /** D_k of cell c at MOMENTS·c + k. */
  readonly moments: Float64Array;
  /** Largest |δ| = |p − centre| over the set (bounds the series' argument). */
  readonly maxDelta: number;
  /** The `ends` the cells were cut at (the same object; cellSegmentSums checks it). */
  readonly ends: Int32Array;
}

/**
 * Summarises ascending scores in [0, 1] (sigmoid outputs) by cells: maximal runs of equal grid index
 * m = round(p·M) that do not cross a segment end of `ends` (segments.ts segmentEnds). O(n·MOMENTS).
 */
export function cellMoments(sorted: Float64Array, ends: Int32Array): CellMoments {
  const n = sorted.length;
  const cap = Math.min(n, CELL_M + 1 + ends.length);
  const start = new Int32Array(cap + 1);
  const segment = new Int32Array(cap);
  const centre = new Float64Array(cap);
  const moments = new Float64Array(cap * MOMENTS);
  let count = 0;
  let maxDelta = 0;
  let seg = 0;
  for (let j = 0; j < n;) {
    while (ends[seg] <= j) seg++;
    const segEnd = ends[seg];
    const m = sorted[j] * CELL_M + SHIFTER - SHIFTER;
    // the run of scores in cell m, inside segment seg
    let k = j + 1;
    while (k < segEnd && sorted[k] * CELL_M + SHIFTER - SHIFTER === m) k++;
    const c = m / CELL_M;
    const d = runMoments(sorted, j, k, c, moments, count * MOMENTS);
    if (d > maxDelta) maxDelta = d;
    start[count] = j;
    segment[count] = seg;
    centre[count] = c;
    count++;
    j = k;
  }
  start[count] = n;
  return {
    count,
    start: start.slice(0, count + 1),
    segment: segment.slice(0, count),
    centre: centre.slice(0, count),
    moments: moments.slice(0, count * MOMENTS),
    maxDelta,
    ends,
  };
}

/**
 * Adds D_k = Σ (p_j − c)^k, k = 0..MOMENTS − 1, over sorted[lo..hi) into out[at..at + MOMENTS) and
 * returns the largest |p_j − c| (the scores must lie in c's cell, so p_j − c is exact). Unrolled, in
 * locals: this loop is the whole cost of summarising millions of scores.
 */
function runMoments(
  sorted: Float64Array,
  lo: number,
  hi: number,
  c: number,
  out: Float64Array,
  at: number,
): number {
  // prettier-ignore
  let d0 = 0, d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0, d7 = 0,
    d8 = 0, d9 = 0, d10 = 0, d11 = 0, d12 = 0, d13 = 0, d14 = 0, d15 = 0;
  let min = 0;
  let max = 0;
  for (let j = lo; j < hi; j++) {
    const x = sorted[j] - c;
    if (x < min) min = x;
    if (x > max) max = x;
    const x2 = x * x;
    const x3 = x2 * x;
    const x4 = x2 * x2;
    const x8 = x4 * x4;
    const x12 = x8 * x4;
    d0 += 1;
    d1 += x;
    d2 += x2;
    d3 += x3;
    d4 += x4;
    d5 += x4 * x;
    d6 += x4 * x2;
    d7 += x4 * x3;
    d8 += x8;
    d9 += x8 * x;
    d10 += x8 * x2;
    d11 += x8 * x3;
    d12 += x12;
    d13 += x12 * x;
    d14 += x12 * x2;
    d15 += x12 * x3;
  }
  out[at] += d0;
  out[at + 1] += d1;
  out[at + 2] += d2;
  out[at + 3] += d3;
  out[at + 4] += d4;
  out[at + 5] += d5;
  out[at + 6] += d6;
  out[at + 7] += d7;
  out[at + 8] += d8;
  out[at + 9] += d9;
  out[at + 10] += d10;
  out[at + 11] += d11;
  out[at + 12] += d12;
  out[at + 13] += d13;
  out[at + 14] += d14;
  out[at + 15] += d15;
  return -min > max ? -min : max;
}

/**
 * Least series degree K with |y|^{K+1}/(K+1)!·e^{|y|} ≤ 2^-58 for |y| ≤ y, or −1 when K would exceed
 * MOMENTS − 4 (E_3 reads D_{K+3}).
 */
export function seriesDegree(y: number): number {
  if (y === 0) return 0;
  const grow = Math.exp(y);
  let term = y; // y^{K+1}/(K+1)! for K = 0
  for (let K = 0; K <= MOMENTS - 4; K++) {
    if (term * grow <= TRUNCATION) return K;
    term *= y / (K + 2);
  }
  return -1;
}

/**
 * tiltedSegmentSums (segments.ts) from the cells of the same sorted scores and `ends`: the same sums
 * and per-segment moments, each to a few 2^-53 relative (module header), in O(cells·K) instead of
 * O(n). Returns false, writing nothing, when λ is too small for the series (|σ/λ| > ~1.6·10⁴) or the
 * cells were cut at other ends; the caller then does the pass per score.
 */
export function cellSegmentSums(
  cells: CellMoments,
  sorted: Float64Array,
  sign: TiltSign,
  lambda: number,
  from: number,
  ends: Int32Array,
  seg: Float64Array,
  sums: Float64Array,
): boolean {
  const scale = sign / lambda;
  const K = seriesDegree(2 * Math.abs(scale) * cells.maxDelta);
  if (K < 0 || cells.ends !== ends) return false;
  const n = sorted.length;
  sums.fill(0);
  seg.fill(0, 0, SEG_LEN * ends.length);
  sums[SUM_SCALE] = scale;
  if (from >= n) return true;
  const ext = sign > 0 ? sorted[n - 1] : sorted[from];
  // a_k = s^k/k!, b_k = (2s)^k/k! (per call: three 16-double arrays cost nothing beside the cells)
  const coefA = new Float64Array(MOMENTS);
  const coefB = new Float64Array(MOMENTS);
  coefA[0] = 1;
  coefB[0] = 1;
  for (let k = 1; k <= K; k++) {
    coefA[k] = (coefA[k - 1] * scale) / k;
    coefB[k] = (coefB[k - 1] * 2 * scale) / k;
  }
  const { start, segment, centre, moments, count } = cells;
  let S = 0;
  let Sdp = 0;
  let S2 = 0;
  let c = 0;
  while (start[c + 1] <= from) c++;
  for (; c < count; c++) {
    let mom = moments;
    let at = MOMENTS * c;
    if (start[c] < from) {
      // the prior's support starts inside this cell (only ever the first): moments of its part
      const partial = new Float64Array(MOMENTS);
      runMoments(sorted, from, start[c + 1], centre[c], partial, 0);
      mom = partial;
      at = 0;
    }
    let e0 = 0;
    let e1 = 0;
    let e2 = 0;
    let e3 = 0;
    let f0 = 0;
    for (let k = 0; k <= K; k++) {
      const a = coefA[k];
      e0 += a * mom[at + k];
      e1 += a * mom[at + k + 1];
      e2 += a * mom[at + k + 2];
      e3 += a * mom[at + k + 3];
      f0 += coefB[k] * mom[at + k];
    }
    const cc = centre[c];
    const T = exp((cc - ext) * scale);
    // p(1 − p) = c(1 − c) + (1 − 2c)δ − δ²
    const g0 = cc * (1 - cc);
    const g1 = 1 - 2 * cc;
    const s = T * e0;
    const u = T * (g0 * e0 + g1 * e1 - e2);
    const uδ = T * (g0 * e1 + g1 * e2 - e3); // Σ e·p(1 − p)·δ
    const i = segment[c];
    const segStart = i === 0 ? 0 : ends[i - 1];
    const first = sorted[segStart > from ? segStart : from];
    const last = sorted[ends[i] - 1];
    const sg = SEG_LEN * i;
    seg[sg + SEG_S] += s;
    seg[sg + SEG_U] += u;
    seg[sg + SEG_UP] += (cc - first) * u + uδ; // Σ u·(p − first)
    seg[sg + SEG_UQ] += (last - cc) * u - uδ; // Σ u·(last − p)
    S += s;
    Sdp += T * ((cc - ext) * e0 + e1);
    S2 += T * T * f0;
  }
  // Σu·(p − first) and Σu·(last − p) are ≥ 0 exactly; the two-term forms above can round below 0.
  for (let i = 0; i < ends.length; i++) {
    const sg = SEG_LEN * i;
    if (seg[sg + SEG_UP] < 0) seg[sg + SEG_UP] = 0;
    if (seg[sg + SEG_UQ] < 0) seg[sg + SEG_UQ] = 0;
  }
  sums[SUM_S] = S;
  // Σe·(p − p_ext) has the sign of σ·(p − p_ext) ≤ 0 term by term, i.e. ≤ 0 for σ = +1 and ≥ 0 for
  // σ = −1; in the cell holding p_ext, (c − p_ext)·E_0 + E_1 cancels to within ~2^-53·|δ|·e of 0, which
  // can leave the wrong sign when every other term is negligible (an absolute error of ~1e-21·S).
  sums[SUM_SDP] = sign > 0 ? Math.min(0, Sdp) : Math.max(0, Sdp);
  sums[SUM_SE2] = S2;
  sums[SUM_W] = n - from;
  sums[SUM_EXT] = ext;
  return true;
}
