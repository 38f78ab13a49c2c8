/**
 * How often a new result reaches the panels and the candidate table. Above SVG_MARK_LIMIT per-entry
 * marks the panels paint canvases (src/viz/marks.ts), tens of milliseconds per
 * result at 10⁴ marks; they then get a new snapshot at most every DENSE_FEED_MS, so a drag's readouts
 * (every result) do not queue behind repaints. Smaller sets and histogram-only sets follow every
 * result.
 */
import type { EntryDetail } from '../../explain/types.ts';
import { SVG_MARK_LIMIT } from '../../viz/marks.ts';

export const DENSE_FEED_MS = 120;

/** The minimum interval between snapshots drawn for a result with this per-entry detail. */
export function feedInterval(detail: EntryDetail | null | undefined): number {
  return (detail?.p.length ?? 0) > SVG_MARK_LIMIT ? DENSE_FEED_MS : 0;
}
