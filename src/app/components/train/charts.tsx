/**
 * The training charts: curves over steps (SVG, d3 scales and line paths, at most MAX_POINTS points a
 * line) with a rule at the step shown and one at the hovered step, and the score histograms of one
 * run at one step. Hovering any curve chart reports the step under the pointer, so all charts follow.
 */
import { scaleLinear } from 'd3';
import { memo, useId, type PointerEvent } from 'react';
import { Axis } from '../../../viz/Axis.tsx';
import { px } from '../../../viz/format.ts';
import { stepPath } from '../../../viz/histogram.ts';
import { SCORE_BINS } from '../../../worker/trainProtocol.ts';

/** Points drawn per line at most (a longer series is thinned evenly; its last point is kept). */
export const MAX_POINTS = 400;

export interface CurveLine {
  readonly id: string;
  readonly color: string;
  readonly dash?: string;
  /** Flat [step, value, step, value, …], finite values only, steps increasing. */
  readonly points: Float64Array;
}

/** Pairs (step, value) of a strided series, thinned to at most MAX_POINTS; NaN values skipped. */
export function curvePoints(
  series: Float64Array,
  stride: number,
  offset: number,
  count: number,
  scale = 1,
): Float64Array {
  let n = 0;
  for (let s = 0; s < count; s++) if (Number.isFinite(series[s * stride + offset])) n++;
  const every = Math.max(1, Math.ceil(n / MAX_POINTS));
  const out = new Float64Array(2 * Math.ceil(n / every) + 2);
  let k = 0;
  let seen = 0;
  let last = -1;
  for (let s = 0; s < count; s++) {
    const v = series[s * stride + offset];
    if (!Number.isFinite(v)) continue;
    if (seen++ % every === 0) {
      out[k++] = s;
      out[k++] = v * scale;
    }
    last = s;
  }
  if (last >= 0 && (k === 0 || out[k - 2] !== last)) {
    out[k++] = last;
    out[k++] = series[last * stride + offset] * scale;
  }
  return out.subarray(0, k);
}

export interface CurveChartProps {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width: number;
  readonly height: number;
  readonly steps: number;
  readonly yDomain: readonly [number, number];
  readonly lines: readonly CurveLine[];
  readonly step: number;
  readonly hover: number | null;
  readonly onHover: (step: number | null) => void;
  readonly testId?: string;
}

const M = { top: 24, right: 12, bottom: 36, left: 44 };

/** The scales of a curve chart (cheap; rebuilt per render). */
function curveScales(
  width: number,
  height: number,
  steps: number,
  yDomain: readonly [number, number],
) {
  const x = scaleLinear()
    .domain([0, Math.max(1, steps)])
    .range([M.left, width - M.right]);
  const y = scaleLinear()
    .domain(yDomain as [number, number])
    .range([height - M.bottom, M.top])
    .nice();
  return { x, y };
}

interface BodyProps {
  readonly width: number;
  readonly height: number;
  readonly steps: number;
  readonly yDomain: readonly [number, number];
  readonly lines: readonly CurveLine[];
  readonly xLabel: string;
  readonly yLabel: string;
}

/** Axes and lines: redrawn when new steps arrive, not when the shown step moves. */
const CurveBody = memo(function CurveBody(props: BodyProps) {
  const { width, height, steps, yDomain, lines } = props;
  const { x, y } = curveScales(width, height, steps, yDomain);
  const [lo, hi] = y.domain();
  const d = (pts: Float64Array) => {
    let out = '';
    for (let i = 0; i < pts.length; i += 2) {
      const v = Math.max(lo, Math.min(hi, pts[i + 1]));
      out += `${i === 0 ? 'M' : 'L'}${px(x(pts[i]))},${px(y(v))}`;
    }
    return out;
  };
  return (
    <g>
      <Axis scale={x} orient="bottom" at={height - M.bottom} label={props.xLabel} ticks={5} />
      <Axis
        scale={y}
        orient="left"
        at={M.left}
        label={props.yLabel}
        ticks={4}
        labelAt="top"
        gridLength={width - M.left - M.right}
      />
      {lines.map((l) => (
        <path
          key={l.id}
          d={d(l.points)}
          fill="none"
          stroke={l.color}
          strokeWidth={1.6}
          strokeDasharray={l.dash}
        />
      ))}
    </g>
  );
});

export const CurveChart = memo(function CurveChart(props: CurveChartProps) {
  const { width, height, steps, yDomain, step, hover, onHover } = props;
  const titleId = useId();
  const { x } = curveScales(width, height, steps, yDomain);
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const s = Math.round(x.invert(e.clientX - rect.left));
    onHover(Math.max(0, Math.min(steps, s)));
  };
  return (
    <figure className="train-chart train-curve" data-testid={props.testId}>
      <figcaption id={titleId}>{props.title}</figcaption>
      <div className="train-plot">
        <svg
          width={width}
          height={height}
          role="img"
          aria-labelledby={titleId}
          onPointerMove={onMove}
          onPointerLeave={() => onHover(null)}
        >
          <CurveBody
            width={width}
            height={height}
            steps={steps}
            yDomain={yDomain}
            lines={props.lines}
            xLabel={props.xLabel}
            yLabel={props.yLabel}
          />
        </svg>
        {/* The rules are HTML moved by a transform: a composited move, no repaint of the chart. */}
        <StepRule className="train-rule" left={x(step)} height={height} />
        {hover !== null ? (
          <StepRule className="train-rule train-rule-hover" left={x(hover)} height={height} />
        ) : null}
      </div>
    </figure>
  );
});

/** A vertical rule over a chart's plot area at `left` px. */
function StepRule(props: { className: string; left: number; height: number }) {
  return (
    <div
      className={props.className}
      aria-hidden="true"
      style={{
        top: M.top,
        height: props.height - M.top - M.bottom,
        transform: `translateX(${px(props.left)}px)`,
      }}
    />
  );
}

export interface DistChartProps {
  readonly title: string;
  readonly width: number;
  readonly height: number;
  /** 2 × SCORE_BINS shares: positives then negatives. */
  readonly shares: Float32Array;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly posLabel: string;
  readonly negLabel: string;
}

/** The positive and negative score histograms of one run at one step (shares). */
export const DistChart = memo(function DistChart(props: DistChartProps) {
  const { width, height, shares } = props;
  const titleId = useId();
  const x = scaleLinear()
    .domain([0, 1])
    .range([M.left, width - M.right]);
  let max = 0;
  for (const v of shares) max = Math.max(max, v);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .range([height - M.bottom, M.top]);
  const edges = Float64Array.from({ length: SCORE_BINS + 1 }, (_, i) => i / SCORE_BINS);
  const pos = Float64Array.from(shares.subarray(0, SCORE_BINS));
  const neg = Float64Array.from(shares.subarray(SCORE_BINS, 2 * SCORE_BINS));
  return (
    <figure className="train-chart">
      <figcaption id={titleId}>{props.title}</figcaption>
      <svg width={width} height={height} role="img" aria-labelledby={titleId}>
        <Axis scale={x} orient="bottom" at={height - M.bottom} label={props.xLabel} ticks={5} />
        <Axis scale={y} orient="left" at={M.left} label={props.yLabel} ticks={3} labelAt="top" />
        <path d={stepPath(edges, neg, x, y)} fill="none" stroke="var(--neg)" strokeWidth={1.5}>
          <title>{props.negLabel}</title>
        </path>
        <path d={stepPath(edges, pos, x, y)} fill="none" stroke="var(--pos)" strokeWidth={1.5}>
          <title>{props.posLabel}</title>
        </path>
      </svg>
    </figure>
  );
});
