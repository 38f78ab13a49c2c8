/**
 * The gradient chart's derived arrays (panel 6), computed once per snapshot and cached outside React
 * (memoByKey): the three normalised series, and at canvas density the dot positions of all three
 * panes and the per-dot entry ids. At 10⁴ candidates these are 3 × 10⁴ values each, redone on every
 * result of a drag; in an interruptible render that React restarts they must not be redone per try.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import { memoByKey } from '../../viz/memoByKey.ts';
import type { DotMarks } from '../../viz/paintDots.ts';
import { scoreScale } from '../../viz/scales.ts';
import type { EntryDetail } from '../../explain/types.ts';
import {
  SERIES,
  normalise,
  paneLayout,
  seriesValues,
  type GradWrt,
  type Normalised,
  type SeriesId,
} from './gradientSeries.ts';

/** The three panes' geometry (constant). */
export const LAYOUT = paneLayout();

/** Each pane's value scale: −1 at its bottom, 1 at its top. */
export const PANE_SCALES: readonly ScaleLinear<number, number>[] = LAYOUT.panes.map((pane) =>
  scaleLinear().domain([-1, 1]).range([pane.bottom, pane.top]),
);

/** One series after normalisation, tagged with its id. */
export interface NormalisedSeries extends Normalised {
  readonly id: SeriesId;
}

/** The three series of `detail`, top to bottom (DR's by `wrt`), each divided by its max |value|. */
export const seriesOf = memoByKey(
  (detail: EntryDetail, wrt: GradWrt): readonly NormalisedSeries[] =>
    SERIES.map((id) => ({ id, ...normalise(seriesValues(detail, id, wrt)) })),
);

/**
 * Dots of all three panes for a chart `width` px wide: pane k's dot of entry j at position k·n + j,
 * x from its score, y from its normalised value in that pane.
 */
export const denseMarks = memoByKey(
  (detail: EntryDetail, wrt: GradWrt, width: number): DotMarks => {
    const n = detail.p.length;
    const x = scoreScale(width);
    const series = seriesOf(detail, wrt);
    const mx = new Float64Array(3 * n);
    const my = new Float64Array(3 * n);
    const mp = new Uint8Array(3 * n);
    for (let j = 0; j < n; j++) mx[j] = x(detail.p[j]);
    mx.copyWithin(n, 0, n);
    mx.copyWithin(2 * n, 0, n);
    series.forEach((ser, k) => {
      const y = PANE_SCALES[k];
      for (let j = 0; j < n; j++) my[k * n + j] = y(ser.scaled[j]);
      mp.set(detail.positive, k * n);
    });
    return { x: mx, y: my, positive: mp };
  },
);

/** Flat index, row and class of every dot of denseMarks (each entry's three times over). */
export const denseIds = memoByKey((detail: EntryDetail) => {
  const n = detail.p.length;
  const rep = (a: Int32Array) => {
    const out = new Int32Array(3 * n);
    for (let k = 0; k < 3; k++) out.set(a, k * n);
    return out;
  };
  return { index: rep(detail.index), row: rep(detail.row), cls: rep(detail.cls) };
});
