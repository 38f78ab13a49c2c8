/**
 * A chart figure whose SVG may carry a canvas overlay of the same box (dense dots): the <figure>
 * holds the SVG (role "img", or "group" when it holds focusable marks: an img's children are
 * presentational), the optional overlay, and a figcaption with the visible title and caption.
 * Same markup as D's ChartFigure when there is no overlay.
 */
import type { ReactNode } from 'react';

/** Props of ScoreFigure: the accessible name, visible title and caption, size and content. */
export interface ScoreFigureProps {
  /** The chart's accessible name: what it shows, with its current numbers. */
  readonly label: string;
  readonly title: string;
  readonly caption: string;
  readonly width: number;
  readonly height: number;
  /** The SVG holds focusable marks (role "group" instead of "img"). */
  readonly interactive: boolean;
  /** Drawn over the SVG in the same box (a DotCanvas). */
  readonly overlay?: ReactNode;
  readonly className?: string | undefined;
  readonly children: ReactNode;
}

/** <figure> with an SVG of width × height CSS pixels (shrinks with its container), overlay and caption. */
export function ScoreFigure(props: ScoreFigureProps) {
  const { label, title, caption, width, height, interactive, overlay, children } = props;
  return (
    <figure className={props.className ? `chart ${props.className}` : 'chart'}>
      <div style={{ position: 'relative', maxWidth: '100%', width: `${width}px` }}>
        <svg
          role={interactive ? 'group' : 'img'}
          aria-label={label}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          style={{ display: 'block', maxWidth: '100%', height: 'auto' }}
        >
          <title>{title}</title>
          {children}
        </svg>
        {overlay}
      </div>
      <figcaption>
        <strong>{title}</strong> {caption}
      </figcaption>
    </figure>
  );
}
