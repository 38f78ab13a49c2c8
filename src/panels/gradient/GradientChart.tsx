/**
 * The chart of panel 6: three stacked panes over the shared score axis, one per series (DR, focal
 * loss, cross-entropy), each candidate a dot at (p_j, g_j / max|g|) coloured by its label. Up to
 * SVG_MARK_LIMIT candidates are SVG elements (the DR dots are editable sliders); above it the dots
 * are painted on a canvas laid over an SVG of axes (the DotCanvas fills its positioned parent).
 */
import { useMemo } from 'react';
import type { Translate } from '../../i18n/strings.ts';
import { Axis } from '../../viz/Axis.tsx';
import { CandidateDot } from '../../viz/CandidateDot.tsx';
import { useMarksInSteps } from '../../viz/useMarksInSteps.ts';
import { DotCanvas } from '../../viz/DotCanvas.tsx';
import { fmtNum, fmtP, px } from '../../viz/format.ts';
import { CHART_MARGINS, scoreScale } from '../../viz/scales.ts';
import type { EntryDetail } from '../../explain/types.ts';
import type { PanelEdit } from '../../state/types.ts';
import { SVG_MARK_LIMIT } from '../../viz/marks.ts';
import { CheckMarks, highlightedAt } from '../common/CheckMarks.tsx';
import { LAYOUT, PANE_SCALES, denseIds, denseMarks, seriesOf } from './gradientMarks.ts';
import {
  SERIES,
  orderByScore,
  seriesValues,
  type GradWrt,
  type SeriesId,
} from './gradientSeries.ts';

export interface GradientChartProps {
  readonly detail: EntryDetail;
  readonly wrt: GradWrt;
  readonly width: number;
  /** Position in the detail columns of the hovered entry, or −1. */
  readonly hoveredAt: number;
  /** The chart's accessible name. */
  readonly label: string;
  readonly title: string;
  readonly caption: string;
  readonly s: Translate;
  readonly onHover: (index: number | null) => void;
  readonly onEdit?: ((edit: PanelEdit) => void) | undefined;
  /** The pinned baseline A's per-entry detail: its DR gradients drawn faintly, on this chart's scale. */
  readonly baseline?: EntryDetail | null | undefined;
  /** Entries to mark (PanelProps.highlighted), on the DR pane. */
  readonly highlighted?: Int32Array | undefined;
}

const DOT_R = 4;

/** Pane titles: which derivative, and the divisor of the normalisation. */
function seriesName(id: SeriesId, wrt: GradWrt, s: Translate): string {
  if (id === 'dr') return s(wrt === 'logit' ? 'gradient.seriesDrLogit' : 'gradient.seriesDrP');
  return s(id === 'focal' ? 'gradient.seriesFocal' : 'gradient.seriesBce');
}

/**
 * A's DR gradients as faint rings in the DR pane, divided by the current max |g| (not A's own), so a
 * gradient that grew or shrank since A shows as a ring above or below its dot; clipped to the pane.
 */
function ghostMarks(
  baseline: EntryDetail | null | undefined,
  wrt: GradWrt,
  maxAbsNow: number,
  x: (p: number) => number,
  y: (v: number) => number,
) {
  if (!baseline || baseline.p.length > SVG_MARK_LIMIT || maxAbsNow === 0) return null;
  const values = seriesValues(baseline, 'dr', wrt);
  return (
    <g className="ghost ghost-gradient" aria-hidden="true" pointerEvents="none">
      {Array.from(values, (g, j) => (
        <circle
          key={baseline.index[j]}
          cx={px(x(baseline.p[j]))}
          cy={px(y(Math.max(-1.05, Math.min(1.05, g / maxAbsNow))))}
          r={DOT_R + 1}
          fill="none"
          stroke="var(--ghost)"
          strokeWidth={2}
        />
      ))}
    </g>
  );
}

