/**
 * The score axis every panel shares: p = σ(x) ∈ [0, 1] left to right, inside the chart's margins.
 */
import { scaleLinear, type ScaleLinear } from 'd3';

/** Space around a chart's plotting area, in CSS pixels. */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Margins that leave room for a left count/mass axis and a bottom score axis with its label. */
export const CHART_MARGINS: Margins = Object.freeze({ top: 12, right: 14, bottom: 40, left: 46 });

/** A linear scale from the unit interval (scores) to pixels; what `scoreScale` returns. */
export type ScoreScale = ScaleLinear<number, number>;

/**
 * The score axis: domain [0, 1] → [margins.left, width − margins.right], clamped so a dragged point
 * never leaves the plot. Keeps at least 1 px of range for absurdly small widths (no NaN downstream).
 */
export function scoreScale(width: number, margins: Margins = CHART_MARGINS): ScoreScale {
  const left = margins.left;
  const right = Math.max(left + 1, width - margins.right);
  return scaleLinear().domain([0, 1]).range([left, right]).clamp(true);
}

/**
 * A vertical value axis: domain [0, max] → [bottom, top] in pixels (SVG y grows downwards), `nice`d
 * so the top tick is a round number. max ≤ 0 or not finite falls back to [0, 1].
 */
export function valueScale(max: number, top: number, bottom: number): ScaleLinear<number, number> {
  const hi = Number.isFinite(max) && max > 0 ? max : 1;
  return scaleLinear().domain([0, hi]).range([bottom, top]).nice(4);
}
