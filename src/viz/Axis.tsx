/**
 * An axis drawn by React from a d3 scale's ticks (visx style: d3 computes the ticks and their labels,
 * JSX draws them). Colours come from the theme's custom properties.
 */
import { px } from './format.ts';

/** The part of a d3 continuous scale an axis needs (linear, log, pow all qualify). */
export interface TickScale {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (d: number) => string;
  range(): number[];
}

/** Props of Axis: the scale, which side, where, the title, and tick options. */
export interface AxisProps {
  readonly scale: TickScale;
  /** 'bottom': a horizontal axis with ticks below its line; 'left': vertical, ticks to the left. */
  readonly orient: 'bottom' | 'left';
  /** Where the axis line sits: the y of a bottom axis, the x of a left axis (pixels). */
  readonly at: number;
  /** The axis title with its unit, e.g. "score p = σ(x)". */
  readonly label: string;
  /** Approximate tick count (d3 picks round values); default 5. */
  readonly ticks?: number;
  /** Tick label format; default the scale's own tickFormat for that count. */
  readonly format?: (value: number) => string;
  /** Distance from the axis line to the title's baseline, in pixels (titles beside the axis). */
  readonly labelOffset?: number;
  /**
   * Where a left axis's title goes: 'side' (default) rotated along the axis, left of the tick labels;
   * 'top' horizontal above the axis's top end, ending where the tick labels end, so it can never
   * overlap them however wide they are (for short axes in a narrow margin).
   */
  readonly labelAt?: 'side' | 'top';
  /** Draw faint grid lines across the plot, this long (pixels), from each tick. */
  readonly gridLength?: number;
}

const TICK = 5;
/** A 'top' title's baseline sits this far above the axis's top end: clear of the top tick's label. */
const TOP_TITLE_GAP = 7;

/** A bottom or left axis with tick marks, tick labels, an optional grid and a title. */
export function Axis(props: AxisProps) {
  const { scale, orient, at, label, ticks = 5, gridLength } = props;
  const values = scale.ticks(ticks);
  const format = props.format ?? scale.tickFormat(ticks);
  const [r0, r1] = scale.range();
  const lo = px(Math.min(r0, r1));
  const hi = px(Math.max(r0, r1));
  const mid = px((lo + hi) / 2);
  const horizontal = orient === 'bottom';
  const offset = props.labelOffset ?? (horizontal ? 32 : 36);
  return (
    <g className={`axis axis-${orient}`} fontSize={11} fill="var(--fg)">
      {horizontal ? (
        <line x1={lo} x2={hi} y1={px(at)} y2={px(at)} stroke="var(--muted)" />
      ) : (
        <line x1={px(at)} x2={px(at)} y1={lo} y2={hi} stroke="var(--muted)" />
      )}
      {values.map((v) => {
        const p = px(scale(v));
        return horizontal ? (
          <g key={v} transform={`translate(${p},${px(at)})`}>
            {gridLength ? <line y2={px(-gridLength)} stroke="var(--grid)" /> : null}
            <line y2={TICK} stroke="var(--muted)" />
            <text y={TICK + 3} dy="0.71em" textAnchor="middle">
              {format(v)}
            </text>
          </g>
        ) : (
          <g key={v} transform={`translate(${px(at)},${p})`}>
            {gridLength ? <line x2={px(gridLength)} stroke="var(--grid)" /> : null}
            <line x2={-TICK} stroke="var(--muted)" />
            <text x={-TICK - 3} dy="0.32em" textAnchor="end">
              {format(v)}
            </text>
          </g>
        );
      })}
      {horizontal ? (
        <text className="axis-label" x={mid} y={px(at + offset)} textAnchor="middle">
          {label}
        </text>
      ) : props.labelAt === 'top' ? (
        <text
          className="axis-label"
          x={px(at - TICK - 3)}
          y={px(lo - TOP_TITLE_GAP)}
          textAnchor="end"
        >
          {label}
        </text>
      ) : (
        <text
          className="axis-label"
          transform={`translate(${px(at - offset)},${mid}) rotate(-90)`}
          textAnchor="middle"
        >
          {label}
        </text>
      )}
    </g>
  );
}
