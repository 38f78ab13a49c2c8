/**
 * Panel 7, recovering classification (paper §3.3, docs/maths.md §5): stated per pair, as the paper does,
 * if every pair satisfies p+ − p− ≥ γ (scores in [0, 1]) then every p+ ≥ γ and every p− ≤ 1 − γ; DR's
 * constraint P̂+ − P̂− ≥ γ gives the same for P̂±. Each note says whether its premise holds now. The candidates on the score axis in their label's lane
 * (the shared ScoreLanes: dots, canvas or histograms), with the threshold γ over the positives and 1 − γ over
 * the negatives, the side each should be on shaded, and the counts on each side.
 */
import type { ReactNode } from 'react';
import { t, type Translate } from '../i18n/strings.ts';
import { fmtCount, fmtNum, fmtP, px } from '../viz/format.ts';
import type { ScoreScale } from '../viz/scales.ts';
import type { ExplainerData } from '../explain/types.ts';
import type { LanesLayout } from './common/lanes.ts';
import { LaneGhost } from './common/LaneGhost.tsx';
import { ScoreLanes } from './common/ScoreLanes.tsx';
import { PanelFrame } from './common/PanelFrame.tsx';
import { texRecovery } from './tex/equations.ts';
import { Tex } from './tex/Tex.tsx';
import type { PanelProps } from './types.ts';
import { baselineHint } from './common/baselineHint.ts';

/** Room above the lanes for the two threshold labels (one row each, so equal thresholds never overlap). */
const LABEL_ROWS_TOP = 40;
const ROW1 = 14;
const ROW2 = 29;

/** A label at x, kept inside the plot: anchored at its start left of the middle, at its end right of it. */
function edgeText(x: number, y: number, left: number, right: number, text: string, cls: string) {
  const rightHalf = x > (left + right) / 2;
  return (
    <text
      className={cls}
      x={px(rightHalf ? x - 4 : x + 4)}
      y={y}
      textAnchor={rightHalf ? 'end' : 'start'}
      fontSize={11}
      fill="var(--fg)"
    >
      {text}
    </text>
  );
}

/**
 * The counts of one lane, right-aligned on the lane's title row (clear of dots and histogram bars):
 * the side it should not be on, then the side it should be on.
 */
function laneCounts(
  x: number,
  y: number,
  first: { readonly text: string; readonly cls: string },
  second: { readonly text: string; readonly cls: string },
) {
  return (
    <text x={px(x)} y={px(y)} textAnchor="end" fontSize={11} fill="var(--fg)">
      <tspan className={first.cls}>{first.text}</tspan>
      {' · '}
      <tspan className={second.cls} fontWeight="bold">
        {second.text}
      </tspan>
    </text>
  );
}

/** A threshold at x: solid from solid[0] to solid[1] (its own lane), faint dashed over `faint`. */
function thresholdLines(
  x: number,
  cls: string,
  solid: readonly [number, number],
  faint: readonly [number, number],
) {
  return [
    <line
      key={cls}
      className={cls}
      x1={px(x)}
      x2={px(x)}
      y1={solid[0]}
      y2={solid[1]}
      stroke="var(--accent)"
      strokeWidth={2}
    />,
    <line
      key={`${cls}-faint`}
      x1={px(x)}
      x2={px(x)}
      y1={faint[0]}
      y2={faint[1]}
      stroke="var(--accent)"
      strokeOpacity={0.35}
      strokeDasharray="3 3"
    />,
  ];
}

/** The thresholds, shaded target sides and counts drawn over the lanes. */
function thresholdMarkers(
  data: ExplainerData,
  gamma: number,
  s: Translate,
): (x: ScoreScale, layout: LanesLayout) => ReactNode {
  const rec = data.recovery;
  return function Markers(x, layout) {
    const { posLane, negLane, margins } = layout;
    const left = margins.left;
    const right = layout.width - margins.right;
    const xg = x(gamma);
    const xh = x(1 - gamma);
    const laneH = (lane: { top: number; bottom: number }) => lane.bottom - lane.top;
    return (
      <g className="recovery-markers">
        {/* Where each label should be: positives at p ≥ γ, negatives at p ≤ 1 − γ. */}
        <rect
          className="target-pos"
          x={px(xg)}
          y={posLane.top}
          width={px(Math.max(0, right - xg))}
          height={laneH(posLane)}
          fill="var(--pos)"
          fillOpacity={0.1}
        />
        <rect
          className="target-neg"
          x={left}
          y={negLane.top}
          width={px(Math.max(0, xh - left))}
          height={laneH(negLane)}
          fill="var(--neg)"
          fillOpacity={0.1}
        />
        {/* γ: solid over the positives, faint over the negatives; 1 − γ the other way round. */}
        {thresholdLines(
          xg,
          'threshold-pos',
          [ROW1 + 3, posLane.bottom],
          [negLane.top, negLane.bottom],
        )}
        {thresholdLines(
          xh,
          'threshold-neg',
          [negLane.top, negLane.bottom],
          [ROW2 + 3, posLane.bottom],
        )}
        {edgeText(
          xg,
          ROW1,
          left,
          right,
          s('recovery.thresholdPos', { v: fmtNum(gamma) }),
          'label-pos',
        )}
        {edgeText(
          xh,
          ROW2,
          left,
          right,
          s('recovery.thresholdNeg', { v: fmtNum(1 - gamma) }),
          'label-neg',
        )}
        {laneCounts(
          right,
          layout.posLabelY,
          {
            text: s('recovery.countPosBelow', { k: fmtCount(rec.posTotal - rec.posAbove) }),
            cls: 'count-pos-below',
          },
          {
            text: s('recovery.countPosAbove', { k: fmtCount(rec.posAbove) }),
            cls: 'count-pos-above',
          },
        )}
        {laneCounts(
          right,
          layout.negLabelY,
          {
            text: s('recovery.countNegAbove', { k: fmtCount(rec.negTotal - rec.negBelow) }),
            cls: 'count-neg-above',
          },
          {
            text: s('recovery.countNegBelow', { k: fmtCount(rec.negBelow) }),
            cls: 'count-neg-below',
          },
        )}
      </g>
    );
  };
}

