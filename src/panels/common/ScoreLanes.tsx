/**
 * The two-lane score chart of panels 1 and 3: every candidate on the score axis in its label's lane —
 * SVG dots (focusable, draggable) when few, a canvas when thousands, per-lane histograms when the set
 * has no per-entry detail. Panels add their own marks on top through `markers`.
 */
import { useMemo, type ReactNode } from 'react';
import { Axis } from '../../viz/Axis.tsx';
import { CandidateDot } from '../../viz/CandidateDot.tsx';
import { DotCanvas } from '../../viz/DotCanvas.tsx';
import { HoverRing } from '../../viz/HoverRing.tsx';
import { fmtCount, fmtCountShort, fmtP, px } from '../../viz/format.ts';
import { histogramBars, columnMax } from '../../viz/histogram.ts';
import { scoreScale, valueScale, type ScoreScale } from '../../viz/scales.ts';
import { sameArray, useSameContent } from '../../viz/sameContent.ts';
import { stripLayout } from '../../viz/strip.ts';
import { useMarksInSteps } from '../../viz/useMarksInSteps.ts';
import type { EntryDetail, ExplainerData, SetSummary } from '../../explain/types.ts';
import type { PanelEdit } from '../../state/types.ts';
import type { Lang } from '../../i18n/lang.ts';
import { dotRadius, lanesLayout, markMode, type LanesLayout } from './lanes.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { CheckMarks, highlightedAt } from './CheckMarks.tsx';
import { t } from '../../i18n/strings.ts';

/** Props of ScoreLanes: the panel props, the chart's texts, and the panel's own markers. */
export interface ScoreLanesProps {
  readonly data: ExplainerData;
  readonly lang: Lang;
  readonly hovered: number | null;
  readonly onHover: (index: number | null) => void;
  readonly onEdit?: ((edit: PanelEdit) => void) | undefined;
  readonly width: number;
  readonly title: string;
  readonly caption: string;
  /** Accessible name of the chart, with its numbers. */
  readonly label: string;
  /** Space above the lanes for the panel's markers' labels (px). */
  readonly top?: number;
  /** SVG drawn over the lanes (before the dots, so dots stay on top), in the chart's coordinates. */
  readonly markers?: (x: ScoreScale, layout: LanesLayout) => ReactNode;
  readonly className?: string | undefined;
  /** Entries to mark (PanelProps.highlighted). */
  readonly highlighted?: Int32Array | undefined;
}

