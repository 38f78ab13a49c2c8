/**
 * How many of `total` items to render now: `step` at first, then `step` more in each later task
 * until all are, and `step` again whenever `key` changes (new items to create). Items rendered once
 * stay rendered while `key` holds, so an edit or a new result re-renders what is there at once.
 *
 * Why: the candidate table mounted a whole page (200 lines, each with a number box, and a label
 * select per row) in the task that applied an import; that render and the style and layout of its
 * ~4,000 new elements (forced by Chromium's autofill, which inspects every new form control, even
 * off screen under content-visibility) were main-thread tasks of 50–100 ms. A step of a few dozen
 * lines keeps each task short; the rest follows within a few frames.
 */
import { useEffect, useState } from 'react';

export function useGrowingCount(total: number, step: number, keys: readonly unknown[]): number {
  const [state, setState] = useState({ keys, count: step });
  let { count } = state;
  let current = state.keys;
  if (!sameKeys(current, keys)) {
    // New items: start again from one step (React re-renders at once with this state).
    count = step;
    current = keys;
    setState({ keys, count });
  }
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(
      () => setState((s) => (s.keys === current ? { keys: current, count: s.count + step } : s)),
      0,
    );
    return () => clearTimeout(timer);
  }, [count, total, current, step]);
  return Math.min(count, total);
}

function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
