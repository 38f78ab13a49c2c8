/**
 * Panel 3, the worst case (paper Eq. 5): only the highest-scoring negative and the lowest-scoring
 * positive count,
 *   loss = τ·ℓ(max_{j−} p_{j−} − min_{j+} p_{j+} + γ),
 * marked on the score axis with the margin band [min p+ − γ, min p+] (a negative there or above
 * violates the margin) and DR's P̂± beside them (DR tends to this pair as λ± → 0).
 */
import type { ReactNode } from 'react';
import { fmtNum, fmtP, px } from '../viz/format.ts';
import type { ScoreScale } from '../viz/scales.ts';
import { PanelFrame } from './common/PanelFrame.tsx';
import { texWorstCase } from './tex/equations.ts';
import type { LanesLayout } from './common/lanes.ts';
import { SetNotices } from './common/SetNotices.tsx';
import { PanelReadouts } from './common/PanelReadouts.tsx';
import { ScoreLanes } from './common/ScoreLanes.tsx';
import { t, type Translate } from '../i18n/strings.ts';
import { Tex } from './tex/Tex.tsx';
import { Why } from './common/Why.tsx';
import { whyWorst } from './common/whyTexts.ts';
import type { PanelProps } from './types.ts';
import { baselineHint } from './common/baselineHint.ts';
import { LaneGhost } from './common/LaneGhost.tsx';

/** Room above the lanes for the two marker labels, in CSS pixels. */
const MARKER_TOP = 40;

/** The worst-case panel; see the module comment. */
export function WorstCasePanel(props: PanelProps) {
  const { data, params, lang, hovered } = props;
  const s = t(lang);
  const { worstCase, result } = data;
  const z = worstCase.maxNeg - worstCase.minPos + params.margin;

  return (
    <PanelFrame title={s('panel.worstCase.title')} className="panel-worst-case">
      <Tex
        expr={texWorstCase({ data, params, hovered })}
        hint={baselineHint(
          s,
          props.baseline,
          (a) =>
            `max p− = ${fmtP(a.worstCase.maxNeg)}, min p+ = ${fmtP(a.worstCase.minPos)}, ${fmtNum(a.worstCase.loss)}`,
        )}
      />
      <ScoreLanes
        {...props}
        top={MARKER_TOP}
        title={s('worst.chartTitle')}
        caption={`${s('worst.caption')} ${s('worst.dashed')}`}
        label={s('worst.aria', {
          maxNeg: fmtP(worstCase.maxNeg),
          minPos: fmtP(worstCase.minPos),
          g: fmtNum(params.margin),
          z: fmtNum(z),
          loss: fmtNum(worstCase.loss),
        })}
        className="chart-worst-case"
        markers={(x, layout) => (
          <>
            {props.baseline ? <LaneGhost baseline={props.baseline} x={x} layout={layout} /> : null}
            <WorstMarkers {...props} x={x} layout={layout} s={s} />
          </>
        )}
      />
      <PanelReadouts
        items={[
          { term: 'max p−', value: fmtP(worstCase.maxNeg) },
          { term: 'min p+', value: fmtP(worstCase.minPos) },
          { term: 'γ', value: fmtNum(params.margin) },
          { term: s('worst.z'), value: fmtNum(z) },
          { term: s('worst.loss'), value: fmtNum(worstCase.loss), emphasis: true },
          { term: s('worst.drLoss'), value: fmtNum(result.loss) },
        ]}
      />
      <p className="note">{s('worst.paper')}</p>
      <SetNotices data={data} s={s} />
      <Why items={whyWorst(data, s)} s={s} />
    </PanelFrame>
  );
}

/** Margin band, the two extremes with labels, and DR's P̂± dashed in their lanes. */
function WorstMarkers(
  props: PanelProps & {
    readonly x: ScoreScale;
    readonly layout: LanesLayout;
    readonly s: Translate;
  },
) {
  const { data, params, x, layout, s } = props;
  const { worstCase, result } = data;
  const { posLane, negLane, width } = layout;
  const hasPos = data.pos.n > 0;
  const hasNeg = data.neg.n > 0;
  const out: ReactNode[] = [];
  // A label sits right of its line in the left half of the plot and left of it in the right half.
  const label = (value: number, y: number, text: string, colour: string, key: string) => {
    const cx = x(value);
    const right = cx < width / 2;
    return (
      <text
        key={key}
        x={px(right ? cx + 4 : cx - 4)}
        y={y}
        textAnchor={right ? 'start' : 'end'}
        fontSize={11}
        fill={colour}
      >
        {text}
      </text>
    );
  };
  // One side: the extreme as a solid line from above the lanes down through both, its label, and
  // DR's P̂ of that set dashed across its own lane.
  const side = (
    cls: string,
    value: number,
    lineTop: number,
    labelY: number,
    text: string,
    colour: string,
    pHatCls: string,
    pHat: number,
    lane: { readonly top: number; readonly bottom: number },
  ) => [
    <line
      key={cls}
      className={cls}
      x1={px(x(value))}
      x2={px(x(value))}
      y1={lineTop}
      y2={negLane.bottom}
      stroke={colour}
      strokeWidth={2}
    />,
    label(value, labelY, text, colour, `${cls}-label`),
    <line
      key={pHatCls}
      className={pHatCls}
      x1={px(x(pHat))}
      x2={px(x(pHat))}
      y1={lane.top}
      y2={lane.bottom}
      stroke={colour}
      strokeDasharray="4 3"
    />,
  ];
  if (hasPos) {
    const lo = x(worstCase.minPos - params.margin);
    const hi = x(worstCase.minPos);
    out.push(
      <rect
        key="band"
        className="margin-band"
        x={px(lo)}
        y={posLane.top}
        width={px(Math.max(0, hi - lo))}
        height={px(negLane.bottom - posLane.top)}
        fill="var(--highlight)"
        fillOpacity={0.16}
      />,
      ...side(
        'min-pos',
        worstCase.minPos,
        layout.margins.top - 12,
        layout.margins.top - 16,
        s('worst.minPos', { v: fmtP(worstCase.minPos) }),
        'var(--pos)',
        'p-plus',
        result.pPlus,
        posLane,
      ),
    );
  }
  if (hasNeg) {
    out.push(
      ...side(
        'max-neg',
        worstCase.maxNeg,
        layout.margins.top,
        layout.margins.top - 2,
        s('worst.maxNeg', { v: fmtP(worstCase.maxNeg) }),
        'var(--neg)',
        'p-minus',
        result.pMinus,
        negLane,
      ),
    );
  }
  return <g className="worst-markers">{out}</g>;
}
