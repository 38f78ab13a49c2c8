/**
 * The content width of an element in CSS pixels, kept up to date by a ResizeObserver: the panels draw
 * to it (360 px phones to wide screens). Where layout is unavailable (jsdom: no ResizeObserver, zero
 * sizes) it reports `fallback`, so the panels still render in tests.
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
      measure(el.clientWidth);
      if (typeof ResizeObserver === 'undefined') return;
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
