/**
 * A counter that changes whenever the theme may have changed colours: the system's light/dark
 * preference, or the toggle's data-theme attribute on <html>. Canvas components repaint on it (SVG
 * follows the CSS custom properties by itself).
 */
import { useEffect, useState } from 'react';

/** Increments on a prefers-color-scheme change or a data-theme/class change of the root element. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    mq?.addEventListener('change', bump);
    const observer = typeof MutationObserver === 'function' ? new MutationObserver(bump) : null;
    observer?.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'class'],
    });
    return () => {
      mq?.removeEventListener('change', bump);
      observer?.disconnect();
    };
  }, []);
  return version;
}
