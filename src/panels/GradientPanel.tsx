/**
 * Panel 6, the DR loss and its gradient (docs/maths.md §4): each candidate's ∂DR/∂logit (or ∂DR/∂p),
 * by score and coloured by label, beside the focal-loss and cross-entropy ∂/∂logit of the same
 * candidates, each divided by its own largest magnitude so the three compare; and the share of the
 * negatives' gradient the hardest 1 % of negatives receive. Sets without per-entry detail (over
 * DETAIL_LIMIT) get a note and the summary numbers.
 */
import { useId, useState } from 'react';
import { t, type Translate } from '../i18n/strings.ts';
import { fmtCount, fmtNum, fmtP, fmtPct } from '../viz/format.ts';
import { memoByKey } from '../viz/memoByKey.ts';
import { sameArray, useSameContent } from '../viz/sameContent.ts';
import { DETAIL_LIMIT, type EntryDetail, type ExplainerData } from '../explain/types.ts';
import { entryOf } from './common/entry.ts';
import { GradientChart } from './gradient/GradientChart.tsx';
import { hardestShareOf, type GradWrt } from './gradient/gradientSeries.ts';
import { raisedNegatives } from './gradient/raised.ts';
import { PanelFrame } from './common/PanelFrame.tsx';
import { texDR, texFocal, texGradient } from './tex/equations.ts';
import { Tex } from './tex/Tex.tsx';
import { Why } from './common/Why.tsx';
import { whyGradient } from './common/whyTexts.ts';
import type { PanelProps } from './types.ts';

/** The ∂/∂logit ↔ ∂/∂p switch of the DR series (a radio group, so arrow keys move between them). */
function WrtSwitch(props: {
  readonly wrt: GradWrt;
  readonly onChange: (wrt: GradWrt) => void;
  readonly s: Translate;
}) {
  const name = useId();
  const { wrt, onChange, s } = props;
  return (
    <fieldset className="wrt-switch">
      <legend>{s('gradient.wrt')}</legend>
      {(['logit', 'p'] as const).map((v) => (
        <label key={v}>
          <input
            type="radio"
            name={name}
            value={v}
            checked={wrt === v}
            onChange={() => onChange(v)}
          />{' '}
          {s(v === 'logit' ? 'gradient.wrtLogit' : 'gradient.wrtP')}
        </label>
      ))}
    </fieldset>
  );
}

/** A colour key chip (inline style: the panel needs no stylesheet of its own). */
function swatch(colour: string) {
  return {
    display: 'inline-block',
    width: '0.8em',
    height: '0.8em',
    borderRadius: '50%',
    background: colour,
  } as const;
}

