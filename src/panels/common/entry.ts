/**
 * One candidate entry of ExplainerData.detail looked up by its flat index r·K + c (the id shared by
 * every panel's hover and edit).
 */
import type { EntryDetail } from '../../explain/types.ts';

/** The per-entry values of one entry, gathered from the detail columns. */
export interface EntryValues {
  /** Position in the detail columns. */
  readonly at: number;
  readonly index: number;
  readonly row: number;
  readonly cls: number;
  readonly positive: boolean;
  readonly p: number;
  readonly logit: number;
  readonly q: number;
  readonly o: number;
  readonly gradP: number;
  readonly gradLogit: number;
  readonly focalGrad: number;
  readonly bceGrad: number;
  readonly pairGradP: number;
}

/**
 * The entry with flat index `flat`, or null when there is no detail (histogram-only sets), no such
 * entry (ignored, deleted) or flat is null. Linear scan: detail holds at most DETAIL_LIMIT entries and
 * this runs once per hover change.
 */
export function entryOf(detail: EntryDetail | null, flat: number | null): EntryValues | null {
  if (detail === null || flat === null) return null;
  const idx = detail.index;
  for (let i = 0; i < idx.length; i++) {
    if (idx[i] !== flat) continue;
    return {
      at: i,
      index: flat,
      row: detail.row[i],
      cls: detail.cls[i],
      positive: detail.positive[i] === 1,
      p: detail.p[i],
      logit: detail.logit[i],
      q: detail.q[i],
      o: detail.o[i],
      gradP: detail.gradP[i],
      gradLogit: detail.gradLogit[i],
      focalGrad: detail.focalGrad[i],
      bceGrad: detail.bceGrad[i],
      pairGradP: detail.pairGradP[i],
    };
  }
  return null;
}
