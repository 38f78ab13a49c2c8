/**
 * The data of the gradient panel (panel 6): the DR gradient of each candidate beside the focal-loss
 * and cross-entropy gradients of the same candidates, each normalised by its own largest magnitude so
 * the three compare on one scale, and how much of each the hardest 1 % of negatives receive.
 */
import { hardestCount } from '../../explain/sortedSet.ts';
import { memoByKey } from '../../viz/memoByKey.ts';
import type { EntryDetail } from '../../explain/types.ts';

/** Which derivative of DR the first series shows: ∂DR/∂logit (default) or ∂DR/∂p. */
export type GradWrt = 'logit' | 'p';

/** The three series, top to bottom. */
export type SeriesId = 'dr' | 'focal' | 'bce';
export const SERIES: readonly SeriesId[] = ['dr', 'focal', 'bce'];

/** A series divided by its largest |value|: values in [−1, 1], and the divisor. */
export interface Normalised {
  readonly scaled: Float64Array;
  /** max_j |g_j| over the candidates; 0 when every value is 0 (then scaled is all 0, never NaN). */
  readonly maxAbs: number;
}

/**
 * g_j / max_k |g_k|: the normalisation of the panel (each series by its own maximum magnitude over
 * the candidates, so the largest bar of every series has length 1 and only shapes are compared).
 * Non-finite inputs are treated as 0 (none are expected; this keeps the drawing NaN-free).
 */
export function normalise(values: Float64Array): Normalised {
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (a > maxAbs && Number.isFinite(a)) maxAbs = a;
  }
  const scaled = new Float64Array(values.length);
  if (maxAbs > 0) {
    const inv = 1 / maxAbs;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      scaled[i] = Number.isFinite(v) ? v * inv : 0;
    }
  }
  return { scaled, maxAbs };
}

/** Positions of the entries sorted by score p ascending (ties: lower position first). */
export function orderByScore(p: Float64Array): Int32Array {
  const order = Int32Array.from({ length: p.length }, (_, i) => i);
  order.sort((a, b) => p[a] - p[b] || a - b);
  return order;
}

/** The raw column of one series (the DR one by `wrt`); all ∂/∂logit except DR with wrt = 'p'. */
export function seriesValues(detail: EntryDetail, id: SeriesId, wrt: GradWrt): Float64Array {
  switch (id) {
    case 'dr':
      return wrt === 'logit' ? detail.gradLogit : detail.gradP;
    case 'focal':
      return detail.focalGrad;
    case 'bce':
      return detail.bceGrad;
  }
}

/**
 * Positions of the negatives, hardest first: by score p descending, ties to the lower position (as
 * explain's hardestShare). Cached per score array, so the focal and cross-entropy shares of one
 * snapshot sort once.
 */
export const negativesByHardness = memoByKey((p: Float64Array, positive: Uint8Array) => {
  let n = 0;
  for (let i = 0; i < p.length; i++) if (positive[i] === 0) n++;
  const neg = new Int32Array(n);
  for (let i = 0, k = 0; i < p.length; i++) if (positive[i] === 0) neg[k++] = i;
  return neg.sort((a, b) => p[b] - p[a] || a - b);
});

/**
 * The share of Σ_{j ∈ N} |g_j| that the hardest 1 % of negatives (the ⌈0.01·n−⌉ highest scores, ties
 * to the lower position, as explain's hardestShare) receive, for any per-entry column g (here the
 * focal and cross-entropy ∂/∂logit, to set beside DR's share). In [0, 1]; 0 without negatives or
 * when every negative's g is 0. Kahan-compensated sums.
 */
export function hardestShareOf(detail: EntryDetail, g: Float64Array): number {
  const neg = negativesByHardness(detail.p, detail.positive);
  const k = hardestCount(neg.length);
  if (k === 0) return 0;
  let total = 0;
  let c = 0;
  let top = 0;
  let ct = 0;
  for (let r = 0; r < neg.length; r++) {
    const v = Math.abs(g[neg[r]]);
    if (!Number.isFinite(v)) continue;
    const y = v - c;
    const t = total + y;
    c = t - total - y;
    total = t;
    if (r < k) {
      const yt = v - ct;
      const tt = top + yt;
      ct = tt - top - yt;
      top = tt;
    }
  }
  return total > 0 ? Math.min(1, top / total) : 0;
}

/** Vertical geometry of the three stacked panes (CSS pixels). */
export interface PaneLayout {
  /** Top and bottom pixel of each pane, in SERIES order. */
  readonly panes: readonly { readonly top: number; readonly bottom: number }[];
  /** Total SVG height, the x axis sits at `axisY`. */
  readonly height: number;
  readonly axisY: number;
}

/** Three panes of `paneHeight` separated by `gap`, below `top` and above a 40 px score axis. */
export function paneLayout(paneHeight = 96, gap = 22, top = 18): PaneLayout {
  const panes = SERIES.map((_, i) => {
    const t = top + i * (paneHeight + gap);
    return { top: t, bottom: t + paneHeight };
  });
  const axisY = panes[panes.length - 1].bottom + 6;
  return { panes, axisY, height: axisY + 40 };
}
