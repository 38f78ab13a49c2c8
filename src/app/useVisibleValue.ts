/**
 * A value that follows `value` while its element is on screen (within `rootMargin` of the viewport)
 * and, while it is not, keeps what it last showed and catches up once changes pause for SETTLE_MS,
 * in idle time, one element per idle period (idleQueue), in an interruptible render. A drag streams
 * a new value every frame; re-rendering what nobody sees at that rate (panels, a table of hundreds
 * of cells) only delays what they do see. An element scrolling into view shows the latest at once.
 */
import { startTransition, useEffect, useRef, useState } from 'react';
import { enqueueIdle } from './idleQueue.ts';
import { useOnScreen } from './useOnScreen.ts';

/** Quiet time after the last change before off-screen elements catch up (ms). */
export const SETTLE_MS = 200;

export function useVisibleValue<T, E extends Element = HTMLDivElement>(
  value: T,
  rootMargin = '300px',
): [ref: (el: E | null) => void, shown: T] {
  const [ref, visible] = useOnScreen<E>(rootMargin);
  // The value last shown while off screen (follows `value` while visible).
  const [drawn, setDrawn] = useState(value);
  const key = useRef({}).current;

  useEffect(() => {
    if (Object.is(drawn, value)) return;
    // On screen: remember what is shown (what renders it is memoised: this re-renders nothing).
    if (visible) {
      setDrawn(value);
      return;
    }
    let cancelIdle = () => {};
    const timer = setTimeout(() => {
      cancelIdle = enqueueIdle(key, () => startTransition(() => setDrawn(value)));
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, [visible, value, drawn, key]);

  return [ref, visible ? value : drawn];
}
