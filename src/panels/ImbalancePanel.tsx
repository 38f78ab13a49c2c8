/**
 * Panel 1, the imbalance (paper Eq. 1–2): every candidate's score by label — a strip plot when few
 * (SVG dots, draggable), a canvas when thousands, histograms when there is no per-entry detail — and
 * how much of a plain summed cross-entropy comes from the negatives:
 *   CE = Σ_{j+} −log p_j + Σ_{j−} −log(1 − p_j),  share = (Σ_{j−} −log(1 − p_j)) / CE.
 */
import { fmtCount, fmtNum, fmtP, fmtPct, px } from '../viz/format.ts';
import { PanelFrame } from './d/PanelFrame.tsx';
import { texImbalance } from './equations.ts';
import { setNotices } from './c/notices.ts';
import { Readouts } from './c/Readouts.tsx';
import { ScoreLanes } from './c/ScoreLanes.tsx';
import { ShareBar } from './c/ShareBar.tsx';
import { t } from '../i18n/strings.ts';
import { Tex } from './Tex.tsx';
import type { PanelProps } from './types.ts';

/** The imbalance panel; see the module comment. */
export function ImbalancePanel(props: PanelProps) {
  const { data, params, lang, hovered } = props;
  const s = t(lang);
  const { bce, pos, neg } = data;
  const share = bce.total > 0 ? bce.fromNeg / bce.total : 0;
  const ratio = pos.n > 0 ? neg.n / pos.n : NaN;

  return (
    <PanelFrame title={s('panel.imbalance.title')} className="panel-imbalance">
      <Tex expr={texImbalance({ data, params, hovered })} />
      <ScoreLanes
        data={data}
        lang={lang}
        hovered={hovered}
        onHover={props.onHover}
        onEdit={props.onEdit}
        width={props.width}
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
          // The plain mean of each set, dashed across its lane (DR will replace it by P̂±).
          <g className="means" strokeDasharray="4 3" strokeWidth={1.5}>
            {pos.n > 0 ? (
              <line
                x1={px(x(pos.mean))}
                x2={px(x(pos.mean))}
                y1={layout.posLane.top}
                y2={layout.posLane.bottom}
                stroke="var(--pos)"
              />
            ) : null}
            {neg.n > 0 ? (
              <line
                x1={px(x(neg.mean))}
                x2={px(x(neg.mean))}
                y1={layout.negLane.top}
                y2={layout.negLane.bottom}
                stroke="var(--neg)"
              />
            ) : null}
          </g>
        )}
      />
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
      <Readouts
        items={[
          { term: s('readout.nPos'), value: fmtCount(pos.n) },
          { term: s('readout.nNeg'), value: fmtCount(neg.n) },
          { term: s('imbalance.ratio'), value: fmtNum(ratio) },
          { term: s('imbalance.bceTotal'), value: fmtNum(bce.total) },
          { term: s('imbalance.bcePos'), value: fmtNum(bce.total - bce.fromNeg) },
          { term: s('imbalance.bceNeg'), value: fmtNum(bce.fromNeg), emphasis: true },
        ]}
      />
      {setNotices(data, s).map((n) => (
        <p key={n} className="notice" role="note">
          {n}
        </p>
      ))}
    </PanelFrame>
  );
}
