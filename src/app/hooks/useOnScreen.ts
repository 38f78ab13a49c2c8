/**
 * Whether an element is within `rootMargin` of the viewport (IntersectionObserver). Starts as
 * `initial` until the observer first reports, and is true where there is no IntersectionObserver
 * (jsdom, very old browsers): then everything is treated as visible and kept live.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useOnScreen<T extends Element>(
  rootMargin = '0px',
  initial = true,
): [ref: (el: T | null) => void, visible: boolean] {
  const [visible, setVisible] = useState(
    () => initial || typeof IntersectionObserver === 'undefined',
  );
  const observer = useRef<IntersectionObserver | null>(null);

  const ref = useCallback(
    (el: T | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!el || typeof IntersectionObserver === 'undefined') return;
      observer.current = new IntersectionObserver(
        (entries) => {
          const last = entries[entries.length - 1];
          if (last) setVisible(last.isIntersecting);
        },
        { rootMargin },
      );
      observer.current.observe(el);
    },
    [rootMargin],
  );

  useEffect(() => () => observer.current?.disconnect(), []);
  return [ref, visible];
}
