/**
 * Geometry of the two-lane score chart of panels 1 and 3: positives in the upper lane, negatives in
 * the lower one, one shared score axis below; and which way its candidates are drawn.
 */
import type { ExplainerData } from '../../explain/types.ts';
import { CHART_MARGINS, type Margins } from '../../viz/scales.ts';
import type { Lane } from '../../viz/strip.ts';
import { SVG_MARK_LIMIT } from '../../viz/marks.ts';

/** How the candidates are drawn: SVG dots, canvas dots, or histograms (no per-entry detail). */
export type MarkMode = 'svg' | 'canvas' | 'histogram';

/** 'svg' up to SVG_MARK_LIMIT entries with detail, 'canvas' above it, 'histogram' without detail. */
export function markMode(data: ExplainerData): MarkMode {
  if (data.detail === null) return 'histogram';
  return data.detail.p.length <= SVG_MARK_LIMIT ? 'svg' : 'canvas';
}

/** Dot radius for n dots: larger when few (easy to grab), smaller when many (less overlap). */
export function dotRadius(n: number): number {
  return n <= 100 ? 5 : n <= 500 ? 4 : n <= SVG_MARK_LIMIT ? 3 : 2;
}

/** Where everything of the lanes chart goes, in CSS pixels. */
export interface LanesLayout {
  readonly width: number;
  readonly height: number;
  readonly margins: Margins;
  readonly posLane: Lane;
  readonly negLane: Lane;
  /** Baselines of the lane titles. */
  readonly posLabelY: number;
  readonly negLabelY: number;
  /** y of the score axis line. */
  readonly axisY: number;
}

const LABEL = 14;
const LANE = 64;

/**
 * Lanes of LANE px, each under a LABEL px title, starting `top` px from the top (room for markers
 * above), the score axis 6 px under the lower lane, and the axis title in the bottom margin.
 */
export function lanesLayout(width: number, top = CHART_MARGINS.top): LanesLayout {
  const margins: Margins = { ...CHART_MARGINS, top };
  const posLabelY = top + LABEL - 3;
  const posLane = { top: top + LABEL, bottom: top + LABEL + LANE };
  const negLabelY = posLane.bottom + LABEL - 1;
  const negLane = { top: posLane.bottom + LABEL + 2, bottom: posLane.bottom + LABEL + 2 + LANE };
  const axisY = negLane.bottom + 6;
  return {
    width,
    height: axisY + margins.bottom,
    margins,
    posLane,
    negLane,
    posLabelY,
    negLabelY,
    axisY,
  };
}
