/**
 * Undo and redo over what the person chose ({params, source}), as pure transitions the store applies.
 * A gesture (one slider drag, one number typed) is one undo step: changes that carry the same
 * coalescing tag as the step before them replace the present without recording a new step, until the
 * gesture ends (the tag is cleared).
 */
import type { PersistedState } from './types.ts';

/** Steps kept; older ones are forgotten (each step is two references, so this is about reach, not memory). */
export const HISTORY_LIMIT = 200;

export interface History {
  /** Oldest first; the last entry is what undo restores. */
  readonly past: readonly PersistedState[];
  /** Nearest first; the first entry is what redo restores. */
  readonly future: readonly PersistedState[];
  /** Tag of the gesture in progress, or null when the next change starts a new step. */
  readonly tag: string | null;
}

export const EMPTY_HISTORY: History = Object.freeze({ past: [], future: [], tag: null });

/**
 * Record that `present` is about to be replaced by `next`. Returns the history to store with `next`.
 * No step is recorded when `next` equals `present` (same params values, same source object) or when
 * `tag` continues the gesture in progress; any recorded change clears the redo list.
 */
export function withChange(
  history: History,
  present: PersistedState,
  next: PersistedState,
  tag: string | null = null,
): History {
  if (samePersisted(present, next)) return history;
  if (tag !== null && tag === history.tag) return { ...history, future: [] };
  const past = [...history.past, present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, future: [], tag };
}

/** Step back: the restored state and the new history, or null when there is nothing to undo. */
export function withUndo(
  history: History,
  present: PersistedState,
): { state: PersistedState; history: History } | null {
  const state = history.past[history.past.length - 1];
  if (state === undefined) return null;
  return {
    state,
    history: { past: history.past.slice(0, -1), future: [present, ...history.future], tag: null },
  };
}

/** Step forward again: the inverse of withUndo, or null when there is nothing to redo. */
export function withRedo(
  history: History,
  present: PersistedState,
): { state: PersistedState; history: History } | null {
  const state = history.future[0];
  if (state === undefined) return null;
  return {
    state,
    history: { past: [...history.past, present], future: history.future.slice(1), tag: null },
  };
}

/** End the gesture in progress: the next change records a new step. */
export function withGestureEnd(history: History): History {
  return history.tag === null ? history : { ...history, tag: null };
}

/**
 * Same choice: every parameter equal (Object.is, so −0 ≠ 0 and NaN = NaN cannot make a step vanish) and
 * the very same source object (sources are immutable; a new one is a new choice), and the very same
 * baseline object (or none on both).
 */
export function samePersisted(a: PersistedState, b: PersistedState): boolean {
  if (a.source !== b.source || a.baseline !== b.baseline || a.train !== b.train) return false;
  const keys = Object.keys(a.params) as (keyof PersistedState['params'])[];
  return keys.every((k) => Object.is(a.params[k], b.params[k]));
}
