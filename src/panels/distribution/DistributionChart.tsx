/**
 * One set of panel 4 (Propositions 1–2): its original distribution o against the reweighted q,
 *   q−_j ∝ o_j·exp(p_j/λ−)   (negatives),   q+_j ∝ o_j·exp(−p_j/λ+)   (positives),
 * with P̂ = Σ_j q_j p_j and the plain mean marked on the score axis. Few candidates: one stem per
 * candidate, height q_j (coloured dot, draggable along the axis) with o_j as a grey tick. Many: 40-bin
 * histograms, o as grey bars and q as a coloured outline.
 */
import { useMemo } from 'react';
import { Axis } from '../../viz/Axis.tsx';
import { CandidateDot } from '../../viz/CandidateDot.tsx';
import { useMarksInSteps } from '../../viz/useMarksInSteps.ts';
import { fmtCount, fmtNum, fmtP, px } from '../../viz/format.ts';
import { columnMax, histogramBars, stepPath } from '../../viz/histogram.ts';
import { CHART_MARGINS, scoreScale, valueScale, type Margins } from '../../viz/scales.ts';
import type { ExplainerData } from '../../explain/types.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { PanelEdit } from '../../state/types.ts';
import { dotRadius } from '../common/lanes.ts';
import { SVG_MARK_LIMIT } from '../../viz/marks.ts';
import { ChartFigure } from '../common/ChartFigure.tsx';
import { HoverRing } from '../../viz/HoverRing.tsx';
import { t } from '../../i18n/strings.ts';

/** Chart height in CSS pixels. */
export const DISTRIBUTION_HEIGHT = 210;
/** Room above the plot for the P̂ and mean labels. */
const MARGINS: Margins = { ...CHART_MARGINS, top: 34 };

/** Props of DistributionChart: the panel props plus which set to draw. */
export interface DistributionChartProps {
  readonly data: ExplainerData;
  /** Which set: the negatives (q−, P̂−) or the positives (q+, P̂+). */
  readonly set: 'neg' | 'pos';
  readonly lang: Lang;
  readonly hovered: number | null;
  readonly onHover: (index: number | null) => void;
  readonly onEdit?: ((edit: PanelEdit) => void) | undefined;
  readonly width: number;
  /** The pinned baseline A, drawn faintly underneath (its q and P̂). */
  readonly baseline?: ExplainerData | undefined;
}

/** Positions in the detail arrays of the set's entries, or null when they are not drawn one by one. */
function stemEntries(data: ExplainerData, positive: boolean): Int32Array | null {
  const d = data.detail;
  if (d === null || d.p.length > SVG_MARK_LIMIT) return null;
  const out: number[] = [];
  for (let k = 0; k < d.p.length; k++) if ((d.positive[k] === 1) === positive) out.push(k);
  return Int32Array.from(out);
}

