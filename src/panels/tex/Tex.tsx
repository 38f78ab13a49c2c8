/**
 * One KaTeX expression, rendered to a string once per (expression, display). KaTeX's output carries
 * MathML for screen readers beside the visual HTML.
 *
 * The strings are cached in a small module-level LRU, not only in a useMemo: a panel's update is an
 * interruptible render, and a render React throws away (a newer input arrived) loses its memos; a
 * panel with several live equations (5–10 ms of KaTeX each at drag rate) then never finished. The
 * cache keeps that work across restarts, and equal equations (a drag back and forth) render once.
 */
import katex from 'katex';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { morphInnerHtml } from './morph.ts';

/**
 * KaTeX options used everywhere: a bad expression becomes a visible red error node instead of throwing
 * (tests assert there are none, and parse every live equation in strict mode); no `trust` (the
 * equations need no \href or \htmlClass: the hovered term is marked with \boxed).
 */
export const KATEX_OPTIONS = Object.freeze({
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  output: 'htmlAndMathml',
} as const);

/**
 * The TeX KaTeX is given for `expr`: display equations are typeset in KaTeX's inline mode with
 * \displaystyle, because only inline mode breaks long lines (after top-level relations and binary
 * operators), and the live equations must fit a 360 px screen without sideways scrolling.
 */
export function texSource(expr: string, display: boolean): string {
  return display ? `\\displaystyle ${expr}` : expr;
}

/** Render `expr` to HTML with KATEX_OPTIONS (pure; the component caches it: cachedTex). */
export function renderTex(expr: string, display: boolean): string {
  return katex.renderToString(texSource(expr, display), { ...KATEX_OPTIONS, displayMode: false });
}

/** Typeset strings kept (a page shows about 20 equations; a drag adds a few per step). */
export const TEX_CACHE_SIZE = 256;
const cache = new Map<string, string>();

/** renderTex through a least-recently-used cache of TEX_CACHE_SIZE strings. */
export function cachedTex(expr: string, display: boolean): string {
  const key = (display ? 'D' : 'I') + expr;
  let html = cache.get(key);
  if (html === undefined) {
    html = renderTex(expr, display);
    if (cache.size >= TEX_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key); // re-inserted below: a Map iterates oldest first
  }
  cache.set(key, html);
  return html;
}

export interface TexProps {
  /** The TeX source (see ./equations.ts for the live-valued equations). */
  readonly expr: string;
  /** Display style in its own block (default; wraps at = and + when narrow) or inline in text. */
  readonly display?: boolean;
  readonly className?: string;
  /** Shown on hover (a title): e.g. the pinned baseline A's numbers for this equation. */
  readonly hint?: string | undefined;
}

/**
 * A typeset equation: a <div> in display mode, a <span> inline. React owns the element; its content
 * is KaTeX's markup, morphed in place when the equation changes (./morph.ts: a new number rewrites
 * a few text nodes instead of rebuilding some hundreds of elements), before the browser paints.
 */
export function Tex({ expr, display = true, className, hint }: TexProps) {
  const html = useMemo(() => cachedTex(expr, display), [expr, display]);
  const ref = useRef<HTMLDivElement & HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (el.firstChild) morphInnerHtml(el, html);
    else el.innerHTML = html;
  }, [html]);
  const base = display ? 'tex tex-display' : 'tex';
  const cls = className ? `${base} ${className}` : base;
  return display ? (
    <div className={cls} ref={ref} title={hint} />
  ) : (
    <span className={cls} ref={ref} title={hint} />
  );
}
