/**
 * The content width of an element in CSS pixels, kept up to date by a ResizeObserver: the panels draw
 * to it (360 px phones to wide screens). Where layout is unavailable (jsdom: no ResizeObserver, zero
 * sizes) it reports `fallback`, so the panels still render in tests. The width is 0 until the
 * observer's first report (an element that is laid out with no width never gets one).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useElementWidth<T extends HTMLElement>(
  fallback = 640,
): [ref: (el: T | null) => void, width: number] {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);

  const ref = useCallback(
    (el: T | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!el) return;
      const measure = (w: number) => setWidth(w > 0 ? Math.floor(w) : fallback);
      if (typeof ResizeObserver === 'undefined') {
        measure(el.clientWidth);
        return;
      }
      // The observer's first report comes once the page is laid out anyway. Reading clientWidth here,
      // inside React's commit, forced that layout in the middle of the commit instead (80 ms of the
      // first screen's commit with the CPU throttled 4×).
      observer.current = new ResizeObserver((entries) => {
        const box = entries[entries.length - 1]?.contentRect;
        if (box) measure(box.width);
      });
      observer.current.observe(el);
    },
    [fallback],
  );

  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, width];
}
