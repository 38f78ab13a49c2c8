/**
 * One KaTeX expression, rendered to a string once per (expression, display) and memoised. KaTeX's
 * output carries MathML for screen readers beside the visual HTML.
 */
import katex from 'katex';
import { useMemo } from 'react';

/**
 * KaTeX options used everywhere: a bad expression becomes a visible red error node instead of throwing
 * (tests assert there are none); no `trust` (the equations need no \href or \htmlClass: the hovered
 * term is marked with \boxed); strict warnings ignored because the equations use \text with non-Latin
 * characters on purpose.
 */
export const KATEX_OPTIONS = Object.freeze({
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  output: 'htmlAndMathml',
} as const);

/** Render `expr` to HTML with KATEX_OPTIONS (pure; the component memoises it). */
export function renderTex(expr: string, display: boolean): string {
  return katex.renderToString(expr, { ...KATEX_OPTIONS, displayMode: display });
}

export interface TexProps {
  /** The TeX source (see ./equations.ts for the live-valued equations). */
  readonly expr: string;
  /** Display style on its own line (default) or inline in text. */
  readonly display?: boolean;
  readonly className?: string;
}

/** A typeset equation: a <div> in display mode, a <span> inline. */
export function Tex({ expr, display = true, className }: TexProps) {
  const html = useMemo(() => renderTex(expr, display), [expr, display]);
  const cls = className ? `tex ${className}` : 'tex';
  return display ? (
    <div className={cls} dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span className={cls} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