/** Lanes chart; see the module comment. */
export function ScoreLanes(props: ScoreLanesProps) {
  const { data, lang, hovered, onHover, onEdit, width } = props;
  const s = t(lang);
  const layout = useMemo(() => lanesLayout(width, props.top), [width, props.top]);
  const x = useMemo(() => scoreScale(width, layout.margins), [width, layout]);
  const mode = markMode(data);
  const detail = data.detail;
  const radius = dotRadius(detail ? detail.p.length : 0);
  // The dots' positions depend on p, label and index only: a result that changes none of them (any
  // parameter change) keeps the layout, and the canvas is not repainted.
  const placed = useSameContent(detail, samePlaces);
  const marks = useMemo(
    () =>
      placed === null
        ? null
        : {
            ...stripLayout(
              placed.p,
              placed.positive,
              placed.index,
              x,
              layout.posLane,
              layout.negLane,
              radius,
            ),
            positive: placed.positive,
          },
    [placed, x, layout, radius],
  );
  // The dots of a first render come a step per task (useMarksInSteps).
  const drawn = useMarksInSteps(mode === 'svg' && detail ? detail.p.length : 0);
  const hoveredAt = useMemo(() => {
    if (detail === null || hovered === null) return -1;
    return detail.index.indexOf(hovered);
  }, [detail, hovered]);

  const { margins, posLane, negLane, axisY } = layout;
  const plotRight = width - margins.right;
  const labelName = (positive: boolean) => s(positive ? 'label.positive' : 'label.negative');

  let overlay: ReactNode = null;
  let dots: ReactNode = null;
  if (mode === 'canvas' && detail && marks) {
    overlay = (
      <DotCanvas
        width={width}
        height={layout.height}
        marks={marks}
        index={detail.index}
        row={detail.row}
        cls={detail.cls}
        highlight={hoveredAt}
        radius={radius}
        scale={x}
        label={s('lanes.canvasNote', { n: fmtCount(detail.p.length) })}
        onHover={onHover}
        onEdit={onEdit}
      />
    );
  } else if (mode === 'svg' && detail && marks) {
    const items: ReactNode[] = [];
    for (let k = 0; k < drawn; k++) {
      const positive = detail.positive[k] === 1;
      const vars = {
        row: detail.row[k],
        cls: detail.cls[k],
        label: labelName(positive),
        p: fmtP(detail.p[k]),
      };
      items.push(
        <CandidateDot
          key={detail.index[k]}
          cx={marks.x[k]}
          cy={marks.y[k]}
          r={radius}
          index={detail.index[k]}
          row={detail.row[k]}
          cls={detail.cls[k]}
          p={detail.p[k]}
          positive={positive}
          highlighted={k === hoveredAt}
          label={s(onEdit ? 'lanes.candidate' : 'lanes.candidateReadOnly', vars)}
          scale={x}
          svgWidth={width}
          onHover={onHover}
          onEdit={onEdit}
        />,
      );
    }
    dots = <g className="candidates">{items}</g>;
  }

  return (
    <ChartFigure
      label={props.label}
      title={props.title}
      caption={props.caption}
      width={width}
      height={layout.height}
      interactive={mode === 'svg'}
      overlay={overlay}
      className={props.className}
    >
      <Axis
        scale={x}
        orient="bottom"
        at={axisY}
        label={s('lanes.axisScore')}
        gridLength={axisY - posLane.top}
      />
      <g className="lane-titles" fontSize={11} fill="var(--fg)">
        <text x={margins.left} y={layout.posLabelY}>
          {s('lanes.positives', { n: fmtCount(data.pos.n) })}
        </text>
        <text x={margins.left} y={layout.negLabelY}>
          {s('lanes.negatives', { n: fmtCount(data.neg.n) })}
        </text>
      </g>
      <line
        x1={margins.left}
        x2={px(plotRight)}
        y1={px(posLane.bottom + 1)}
        y2={px(posLane.bottom + 1)}
        stroke="var(--grid)"
      />
      {mode === 'histogram' ? (
        <>
          <LaneHistogram
            summary={data.pos}
            lane={posLane}
            x={x}
            at={margins.left}
            positive
            lang={lang}
          />
          <LaneHistogram
            summary={data.neg}
            lane={negLane}
            x={x}
            at={margins.left}
            positive={false}
            lang={lang}
          />
        </>
      ) : null}
      {props.markers?.(x, layout)}
      {dots}
      {mode === 'svg' && marks && hoveredAt >= 0 ? (
        <HoverRing cx={marks.x[hoveredAt]} cy={marks.y[hoveredAt]} r={radius + 5} />
      ) : null}
      {marks ? (
        <CheckMarks
          points={highlightedAt(detail, props.highlighted).map((k) => [marks.x[k], marks.y[k]])}
          r={radius + 4}
        />
      ) : null}
    </ChartFigure>
  );
}

/** Whether two details put every dot in the same place (same scores, labels and entries). */
function samePlaces(a: EntryDetail | null, b: EntryDetail | null): boolean {
  if (a === null || b === null) return a === b;
  return sameArray(a.p, b.p) && sameArray(a.positive, b.positive) && sameArray(a.index, b.index);
}

/** One lane's count histogram with its own small count axis. */
function LaneHistogram(props: {
  readonly summary: SetSummary;
  readonly lane: { top: number; bottom: number };
  readonly x: ScoreScale;
  readonly at: number;
  readonly positive: boolean;
  readonly lang: Lang;
}) {
  const { summary, lane, x, at, positive } = props;
  const y = valueScale(columnMax(summary.hist.count), lane.top + 4, lane.bottom);
  const bars = histogramBars(summary.hist.edges, summary.hist.count, x, y);
  return (
    <g className={positive ? 'hist hist-pos' : 'hist hist-neg'}>
      <Axis
        scale={y}
        orient="left"
        at={at}
        ticks={2}
        label={t(props.lang)('lanes.count')}
        // Above the axis, not beside it: beside, it overlapped the tick labels of a large lane.
        labelAt="top"
        // Counts are whole: no label on a fractional tick (a lane of 1 or 2 entries); SI prefixes
        // ("6M") keep millions inside the chart's left margin.
        format={(v) => (Number.isInteger(v) ? fmtCountShort(v) : '')}
      />
      {bars.map((b) => (
        <rect
          key={b.bin}
          x={b.x}
          y={b.y}
          width={b.width}
          height={b.height}
          fill={positive ? 'var(--pos)' : 'var(--neg)'}
          fillOpacity={0.7}
        />
      ))}
    </g>
  );
}