/** The chart of one set; see the module comment. */
export function DistributionChart(props: DistributionChartProps) {
  const { data, set, lang, hovered, onHover, onEdit, width } = props;
  const s = t(lang);
  const positive = set === 'pos';
  const summary = positive ? data.pos : data.neg;
  const pHat = positive ? data.result.pPlus : data.result.pMinus;
  const colour = positive ? 'var(--pos)' : 'var(--neg)';
  const bottom = DISTRIBUTION_HEIGHT - MARGINS.bottom;
  const x = useMemo(() => scoreScale(width, MARGINS), [width]);
  const stems = useMemo(() => stemEntries(data, positive), [data, positive]);
  // The stems and dots of a first render come a step per task (useMarksInSteps); the axis and the
  // dots' size are those of the whole set from the first step on.
  const drawn = useMarksInSteps(stems?.length ?? 0);
  const detail = data.detail;
  const baseline = props.baseline;
  const ghostStems = useMemo(
    () => (baseline && stems ? stemEntries(baseline, positive) : null),
    [baseline, stems, positive],
  );

  const yMax = useMemo(() => {
    let m = 0;
    if (stems && detail) {
      for (const k of stems) m = Math.max(m, detail.q[k], detail.o[k]);
    } else {
      m = Math.max(columnMax(summary.hist.oMass), columnMax(summary.hist.qMass));
    }
    // The ghost of A shares the axis: its tallest q must fit too.
    if (baseline) {
      const b = baseline.detail;
      if (ghostStems && b) for (const k of ghostStems) m = Math.max(m, b.q[k]);
      else if (!stems)
        m = Math.max(m, columnMax((positive ? baseline.pos : baseline.neg).hist.qMass));
    }
    return m;
  }, [stems, detail, summary, baseline, ghostStems, positive]);
  const y = valueScale(yMax, MARGINS.top, bottom);

  let marks;
  if (stems && detail) {
    const r = dotRadius(stems.length);
    const labelName = s(positive ? 'label.positive' : 'label.negative');
    marks = (
      <g className="stems">
        {Array.from(stems.subarray(0, drawn), (k) => {
          const cx = px(x(detail.p[k]));
          return (
            <g key={detail.index[k]}>
              <line x1={cx} x2={cx} y1={bottom} y2={px(y(detail.q[k]))} stroke={colour} />
              <line
                className="o-tick"
                x1={px(cx - 4)}
                x2={px(cx + 4)}
                y1={px(y(detail.o[k]))}
                y2={px(y(detail.o[k]))}
                stroke="var(--muted)"
                strokeWidth={2}
              />
            </g>
          );
        })}
        {Array.from(stems.subarray(0, drawn), (k) => (
          <CandidateDot
            key={detail.index[k]}
            cx={x(detail.p[k])}
            cy={y(detail.q[k])}
            r={r}
            index={detail.index[k]}
            row={detail.row[k]}
            cls={detail.cls[k]}
            p={detail.p[k]}
            positive={positive}
            highlighted={detail.index[k] === hovered}
            label={s(onEdit ? 'lanes.candidate' : 'lanes.candidateReadOnly', {
              row: detail.row[k],
              cls: detail.cls[k],
              label: labelName,
              p: fmtP(detail.p[k]),
            })}
            scale={x}
            svgWidth={width}
            onHover={onHover}
            onEdit={onEdit}
          />
        ))}
      </g>
    );
  } else {
    const { edges, oMass, qMass } = summary.hist;
    marks = (
      <g className="histograms">
        {histogramBars(edges, oMass, x, y).map((b) => (
          <rect
            key={b.bin}
            className="o-bar"
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            fill="var(--muted)"
            fillOpacity={0.35}
          />
        ))}
        <path
          className="q-outline"
          d={stepPath(edges, qMass, x, y)}
          fill="none"
          stroke={colour}
          strokeWidth={2}
        />
      </g>
    );
  }

  // A's q and P̂, faint and under everything else (no pointer, no name: the readouts say A's numbers).
  let ghost = null;
  if (baseline) {
    const b = baseline.detail;
    const bSummary = positive ? baseline.pos : baseline.neg;
    const bHat = positive ? baseline.result.pPlus : baseline.result.pMinus;
    const gx = px(x(bHat));
    ghost = (
      <g className="ghost ghost-distribution" aria-hidden="true" pointerEvents="none">
        {ghostStems && b ? (
          Array.from(ghostStems, (k) => (
            <g key={b.index[k]}>
              <line
                x1={px(x(b.p[k]))}
                x2={px(x(b.p[k]))}
                y1={bottom}
                y2={px(y(b.q[k]))}
                stroke="var(--ghost)"
                strokeWidth={3}
              />
              <circle cx={px(x(b.p[k]))} cy={px(y(b.q[k]))} r={3} fill="var(--ghost)" />
            </g>
          ))
        ) : bSummary.n > 0 ? (
          <path
            d={stepPath(bSummary.hist.edges, bSummary.hist.qMass, x, y)}
            fill="none"
            stroke="var(--ghost)"
            strokeWidth={3}
          />
        ) : null}
        <line
          x1={gx}
          x2={gx}
          y1={MARGINS.top - 14}
          y2={bottom}
          stroke="var(--ghost)"
          strokeWidth={2}
          strokeDasharray="2 3"
        />
        <text x={gx} y={bottom - 4} textAnchor="middle" fontSize={10} fill="var(--ghost)">
          {s('ghost.a')}
        </text>
      </g>
    );
  }

  // P̂ and the plain mean; labels on two rows so close values do not overprint.
  const marker = (value: number, row: number, text: string, stroke: string, dash?: string) => {
    const cx = x(value);
    const right = cx < width / 2;
    return (
      // Drawn over the stems; pointer events pass through to the draggable dots underneath.
      <g className={dash ? 'mean-marker' : 'phat-marker'} pointerEvents="none">
        <line
          x1={px(cx)}
          x2={px(cx)}
          y1={MARGINS.top - 14 + 12 * row}
          y2={bottom}
          stroke={stroke}
          strokeWidth={dash ? 1.5 : 2}
          strokeDasharray={dash}
        />
        <text
          x={px(right ? cx + 4 : cx - 4)}
          y={MARGINS.top - 18 + 12 * row}
          textAnchor={right ? 'start' : 'end'}
          fontSize={11}
          fill={dash ? 'var(--fg)' : stroke}
        >
          {text}
        </text>
      </g>
    );
  };
  const r = data.result;
  const ariaVars = {
    n: fmtCount(summary.n),
    mean: fmtP(summary.mean),
    p: fmtP(pHat),
    kl: fmtNum(positive ? r.klPos : r.klNeg),
    ess: fmtNum(positive ? r.essPos : r.essNeg),
  };
  const hoveredAt =
    stems && detail && hovered !== null
      ? Array.from(stems).find((k) => detail.index[k] === hovered)
      : undefined;

  return (
    <ChartFigure
      label={s(positive ? 'dist.ariaPos' : 'dist.ariaNeg', ariaVars)}
      title={s(positive ? 'dist.posTitle' : 'dist.negTitle')}
      caption={stems ? s('dist.stems') : s('dist.histNote')}
      width={width}
      height={DISTRIBUTION_HEIGHT}
      interactive={stems !== null}
      className={`chart-distribution chart-distribution-${set}`}
    >
      <Axis scale={x} orient="bottom" at={bottom} label={s('lanes.axisScore')} />
      <Axis
        scale={y}
        orient="left"
        at={MARGINS.left}
        ticks={3}
        label={s('dist.axisMass')}
        gridLength={width - MARGINS.left - MARGINS.right}
      />
      {ghost}
      {marks}
      {marker(summary.mean, 1, s('dist.mean', { v: fmtP(summary.mean) }), 'var(--muted)', '4 3')}
      {marker(pHat, 0, s(positive ? 'dist.pPlus' : 'dist.pMinus', { v: fmtP(pHat) }), colour)}
      {hoveredAt !== undefined && detail ? (
        <HoverRing
          cx={x(detail.p[hoveredAt])}
          cy={y(detail.q[hoveredAt])}
          r={dotRadius(stems!.length) + 5}
        />
      ) : null}
    </ChartFigure>
  );
}