/** Summary numbers for sets drawn without per-entry detail. */
function Summary({ data, s }: { readonly data: ExplainerData; readonly s: Translate }) {
  const r = data.result;
  const rows: [string, string][] = [
    [s('readout.loss'), fmtNum(r.loss)],
    [s('readout.slope'), fmtNum(r.slope)],
    [s('readout.pPlus'), fmtP(r.pPlus)],
    [s('readout.pMinus'), fmtP(r.pMinus)],
    [s('readout.nPos'), fmtCount(r.nPos)],
    [s('readout.nNeg'), fmtCount(r.nNeg)],
    [s('readout.hardestShare'), fmtPct(data.hardestShare)],
    // null for a moment after a detection-scale load (the pool of workers still computes them)
    [s('readout.focalLoss'), data.focal ? fmtNum(data.focal.loss) : s('readout.pending')],
    [s('readout.bceTotal'), data.bce ? fmtNum(data.bce.total) : s('readout.pending')],
  ];
  return (
    <dl className="summary">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The focal and cross-entropy hardest-1 % shares of a snapshot (cached: see memoByKey). */
const comparedShares = memoByKey((detail: EntryDetail) => ({
  focal: hardestShareOf(detail, detail.focalGrad),
  bce: hardestShareOf(detail, detail.bceGrad),
}));

/** Whether two snapshots have the same comparison shares (same scores, labels, focal and CE). */
function sameComparison(a: EntryDetail | null, b: EntryDetail | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    sameArray(a.p, b.p) &&
    sameArray(a.positive, b.positive) &&
    sameArray(a.focalGrad, b.focalGrad) &&
    sameArray(a.bceGrad, b.bceGrad)
  );
}

/** Which negatives descent raises now (docs/maths.md §4), counted from the current gradients. */
function raisedNote(data: ExplainerData, lambdaNeg: number, s: Translate): string {
  const r = raisedNegatives(data, lambdaNeg);
  const c = fmtP(r.threshold);
  if (r.raised === null || r.lowered === null) return s('gradient.raisedNoDetail', { c });
  if (r.raised === 0) return s('gradient.raisedNone', { c });
  return s('gradient.raised', {
    raised: fmtCount(r.raised),
    n: fmtCount(r.total),
    lowered: fmtCount(r.lowered),
    c,
  });
}

/** Panel 6; see the module comment. The DR dots are editable (drag, arrows, Enter, Delete). */
export function GradientPanel(props: PanelProps) {
  const { data, params, lang, hovered, width } = props;
  const s = t(lang);
  const [wrt, setWrt] = useState<GradWrt>('logit');
  const detail = data.detail;
  const input = { data, params, hovered };
  const hoveredAt = entryOf(detail, hovered)?.at ?? -1;

  // The focal and cross-entropy gradients follow the scores and labels only: a parameter change
  // keeps the snapshot whose shares are already computed.
  const compareFrom = useSameContent(detail, sameComparison);
  const compare = compareFrom === null ? null : comparedShares(compareFrom);
  let maxDr = 0;
  if (detail !== null) {
    for (let i = 0; i < detail.gradLogit.length; i++) {
      maxDr = Math.max(maxDr, Math.abs(detail.gradLogit[i]));
    }
  }
  const share = fmtPct(data.hardestShare);
  const label = s('gradient.aria', {
    n: fmtCount(data.result.nPos + data.result.nNeg),
    loss: fmtNum(data.result.loss),
    max: fmtNum(maxDr),
    share,
  });

  return (
    <PanelFrame title={s('panel.gradient.title')} className="panel-gradient">
      <Tex expr={texDR(input)} />
      {detail === null ? (
        <>
          <p className="notice">
            {s('gradient.noDetail', {
              n: fmtCount(data.result.nPos + data.result.nNeg),
              limit: fmtCount(DETAIL_LIMIT),
            })}
          </p>
          <Summary data={data} s={s} />
        </>
      ) : (
        <>
          <WrtSwitch wrt={wrt} onChange={setWrt} s={s} />
          <GradientChart
            detail={detail}
            wrt={wrt}
            width={width}
            hoveredAt={hoveredAt}
            label={label}
            title={s('panel.gradient.title')}
            caption={s('gradient.caption')}
            s={s}
            onHover={props.onHover}
            onEdit={props.onEdit}
            baseline={props.baseline?.detail}
            highlighted={props.highlighted}
          />
          <ul className="legend" aria-label={s('gradient.legend')}>
            <li>
              <span className="swatch" style={swatch('var(--pos)')} aria-hidden="true" />{' '}
              {s('label.positive')}
            </li>
            <li>
              <span className="swatch" style={swatch('var(--neg)')} aria-hidden="true" />{' '}
              {s('label.negative')}
            </li>
          </ul>
          <p className="note">{s('gradient.normalisation')}</p>
          <p className="note">{s('gradient.sign')}</p>
        </>
      )}
      {/* Below the chart: it grows when a candidate is hovered, and must not push the dots away
          from under the pointer. */}
      <Tex expr={texGradient(input)} />
      {data.result.nNeg > 0 && (
        <p className="note raised-negatives">{raisedNote(data, params.lambdaNeg, s)}</p>
      )}
      <p className="readout">
        {s('gradient.hardestShare', { share })}
        {compare
          ? ` ${s('gradient.hardestCompare', { focal: fmtPct(compare.focal), bce: fmtPct(compare.bce) })}`
          : ''}
      </p>
      <details className="why focal-formula">
        <summary>{s('why.grad.focal')}</summary>
        <Tex expr={texFocal(input)} />
      </details>
      <Why items={whyGradient(params, s)} s={s} />
    </PanelFrame>
  );
}
