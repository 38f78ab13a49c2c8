/**
 * The slot layout of the sum vectors the kernels write and their callers read, named in this one
 * place (docs/maths.md §3–4). A sums vector is a Float64Array of SUM_LEN slots; a segment vector holds
 * SEG_LEN slots per segment, segment i at SEG_LEN·i.
 *
 * Notation: e_j = w_j·exp(d_j) is the unnormalised weight of entry j under the prior weight w_j,
 * d_j = σ·(p_j − p_ext)/λ ≤ 0, σ = +1 for negatives and −1 for positives, p_ext the extreme score of
 * the prior's support; u_j = e_j·p_j(1 − p_j).
 */

/** Sums vector (tilted.ts tiltSums, segments.ts tiltedSegmentSums, cells.ts cellSegmentSums). */
export const SUM_S = 0; // S = Σ e_j
export const SUM_SDP = 1; // Σ e_j·(p_j − p_ext)  (so P̂ = p_ext + SDP/S and Σe·d = (σ/λ)·SDP)
export const SUM_SCALE = 2; // σ/λ
export const SUM_W = 3; // W = Σ w_j (total prior mass of the weights the e_j carry)
export const SUM_EXT = 4; // p_ext: max p (σ = +1) or min p (σ = −1) over the support of o
export const SUM_SE2 = 5; // Σ e_j² (so Σ q_j² = Σe²/S² without a pass over q)
export const SUM_LEN = 6;

/** Per-segment slots (segments.ts tiltedSegmentSums, cells.ts cellSegmentSums). */
export const SEG_S = 0; // Σ e_j
export const SEG_U = 1; // Σ u_j
export const SEG_UP = 2; // Σ u_j·(p_j − p_first) ≥ 0, p_first the segment's first (lowest) score
export const SEG_UQ = 3; // Σ u_j·(p_last − p_j) ≥ 0, p_last its last (highest) score
export const SEG_LEN = 4;

/**
 * Partial sums run over blocks of this many terms, then add up: error ~(B + n/B)·2^-53 instead of
 * n·2^-53. Segment ends fall on its multiples too (segments.ts segmentEnds).
 */
export const BLOCK = 1024;
