/**
 * One KaTeX expression, rendered to a string once per (expression, display). KaTeX's output carries
 * MathML for screen readers beside the visual HTML.
 *
 * The strings are cached in a small module-level LRU, not only in a useMemo: a panel's update is an
 * interruptible render, and a render React throws away (a newer input arrived) loses its memos; a
 * panel with several live equations (5–10 ms of KaTeX each at drag rate) then never finished. The
 * cache keeps that work across restarts, and equal equations (a drag back and forth) render once.
 *
 * KaTeX (about a third of the app's script, and its fonts and styles) is not part of the first load:
 * loadKatex() fetches it when the first equation is drawn, and until then an equation shows its TeX
 * source as plain text. Tests load it once up front (tests/setup.ts).
 */
import type Katex from 'katex';
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type RefObject,
} from 'react';
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

let katex: typeof Katex | null = null;
let loading: Promise<void> | null = null;
const waiting = new Set<() => void>();

/** Fetch KaTeX and its styles once; resolves when equations can be typeset. */
export function loadKatex(): Promise<void> {
  loading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([m]) => {
    katex = m.default;
    for (const wake of waiting) wake();
  });
  return loading;
}

/** Whether KaTeX is here; a component using it re-renders when it arrives. */
function useKatexReady(): boolean {
  return useSyncExternalStore(
    (wake) => {
      waiting.add(wake);
      return () => waiting.delete(wake);
    },
    () => katex !== null,
  );
}

/**
 * Render `expr` to HTML with KATEX_OPTIONS (pure; the component caches it: cachedTex). Needs KaTeX
 * loaded (loadKatex); before that it throws.
 */
export function renderTex(expr: string, display: boolean): string {
  if (katex === null) throw new Error('KaTeX is not loaded yet (loadKatex)');
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
  const ready = useKatexReady();
  const html = useMemo(() => (ready ? cachedTex(expr, display) : null), [ready, expr, display]);
  const ref = useRef<HTMLDivElement & HTMLSpanElement>(null);
  const holdHeight = useHeldHeight(ref, display);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (html === null) {
      void loadKatex();
      el.textContent = expr; // the source, readable, until KaTeX arrives
      return;
    }
    holdHeight();
    if (el.firstChild && el.dataset.typeset === '1') morphInnerHtml(el, html);
    else el.innerHTML = html;
    el.dataset.typeset = '1';
  }, [html, expr, holdHeight]);
  const base = display ? 'tex tex-display' : 'tex';
  const cls = className ? `${base} ${className}` : base;
  return display ? (
    <div className={cls} ref={ref} title={hint} />
  ) : (
    <span className={cls} ref={ref} title={hint} />
  );
}

/**
 * While the pointer is over the equation's panel, its block does not get shorter: the term of a
 * hovered candidate (equations.ts, boxed) can wrap onto a line of its own, and a block that shrank
 * back when it went away moved the chart below it under a still pointer, which then left the
 * candidate, dropping the term, which brought the candidate back under the pointer: the panel
 * re-rendered without end (seen after a candidate drag in panel 1, e2e explainer.spec). The
 * returned function, called before the block's content changes, sets its min-height to the tallest
 * it has been since the pointer came over the panel (its sizes come from a ResizeObserver: nothing
 * is measured in the update); the pointer leaving the panel lets it shrink. Display equations only;
 * not in jsdom.
 */
function useHeldHeight(ref: RefObject<HTMLElement | null>, display: boolean) {
  const tallest = useRef(0);
  const hold = useCallback(() => {
    const el = ref.current;
    if (!el || !display || tallest.current === 0) return;
    if (el.closest('.panel')?.matches(':hover')) el.style.minHeight = `${tallest.current}px`;
  }, [ref, display]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !display || typeof ResizeObserver === 'undefined') return;
    const panel = el.closest('.panel');
    // the block's height, or while the pointer is over the panel the tallest since it came
    const observer = new ResizeObserver((entries) => {
      const size = entries[entries.length - 1]!.borderBoxSize[0];
      if (!size) return;
      const held = panel?.matches(':hover') === true;
      tallest.current = held ? Math.max(tallest.current, size.blockSize) : size.blockSize;
    });
    observer.observe(el);
    const release = () => {
      el.style.minHeight = '';
    };
    panel?.addEventListener('pointerleave', release);
    return () => {
      observer.disconnect();
      panel?.removeEventListener('pointerleave', release);
    };
  }, [ref, display]);
  return hold;
}
