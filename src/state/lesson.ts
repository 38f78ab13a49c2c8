/**
 * The lesson part of a link: which tour step is open, which controls and panels a teacher hid, and
 * which one panel an embed shows alone. It is view state (no undo, never saved in this browser), but
 * it travels in the link so a teacher can send "step 4" or one panel for an iframe.
 */

/** The eight panels in the page's order, by the names links use (`embed=distribution`). */
export const PANEL_IDS = [
  'imbalance',
  'ranking',
  'worst-case',
  'distribution',
  'smoothing',
  'gradient',
  'recovery',
  'tables',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** What `hide=` may name: the page's blocks around the panels, and any panel. */
export const HIDE_IDS = [
  'controls',
  'readouts',
  'candidates',
  'import',
  'editor',
  ...PANEL_IDS,
] as const;
export type HideId = (typeof HIDE_IDS)[number];

/** The largest tour step number a link may carry (the app clamps to the steps it has). */
export const MAX_TOUR_STEP = 99;

export interface Lesson {
  /** The open tour step, 1-based; null when the tour is closed. */
  readonly tour: number | null;
  /** Blocks and panels hidden for this lesson, in HIDE_IDS order, no repeats. */
  readonly hide: readonly HideId[];
  /** The one panel shown alone (iframe embedding); null for the full page. */
  readonly embed: PanelId | null;
}

export const DEFAULT_LESSON: Lesson = Object.freeze({
  tour: null,
  hide: Object.freeze([]) as readonly HideId[],
  embed: null,
});

export function isPanelId(text: string): text is PanelId {
  return (PANEL_IDS as readonly string[]).includes(text);
}

export function isHideId(text: string): text is HideId {
  return (HIDE_IDS as readonly string[]).includes(text);
}

/** Same lesson view, field by field. */
export function sameLesson(a: Lesson, b: Lesson): boolean {
  return (
    a.tour === b.tour &&
    a.embed === b.embed &&
    a.hide.length === b.hide.length &&
    a.hide.every((h, i) => h === b.hide[i])
  );
}
