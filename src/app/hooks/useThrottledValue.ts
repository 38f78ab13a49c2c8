/**
 * `value`, changing at most once per `intervalMs` (0: every change, passed straight through): the
 * first change after a quiet spell passes at once, later ones wait for the interval and only the
 * newest is delivered. Delivered as a transition, so what renders it is interruptible.
 */
import { startTransition, useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(-Infinity);

  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = last.current + intervalMs - performance.now();
    const deliver = () => {
      last.current = performance.now();
      startTransition(() => setShown(value));
    };
    if (intervalMs <= 0 || wait <= 0) {
      deliver();
      return;
    }
    const timer = setTimeout(deliver, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);

  return intervalMs <= 0 ? value : shown;
}
