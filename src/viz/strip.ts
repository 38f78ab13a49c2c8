/**
 * Strip-plot layout: each candidate is a dot at x = its score, in its label's lane, with a vertical
 * jitter that depends only on its flat entry index — the same candidate lands in the same place on
 * every render and after edits of the others (no random state).
 */
import type { ScoreScale } from './scales.ts';

/**
 * A deterministic jitter in [0, 1) from a flat entry index: the 32-bit integer hash "lowbias32"
 * (Chris Wellons), whose output bits are close to uniform for consecutive inputs.
 */
export function jitter01(index: number): number {
  let h = index >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The vertical extent of one lane (pixels, top < bottom). */
export interface Lane {
  readonly top: number;
  readonly bottom: number;
}

/** Pixel positions of the dots, one per entry of the input arrays. */
export interface StripLayout {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * Lays out n dots: x = scale(p_j); y uniform in the lane of the entry's label (positives in `posLane`,
 * negatives in `negLane`), inset by `radius` so no dot crosses its lane's edge.
 *
 * @param p scores in [0, 1]; @param positive 1/0 per entry; @param index flat entry indices (jitter seed).
 */
export function stripLayout(
  p: Float64Array,
  positive: Uint8Array,
  index: Int32Array,
  scale: ScoreScale,
  posLane: Lane,
  negLane: Lane,
  radius: number,
): StripLayout {
  const n = p.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const lane = positive[j] === 1 ? posLane : negLane;
    const span = Math.max(0, lane.bottom - lane.top - 2 * radius);
    x[j] = scale(p[j]);
    y[j] = lane.top + radius + jitter01(index[j]) * span;
  }
  return { x, y };
}
