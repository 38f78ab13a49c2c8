/**
 * Every panel's chart figure: the <figure> holds the SVG (role "img" with the chart's accessible name,
 * or "group" when it holds focusable marks: an img's children are presentational), an optional
 * overlay of the same box (a canvas of dense dots), and a figcaption with the visible title and
 * caption. The SVG is width × height CSS pixels and shrinks with its container (max-width 100 %),
 * so a narrow screen never scrolls sideways.
 */
import type { ReactNode } from 'react';

/** Props of ChartFigure: the accessible name, visible title and caption, size and content. */
export interface ChartFigureProps {
  /** The chart's accessible name: what it shows, with its current numbers. */
  readonly label: string;
  readonly title: string;
  readonly caption: string;
  readonly width: number;
  readonly height: number;
  /** The SVG holds focusable marks (role "group" instead of "img"). */
  readonly interactive?: boolean;
  /** Drawn over the SVG in the same box (a DotCanvas). */
  readonly overlay?: ReactNode;
  readonly className?: string | undefined;
  readonly children: ReactNode;
}

/** <figure> with an SVG of width × height CSS pixels (shrinks with its container), overlay and caption. */
export function ChartFigure(props: ChartFigureProps) {
  const { label, title, caption, width, height, interactive = false, overlay, children } = props;
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