/**
 * The notes of the panel, each conditional on the current numbers: whether every pair meets the margin
 * (min p+ − max p− ≥ γ, the per-pair premise of §3.3), whether DR's constraint P̂+ − P̂− ≥ γ holds, and
 * what γ's two thresholds then say.
 */
export function recoveryNotes(data: ExplainerData, gamma: number, s: Translate): string[] {
  const { result: r, recovery: rec, worstCase: w, pairwise } = data;
  const g = fmtNum(gamma);
  const out: string[] = [];
  const hasPairs = r.nPos > 0 && r.nNeg > 0;
  const gapMin = w.minPos - w.maxNeg;
  const pairHolds = hasPairs && gapMin >= gamma;
  const pb = rec.posTotal - rec.posAbove;
  const na = rec.negTotal - rec.negBelow;
  if (!hasPairs) out.push(s('recovery.pairNone'));
  else if (pairHolds) out.push(s('recovery.pairHolds', { d: fmtNum(gapMin), g }));
  else {
    out.push(
      s('recovery.pairFails', {
        d: fmtNum(gapMin),
        g,
        violating: fmtCount(pairwise.violating),
        pairs: fmtCount(pairwise.pairs),
        pb: fmtCount(pb),
        na: fmtCount(na),
      }),
    );
  }
  const d = r.pPlus - r.pMinus;
  if (d >= gamma) {
    out.push(s('recovery.drHolds', { d: fmtNum(d), pp: fmtP(r.pPlus), pm: fmtP(r.pMinus) }));
  } else out.push(s('recovery.drFails', { d: fmtNum(d), g, z: fmtNum(r.z) }));
  if (hasPairs) {
    const lo = fmtNum(Math.min(gamma, 1 - gamma));
    const hi = fmtNum(Math.max(gamma, 1 - gamma));
    if (Math.abs(gamma - 0.5) < 1e-12) {
      out.push(
        pairHolds
          ? s('recovery.oneThreshold.holds')
          : s('recovery.oneThreshold.fails', { k: fmtCount(pb + na) }),
      );
    } else if (gamma > 0.5) {
      out.push(s(pairHolds ? 'recovery.gap.holds' : 'recovery.gap.fails', { g, lo, hi }));
    } else out.push(s('recovery.overlap', { g, lo, hi }));
  }
  return out;
}

/** Panel 7; see the module comment. Candidates are editable as in every lanes chart. */
export function RecoveryPanel(props: PanelProps) {
  const { data, params, lang, hovered } = props;
  const s = t(lang);
  const gamma = params.margin;
  const rec = data.recovery;
  const label = s('recovery.aria', {
    g: fmtNum(gamma),
    h: fmtNum(1 - gamma),
    pa: fmtCount(rec.posAbove),
    pn: fmtCount(rec.posTotal),
    nb: fmtCount(rec.negBelow),
    nn: fmtCount(rec.negTotal),
  });
  return (
    <PanelFrame title={s('panel.recovery.title')} className="panel-recovery">
      <Tex
        expr={texRecovery({ data, params, hovered })}
        hint={baselineHint(
          s,
          props.baseline,
          (a) =>
            `p+ ≥ γ: ${fmtCount(a.recovery.posAbove)} / ${fmtCount(a.recovery.posTotal)}, p− ≤ 1 − γ: ${fmtCount(a.recovery.negBelow)} / ${fmtCount(a.recovery.negTotal)}`,
        )}
      />
      <ScoreLanes
        {...props}
        title={s('panel.recovery.title')}
        caption={s('recovery.caption')}
        label={label}
        top={LABEL_ROWS_TOP}
        markers={(x, layout) => (
          <>
            {props.baseline ? <LaneGhost baseline={props.baseline} x={x} layout={layout} /> : null}
            {thresholdMarkers(data, gamma, s)(x, layout)}
          </>
        )}
        className="recovery-chart"
      />
      <ul className="readout">
        <li>{s('recovery.posAbove', { k: fmtCount(rec.posAbove), n: fmtCount(rec.posTotal) })}</li>
        <li>{s('recovery.negBelow', { k: fmtCount(rec.negBelow), n: fmtCount(rec.negTotal) })}</li>
      </ul>
      {recoveryNotes(data, gamma, s).map((n) => (
        <p key={n} className="note recovery-note">
          {n}
        </p>
      ))}
    </PanelFrame>
  );
}
