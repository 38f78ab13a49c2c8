/**
 * The frame shared by panels 5–8: a <section> named by its heading, so each panel is a landmark a
 * screen reader can jump to, and a <figure> helper for charts.
 */
import { useId, type ReactNode } from 'react';

export interface PanelFrameProps {
  /** The panel's heading (from the string table, e.g. "5 · Smoothing (Eq. 7–8)"). */
  readonly title: string;
  /** A stable class naming the panel, e.g. "panel-smoothing". */
  readonly className: string;
  readonly children: ReactNode;
}

/** <section aria-labelledby> around a panel's heading and content. */
export function PanelFrame({ title, className, children }: PanelFrameProps) {
  const id = useId();
  return (
    <section className={`panel ${className}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export interface ChartFigureProps {
  /** The chart's accessible name: what it shows and its current numbers. */
  readonly label: string;
  /** A visible title above the chart. */
  readonly title: string;
  /** A visible caption under it. */
  readonly caption: string;
  readonly width: number;
  readonly height: number;
  /**
   * The chart holds focusable marks: then the SVG is a role="group" (an img's children are
   * presentational, so focusable marks inside one would be hidden from assistive technology).
   */
  readonly interactive?: boolean;
  readonly children: ReactNode;
}

/**
 * An SVG chart inside a <figure>: the SVG carries role="img" (or "group", see `interactive`) with `label` (and a <title> for tooltips),
 * the visible `title` and `caption` go in the figcaption. The SVG is width × height CSS pixels, and
 * scales down with its container (max-width 100 %) so a narrow screen never scrolls sideways.
 */
export function ChartFigure(props: ChartFigureProps) {
  const { label, title, caption, width, height, interactive = false, children } = props;
  return (
    <figure className="chart">
      <svg
        role={interactive ? 'group' : 'img'}
        aria-label={label}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: '100%', height: 'auto' }}
      >
        <title>{title}</title>
        {children}
      </svg>
      <figcaption>
        <strong>{title}</strong> {caption}
      </figcaption>
    </figure>
  );
}
