/**
 * Panel 1, the imbalance (paper Eq. 1–2): every candidate's score by label — a strip plot when few
 * (SVG dots, draggable), a canvas when thousands, histograms when there is no per-entry detail — and
 * how much of a plain summed cross-entropy comes from the negatives:
 *   CE = Σ_{j+} −log p_j + Σ_{j−} −log(1 − p_j),  share = (Σ_{j−} −log(1 − p_j)) / CE.
 * CE is null for a moment after a detection-scale load (the pool of workers still computes it): its
 * numbers and share then say "computing…", and the scores, counts and ratio show at once.
 */
import { fmtCount, fmtNum, fmtP, fmtPct, px } from '../viz/format.ts';
import { PanelFrame } from './common/PanelFrame.tsx';
import { texImbalance } from './tex/equations.ts';
import { SetNotices } from './common/SetNotices.tsx';
import { PanelReadouts } from './common/PanelReadouts.tsx';
import { ScoreLanes } from './common/ScoreLanes.tsx';
import { ShareBar } from './common/ShareBar.tsx';
import { LaneGhost } from './common/LaneGhost.tsx';
import { t } from '../i18n/strings.ts';
import { Tex } from './tex/Tex.tsx';
import type { PanelProps } from './types.ts';
import { baselineHint } from './common/baselineHint.ts';

/** The imbalance panel; see the module comment. */
export function ImbalancePanel(props: PanelProps) {
  const { data, params, lang, hovered } = props;
  const s = t(lang);
  const { bce, pos, neg } = data;
  const share = bce && bce.total > 0 ? bce.fromNeg / bce.total : 0;
  const ratio = pos.n > 0 ? neg.n / pos.n : NaN;
  const pending = s('readout.pending');
  const num = (v: number | undefined) => (v === undefined ? pending : fmtNum(v));

  return (
    <PanelFrame title={s('panel.imbalance.title')} className="panel-imbalance">
      <Tex
        expr={texImbalance({ data, params, hovered, lang })}
        hint={baselineHint(
          s,
          props.baseline,
          (a) => `CE = ${num(a.bce?.total)}, CE− = ${num(a.bce?.fromNeg)}`,
        )}
      />
      <ScoreLanes
        {...props}
        title={s('imbalance.chartTitle')}
        caption={s('imbalance.caption')}
        label={s('imbalance.aria', {
          nPos: fmtCount(pos.n),
          nNeg: fmtCount(neg.n),
          mPos: fmtP(pos.mean),
          mNeg: fmtP(neg.mean),
        })}
        className="chart-imbalance"
        markers={(x, layout) => (
          <>
            {props.baseline ? <LaneGhost baseline={props.baseline} x={x} layout={layout} /> : null}
            {/* The plain mean of each set, dashed across its lane (DR will replace it by P̂±). */}
            <g className="means" strokeDasharray="4 3" strokeWidth={1.5}>
              {(
                [
                  [pos, layout.posLane, 'var(--pos)'],
                  [neg, layout.negLane, 'var(--neg)'],
                ] as const
              ).map(([set, lane, colour]) =>
                set.n > 0 ? (
                  <line
                    key={colour}
                    x1={px(x(set.mean))}
                    x2={px(x(set.mean))}
                    y1={lane.top}
                    y2={lane.bottom}
                    stroke={colour}
                  />
                ) : null,
              )}
            </g>
          </>
        )}
      />
      {bce ? (
        <ShareBar
          share={share}
          colour="var(--neg)"
          rest="var(--pos)"
          text={s('imbalance.share', {
            share: fmtPct(share),
            neg: fmtNum(bce.fromNeg),
            total: fmtNum(bce.total),
          })}
        />
      ) : (
        // no bar at all while pending: an empty one would read as a share of 0 %
        <p className="share-pending" aria-busy="true" data-testid="imbalance-pending">
          {s('imbalance.sharePending')}
        </p>
      )}
      <PanelReadouts
        items={[
          { term: s('readout.nPos'), value: fmtCount(pos.n) },
          { term: s('readout.nNeg'), value: fmtCount(neg.n) },
          { term: s('imbalance.ratio'), value: fmtNum(ratio) },
          { term: s('imbalance.bceTotal'), value: num(bce?.total) },
          { term: s('imbalance.bcePos'), value: num(bce ? bce.total - bce.fromNeg : undefined) },
          { term: s('imbalance.bceNeg'), value: num(bce?.fromNeg), emphasis: true },
        ]}
      />
      <SetNotices data={data} s={s} />
    </PanelFrame>
  );
}
