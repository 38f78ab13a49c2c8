/**
 * Histogram geometry for ScoreHistogram columns (bins on [0, 1], see viz/types.ts): bars as rounded
 * rectangles and step outlines as path strings, ready for JSX.
 */
import { pathRound, type ScaleLinear } from 'd3';
import { px } from './format.ts';
import type { ScoreScale } from './scales.ts';

/** One bar of a histogram, in pixels (2-decimal rounding). */
export interface Bar {
  /** Bin number (stable React key). */
  readonly bin: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Bars for `values[i]` over [edges[i], edges[i+1]]; empty bins (value ≤ 0 or not finite) get no bar.
 * A 1 px gap is left between neighbours when the bins are wider than 3 px.
 */
export function histogramBars(
  edges: Float64Array,
  values: Float64Array,
  x: ScoreScale,
  y: ScaleLinear<number, number>,
): Bar[] {
  const bars: Bar[] = [];
  const base = y(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v > 0) || !Number.isFinite(v)) continue;
    const x0 = x(edges[i]);
    const w = x(edges[i + 1]) - x0;
    const gap = w > 3 ? 1 : 0;
    const top = y(v);
    bars.push({
      bin: i,
      x: px(x0 + gap / 2),
      y: px(top),
      width: px(Math.max(0, w - gap)),
      height: px(Math.max(0, base - top)),
    });
  }
  return bars;
}

/**
 * The outline of a histogram as one path: up and across each bin, from the baseline at the first edge
 * to the baseline at the last (coordinates rounded to 2 decimals). "" for an empty histogram.
 */
export function stepPath(
  edges: Float64Array,
  values: Float64Array,
  x: ScoreScale,
  y: ScaleLinear<number, number>,
): string {
  const n = values.length;
  if (n === 0) return '';
  const path = pathRound(2);
  const base = y(0);
  path.moveTo(x(edges[0]), base);
  for (let i = 0; i < n; i++) {
    const v = Number.isFinite(values[i]) ? values[i] : 0;
    path.lineTo(x(edges[i]), y(v));
    path.lineTo(x(edges[i + 1]), y(v));
  }
  path.lineTo(x(edges[n]), base);
  return path.toString();
}

/** Largest finite value of a column (0 for an empty one). */
export function columnMax(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > m && Number.isFinite(v)) m = v;
  }
  return m;
}
