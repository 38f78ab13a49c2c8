/**
 * Pure pieces of the candidate table: paging (by entries, so a many-class set keeps pages short),
 * the label choices of a row, and where each flat entry sits in the explainer's per-entry detail.
 */
import type { EntryDetail } from '../explain/types.ts';

/** Entries (rows × classes) shown per page. */
export const PAGE_ENTRIES = 200;

/**
 * Entries (lines) of a page mounted per task (useGrowingCount): a line is a row of the table with a
 * number box, ~20 elements; 40 lines render, style and lay out in well under 50 ms.
 */
export const MOUNT_STEP_ENTRIES = 40;

/** Rows mounted per task for a set of K classes: ⌊MOUNT_STEP_ENTRIES / K⌋, at least one. */
export function mountStepRows(K: number): number {
  return Math.max(1, Math.floor(MOUNT_STEP_ENTRIES / Math.max(1, K)));
}

/** Rows per page for a set of K classes: ⌊PAGE_ENTRIES / K⌋, at least one. */
export function rowsPerPage(K: number): number {
  return Math.max(1, Math.floor(PAGE_ENTRIES / Math.max(1, K)));
}

/** Number of pages for R rows (at least one). */
export function pageCount(R: number, K: number): number {
  return Math.max(1, Math.ceil(R / rowsPerPage(K)));
}

/** The rows [from, to) of page `page` (clamped into range). */
export function pageRows(
  page: number,
  R: number,
  K: number,
): { page: number; from: number; to: number } {
  const per = rowsPerPage(K);
  const p = Math.min(Math.max(0, Math.floor(page)), pageCount(R, K) - 1);
  return { page: p, from: p * per, to: Math.min(R, (p + 1) * per) };
}

/** The page showing row `row`. */
export function pageOfRow(row: number, K: number): number {
  return Math.floor(row / rowsPerPage(K));
}

/** A row's label choices in cycle order: background (0), class 1..K, ignored (−1). */
export function labelTargets(K: number): number[] {
  return [0, ...Array.from({ length: K }, (_, k) => k + 1), -1];
}

/**
 * position[flat] = k with detail.index[k] = flat, −1 for entries the detail does not hold (ignored
 * rows, or a detail of another set size). Length R·K.
 */
export function detailPositions(detail: EntryDetail | null, entries: number): Int32Array {
  const position = new Int32Array(entries).fill(-1);
  if (!detail) return position;
  for (let k = 0; k < detail.index.length; k++) {
    const flat = detail.index[k];
    if (flat < entries) position[flat] = k;
  }
  return position;
}

/**
 * About how tall the table of a page of `rows` rows of K classes is (px): its header and a ~35 px line
 * per entry. The placeholder height of the table while it is off screen and not yet rendered.
 */
export function tableHeightEstimate(rows: number, K: number): number {
  return 40 + 35 * rows * Math.max(1, K);
}