/** The three stacked panes; see the module comment. */
export function GradientChart(props: GradientChartProps) {
  const { detail, wrt, width, hoveredAt, s } = props;
  const n = detail.p.length;
  const x = useMemo(() => scoreScale(width), [width]);
  const ys = PANE_SCALES;
  const series = seriesOf(detail, wrt);
  const dense = n > SVG_MARK_LIMIT;
  // DOM (and tab) order follows the score, so the keyboard walks the candidates left to right (SVG
  // only: the canvas has no per-dot elements, and sorting 10⁴ scores per result is not free).
  const order = useMemo(() => (dense ? null : orderByScore(detail.p)), [dense, detail]);
  // The marks of a first render come a step per task (useMarksInSteps), by score from the left.
  const drawn = useMarksInSteps(order?.length ?? 0);
  const marks = dense ? denseMarks(detail, wrt, width) : null;
  const repeated = dense ? denseIds(detail) : null;

  const m = CHART_MARGINS;
  const right = width - m.right;
  const ghost = dense ? null : ghostMarks(props.baseline, wrt, series[0].maxAbs, x, ys[0]);
  const hx = hoveredAt >= 0 ? px(x(detail.p[hoveredAt])) : null;

  const frame = (
    <>
      <Axis scale={x} orient="bottom" at={LAYOUT.axisY} label={s('gradient.axisScore')} />
      {LAYOUT.panes.map((pane, k) => (
        <g key={SERIES[k]} className={`pane pane-${SERIES[k]}`}>
          <Axis
            scale={ys[k]}
            orient="left"
            at={m.left}
            ticks={2}
            label={k === 1 ? s('gradient.axisGrad') : ''}
            labelOffset={30}
          />
          <line
            x1={m.left}
            x2={px(right)}
            y1={px(ys[k](0))}
            y2={px(ys[k](0))}
            stroke="var(--grid)"
          />
          <text x={m.left + 4} y={pane.top - 5} fontSize={11} fill="var(--fg)">
            {s('gradient.paneMax', {
              series: seriesName(SERIES[k], wrt, s),
              max: fmtNum(series[k].maxAbs),
            })}
          </text>
        </g>
      ))}
      {hx !== null ? (
        <line
          className="hover-guide"
          x1={hx}
          x2={hx}
          y1={LAYOUT.panes[0].top}
          y2={LAYOUT.axisY}
          stroke="var(--highlight)"
          strokeDasharray="3 3"
        />
      ) : null}
      <CheckMarks
        points={highlightedAt(detail, props.highlighted).map((k) => [
          x(detail.p[k]),
          ys[0](series[0].scaled[k]),
        ])}
        r={DOT_R + 4}
      />
    </>
  );

  if (dense && marks && repeated) {
    return (
      <figure className="chart">
        <div style={{ position: 'relative', width: `${width}px`, maxWidth: '100%' }}>
          {/* Axes and pane titles in flow (they give the box its size); the canvas of dots fills the
              same box on top, carries the chart's name and takes the pointer. */}
          <svg
            aria-hidden="true"
            width={width}
            height={LAYOUT.height}
            viewBox={`0 0 ${width} ${LAYOUT.height}`}
            style={{ display: 'block', maxWidth: '100%', height: 'auto' }}
          >
            {frame}
          </svg>
          <DotCanvas
            width={width}
            height={LAYOUT.height}
            marks={marks}
            index={repeated.index}
            row={repeated.row}
            cls={repeated.cls}
            highlight={hoveredAt}
            radius={2}
            scale={x}
            label={props.label}
            onHover={props.onHover}
            onEdit={props.onEdit}
          />
        </div>
        <figcaption>
          <strong>{props.title}</strong> {props.caption}
        </figcaption>
      </figure>
    );
  }

  const keys = props.onEdit ? ` ${s('gradient.candidateKeys')}` : '';
  const labelOf = (j: number) =>
    s('gradient.candidate', {
      row: detail.row[j],
      cls: detail.cls[j],
      label: s(detail.positive[j] === 1 ? 'label.positive' : 'label.negative'),
      p: fmtP(detail.p[j]),
      grad: fmtNum(detail.gradLogit[j]),
    }) + keys;

  return (
    <figure className="chart">
      <svg
        role="group"
        aria-label={props.label}
        width={width}
        height={LAYOUT.height}
        viewBox={`0 0 ${width} ${LAYOUT.height}`}
        style={{ maxWidth: '100%', height: 'auto' }}
      >
        <title>{props.title}</title>
        {frame}
        {ghost}
        {series.map((ser, k) => {
          const y = ys[k];
          const y0 = px(y(0));
          return (
            <g key={ser.id} className={`marks marks-${ser.id}`}>
              {Array.from(order?.subarray(0, drawn) ?? [], (j) => {
                const cx = px(x(detail.p[j]));
                const cy = px(y(ser.scaled[j]));
                const colour = detail.positive[j] === 1 ? 'var(--pos)' : 'var(--neg)';
                const on = j === hoveredAt;
                const index = detail.index[j];
                const stem = (
                  <line
                    x1={cx}
                    x2={cx}
                    y1={y0}
                    y2={cy}
                    stroke={on ? 'var(--highlight)' : colour}
                    strokeOpacity={on ? 1 : 0.5}
                    strokeWidth={on ? 2 : 1}
                  />
                );
                if (ser.id === 'dr') {
                  return (
                    <g key={index}>
                      {stem}
                      <CandidateDot
                        cx={cx}
                        cy={cy}
                        r={DOT_R}
                        index={index}
                        row={detail.row[j]}
                        cls={detail.cls[j]}
                        p={detail.p[j]}
                        positive={detail.positive[j] === 1}
                        highlighted={on}
                        label={labelOf(j)}
                        scale={x}
                        svgWidth={width}
                        onHover={props.onHover}
                        onEdit={props.onEdit}
                      />
                    </g>
                  );
                }
                return (
                  <g
                    key={index}
                    data-index={index}
                    onPointerEnter={() => props.onHover(index)}
                    onPointerLeave={() => props.onHover(null)}
                  >
                    {stem}
                    <circle
                      cx={cx}
                      cy={cy}
                      r={on ? DOT_R + 2 : DOT_R - 1}
                      fill={colour}
                      fillOpacity={detail.positive[j] === 1 ? 0.9 : 0.6}
                      stroke={on ? 'var(--highlight)' : 'none'}
                      strokeWidth={on ? 3 : 0}
                    />
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <strong>{props.title}</strong> {props.caption}
      </figcaption>
    </figure>
  );
}
