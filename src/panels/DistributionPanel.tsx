/**
 * Panel 4, distributional ranking (paper Propositions 1–2, Eq. 6). Each set's original distribution
 * o against its reweighted q — the closed-form maximiser of Σ q_j p_j − λ·KL(q‖o) —
 *   q−_j = o_j e^{p_j/λ−} / Σ_k o_k e^{p_k/λ−},   q+_j = o_j e^{−p_j/λ+} / Σ_k o_k e^{−p_k/λ+},
 * with P̂± = Σ q± p and the plain means marked, ε± = KL(q±‖o±) and the effective sample sizes 1/Σq².
 * Candidates can be dragged here too; λ± come from the app's sliders and move everything live.
 */
import { fmtCount, fmtNum, fmtP } from '../viz/format.ts';
import { PanelFrame } from './common/PanelFrame.tsx';
import {
  texDistributions,
  texPMinus,
  texPPlus,
  texQNeg,
  texQPos,
  texTemperatures,
} from './tex/equations.ts';
import { DistributionChart } from './distribution/DistributionChart.tsx';
import { SetNotices } from './common/SetNotices.tsx';
import { PanelReadouts } from './common/PanelReadouts.tsx';
import { t } from '../i18n/strings.ts';
import { Tex } from './tex/Tex.tsx';
import { Why } from './common/Why.tsx';
import { whyDistribution } from './common/whyTexts.ts';
import type { PanelProps } from './types.ts';

/**
 * Where P̂± go as λ → ∞: the mean under o. For the uniform prior that is the plain mean; with the
 * hard-negative prior (top n̂ < n−) it is the mean of the top n̂ negatives, not the marked plain mean.
 */
export function limitsNote(props: Pick<PanelProps, 'data' | 'params' | 'lang'>): string {
  const { data, params } = props;
  const s = t(props.lang);
  const vars = { mNeg: fmtP(data.neg.mean), mPos: fmtP(data.pos.mean) };
  const k = Math.min(params.hardK, data.neg.n);
  if (params.original === 'hardNegative' && k < data.neg.n) {
    return s('dist.limitsHard', { ...vars, k: fmtCount(k), topMean: fmtP(data.neg.priorMean) });
  }
  return s('dist.limits', vars);
}

/** The distributional-ranking panel; see the module comment. */
export function DistributionPanel(props: PanelProps) {
  const { data, params, lang, hovered } = props;
  const s = t(lang);
  const r = data.result;
  const input = { data, params, hovered, lang };
  // Hovering P̂± shows the pinned baseline A's value (absent without A: no title at all).
  const baselineHint = (name: string, value: number | undefined) =>
    value === undefined
      ? undefined
      : s('baseline.equationHover', { value: `${name} = ${fmtP(value)}` });
  const chart = (set: 'neg' | 'pos') => (
    <DistributionChart
      data={data}
      set={set}
      lang={lang}
      hovered={hovered}
      onHover={props.onHover}
      onEdit={props.onEdit}
      width={props.width}
      baseline={props.baseline}
    />
  );

  return (
    <PanelFrame title={s('panel.distributional.title')} className="panel-distribution">
      <p className="note">{s('dist.caption')}</p>
      <Tex expr={texDistributions(input)} />
      <div className="distribution-set distribution-neg">
        <Tex expr={texQNeg(input)} />
        <Tex expr={texPMinus(input)} hint={baselineHint('P̂−', props.baseline?.result.pMinus)} />
        {r.nNeg > 0 ? chart('neg') : null}
      </div>
      <div className="distribution-set distribution-pos">
        <Tex expr={texQPos(input)} />
        <Tex expr={texPPlus(input)} hint={baselineHint('P̂+', props.baseline?.result.pPlus)} />
        {r.nPos > 0 ? chart('pos') : null}
      </div>
      <PanelReadouts
        items={[
          { term: s('readout.klNeg'), value: fmtNum(r.klNeg) },
          {
            term: s('readout.essNeg'),
            value: s('dist.essOf', { ess: fmtNum(r.essNeg), n: fmtCount(r.nNeg) }),
          },
          { term: s('readout.klPos'), value: fmtNum(r.klPos) },
          {
            term: s('readout.essPos'),
            value: s('dist.essOf', { ess: fmtNum(r.essPos), n: fmtCount(r.nPos) }),
          },
          { term: s('dist.plainMean') + ' p−', value: fmtP(data.neg.mean) },
          { term: 'P̂−', value: fmtP(r.pMinus), emphasis: true },
          { term: s('dist.plainMean') + ' p+', value: fmtP(data.pos.mean) },
          { term: 'P̂+', value: fmtP(r.pPlus), emphasis: true },
        ]}
      />
      <Tex expr={texTemperatures(input)} />
      <p className="note dist-limits">{limitsNote(props)}</p>
      <p className="note">{s('dist.fig2')}</p>
      <SetNotices data={data} s={s} />
      <Why items={whyDistribution(data, params, s)} s={s} />
    </PanelFrame>
  );
}
