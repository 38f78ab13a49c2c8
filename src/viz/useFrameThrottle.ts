/**
 * Throttle a callback to animation frames: a drag emits many pointer events per frame, but the store
 * and the worker need at most one edit per frame (the last one wins).
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';

/** schedule(v): call fn(v) at the next frame (replacing any pending value); flush(): call it now. */
export interface FrameThrottle<T> {
  readonly schedule: (value: T) => void;
  readonly flush: () => void;
}

const raf: (cb: () => void) => number =
  typeof requestAnimationFrame === 'function'
    ? (cb) => requestAnimationFrame(cb)
    : (cb) => setTimeout(cb, 16) as unknown as number;
const caf: (id: number) => void =
  typeof cancelAnimationFrame === 'function'
    ? (id) => cancelAnimationFrame(id)
    : (id) => clearTimeout(id);

/** Frame-throttled calls of `fn` (the latest fn is used; a pending call is dropped on unmount). */
export function useFrameThrottle<T>(fn: ((value: T) => void) | undefined): FrameThrottle<T> {
  const fnRef = useRef(fn);
  const pending = useRef<{ value: T } | null>(null);
  const frame = useRef(0);
  useEffect(() => {
    fnRef.current = fn;
  }, [fn]);
  useEffect(
    () => () => {
      if (frame.current) caf(frame.current);
      frame.current = 0;
      pending.current = null;
    },
    [],
  );
  const flush = useCallback(() => {
    if (frame.current) caf(frame.current);
    frame.current = 0;
    const p = pending.current;
    pending.current = null;
    if (p) fnRef.current?.(p.value);
  }, []);
  const schedule = useCallback((value: T) => {
    pending.current = { value };
    if (!frame.current) {
      frame.current = raf(() => {
        frame.current = 0;
        const p = pending.current;
        pending.current = null;
        if (p) fnRef.current?.(p.value);
      });
    }
  }, []);
  return useMemo(() => ({ schedule, flush }), [schedule, flush]);
}
