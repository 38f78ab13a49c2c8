/**
 * Keeping a value's identity while its contents stay the same. Every result from the worker arrives
 * as new typed arrays, even when they hold the same numbers (a λ change moves no score); memos and
 * canvases keyed on identity would redo their work (a strip layout, a repaint of 10⁴ dots) for
 * nothing. Comparing 10⁴ numbers costs microseconds.
 */
import { useState } from 'react';

/** Whether two arrays hold the same numbers in the same order (Object.is per element). */
export function sameArray(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/**
 * `value`, or the value of an earlier render when `same(earlier, value)`: memos keyed on the result
 * keep their work while the contents do not change. (React's "state from the previous render"
 * pattern: a changed value is stored by a render-time update, so `value` must be the same object on
 * a re-render with the same props, e.g. a prop, never an object literal built in render.)
 */
export function useSameContent<T>(value: T, same: (kept: T, next: T) => boolean): T {
  const [kept, setKept] = useState(value);
  if (Object.is(kept, value) || same(kept, value)) return kept;
  setKept(value);
  return value;
}
