/**
 * How many of a chart's `total` SVG marks (editable candidate dots) to draw now: MARK_STEP at the
 * chart's first render, MARK_STEP more in each later task until all are drawn; from then on all of
 * them, and a later, larger set grows on from there. Only a chart's first render is stepped: its
 * updates (a drag, a new result) re-render the marks it has at once.
 *
 * Why: a panel's first render drew every dot (a group and two circles, each with its accessible
 * name) in one task. With the paper's default set (900 dots) and the CPU throttled 4×, the longest
 * main-thread task in the 4 s after the first readout was 260–510 ms (bench:ui, medians of 3 loads),
 * 91 ms in a build drawing no SVG dots, and 128–224 ms with this step of 250.
 *
 * Where there is no IntersectionObserver (jsdom) everything is drawn at once, as the panels mount
 * there (app/hooks/useMountInTurn.ts).
 */
import { useGrowingCount } from './useGrowingCount.ts';

/** Marks drawn per task while a chart first fills. */
export const MARK_STEP = 250;

const NO_KEYS: readonly unknown[] = [];

export function useMarksInSteps(total: number): number {
  const step = typeof IntersectionObserver === 'undefined' ? Infinity : MARK_STEP;
  return useGrowingCount(total, step, NO_KEYS);
}
