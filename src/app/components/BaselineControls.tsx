/**
 * Pin a baseline and compare: "Pin as baseline" freezes the current parameters and candidates as A
 * (every panel then draws A faintly under the current state), and a table shows A, now and the
 * difference for the loss, P̂+, P̂− and z (test ids loss-baseline-value, loss-value-now,
 * loss-diff-value). "Swap" exchanges A and now, "Clear" forgets A; each is one undo step and the
 * link carries A.
 */
import { NUMERIC_SPECS } from '../../params/table.ts';
import type { AppParams } from '../../params/types.ts';
import type { Choice } from '../../state/types.ts';
import { formatReadout } from '../format.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';

/** The parameters (by symbol) and the set in which A differs from the current choice. */
function differences(a: Choice, params: AppParams, sameSet: boolean, setName: string): string[] {
  const out: string[] = [];
  for (const spec of NUMERIC_SPECS) {
    if (!Object.is(a.params[spec.key], params[spec.key])) {
      out.push(
        `${spec.symbol} ${formatReadout(a.params[spec.key])} → ${formatReadout(params[spec.key])}`,
      );
    }
  }
  if (a.params.smoothing !== params.smoothing)
    out.push(`ℓ ${a.params.smoothing} → ${params.smoothing}`);
  if (a.params.original !== params.original)
    out.push(`o ${a.params.original} → ${params.original}`);
  if (!sameSet) out.push(setName);
  return out;
}

export function BaselineControls() {
  const s = useT();
  const store = useAppStore();
  const baseline = useApp((st) => st.baseline);
  const aShown = useApp((st) => st.baselineShown);
  const shown = useApp((st) => st.shown);
  const params = useApp((st) => st.params);
  const source = useApp((st) => st.source);

  const a = baseline ? aShown?.data.result : undefined;
  const now = shown?.result;
  const rows = [
    { key: 'loss', term: s('baseline.loss'), a: a?.loss, now: now?.loss },
    { key: 'p-plus', term: 'P̂+', a: a?.pPlus, now: now?.pPlus },
    { key: 'p-minus', term: 'P̂−', a: a?.pMinus, now: now?.pMinus },
    { key: 'z', term: 'z', a: a?.z, now: now?.z },
  ];
  const num = (x: number | undefined) => (x === undefined ? '—' : formatReadout(x));
  const diff = (x: number | undefined, y: number | undefined) => {
    if (x === undefined || y === undefined) return '—';
    const d = y - x;
    return d > 0 ? `+${formatReadout(d)}` : formatReadout(d);
  };
  const changes = baseline
    ? differences(baseline, params, baseline.source === source, s('baseline.otherSet'))
    : [];

  return (
    <section className="card baseline" aria-labelledby="baseline-title" data-testid="baseline">
      <h2 id="baseline-title">{s('baseline.title')}</h2>
      <div className="baseline-actions">
        <button
          type="button"
          data-testid="pin-baseline"
          onClick={() => store.getState().pinBaseline()}
          title={baseline ? s('baseline.repin') : undefined}
        >
          {s('baseline.pin')}
        </button>
        <button
          type="button"
          data-testid="swap-baseline"
          disabled={!baseline}
          onClick={() => store.getState().swapBaseline()}
        >
          {s('baseline.swap')}
        </button>
        <button
          type="button"
          data-testid="clear-baseline"
          disabled={!baseline}
          onClick={() => store.getState().clearBaseline()}
        >
          {s('baseline.clear')}
        </button>
      </div>
      {baseline ? (
        <>
          <table className="readout-table baseline-table">
            <caption>{s('baseline.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{s('baseline.colQuantity')}</th>
                <th scope="col">{s('baseline.colA')}</th>
                <th scope="col">{s('baseline.colNow')}</th>
                <th scope="col">{s('baseline.colDiff')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.term}</th>
                  <td
                    data-testid={`${r.key}-baseline-value`}
                    data-latest={aShown?.latest ? 'true' : 'false'}
                  >
                    {num(r.a)}
                  </td>
                  <td data-testid={`${r.key}-now-value`}>{num(r.now)}</td>
                  <td data-testid={`${r.key}-diff-value`}>{diff(r.a, r.now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note" aria-live="polite" data-testid="baseline-differs">
            {aShown?.latest === false || !aShown ? `${s('baseline.computing')} ` : ''}
            {changes.length > 0
              ? s('baseline.differs', { list: changes.join('; ') })
              : s('baseline.same')}
          </p>
        </>
      ) : (
        <p className="note">{s('baseline.none')}</p>
      )}
    </section>
  );
}
