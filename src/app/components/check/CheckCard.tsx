/**
 * "Check my implementation": a check (the CLI's case format plus `yours`: {"loss", "grad"?, "pPlus"?,
 * "pMinus"?}) pasted or chosen as a file, diagnosed in the tools worker like `dr check` (about a second
 * at 10⁵ entries: never on the main thread). The case is loaded into the app, the verdict, variant,
 * matches, hint and per-field errors are shown, and the entries whose gradient differs most are
 * marked in the panels (highlight.ts). A failure names the problem and keeps the set.
 */
import { useId, useState, type ChangeEvent } from 'react';
import type { Diagnosis } from '../../../check/diagnose.ts';
import type { CheckOutcome } from '../../../worker/tools.ts';
import { useAppStore } from '../../hooks/context.tsx';
import { useT } from '../../hooks/i18n.ts';
import { tools } from '../export/download.ts';
import { useHighlight } from './highlight.ts';

/** A number as the check shows it: full precision, as `dr check` prints. */
const num = (x: number | null) => (x === null ? '—' : String(x));
const rel = (x: number | null) => (x === null ? '—' : x.toExponential(2));

export function CheckCard() {
  const store = useAppStore();
  const s = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<(CheckOutcome & { rows: number[] }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (input: string | File) => {
    setBusy(true);
    setError(null);
    try {
      const r = await tools().run({ type: 'check', text: input });
      if (!r.ok) {
        setError(r.error);
        store.getState().notifyKey('check.failed', { error: r.error }, 'error');
        return;
      }
      if (!r.imported.ok) {
        setError(r.imported.error);
        store.getState().notifyKey('check.failed', { error: r.imported.error }, 'error');
        return;
      }
      const st = store.getState();
      st.setSource(r.imported.source, r.imported.params);
      for (const n of r.imported.notices) st.notify(n, 'info');
      // The store's source after setSource: the marks belong to it.
      useHighlight.getState().set(store.getState().source, r.top);
      const K = r.imported.source.kind === 'explicit' ? r.imported.source.base.K : 1;
      const rows = [...new Set(Array.from(r.top, (i) => Math.floor(i / K)))];
      setOutcome({ ...r, rows });
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    try {
      await run(file); // read in the tools worker
    } finally {
      input.value = '';
    }
  };

  return (
    <section className="card check-card" aria-labelledby={`${id}-title`} data-testid="check">
      <h2 id={`${id}-title`}>{s('check.title')}</h2>
      <p className="description">{s('check.intro')}</p>
      <div className="choice">
        <label htmlFor={`${id}-paste`}>{s('check.paste')}</label>
        <textarea
          id={`${id}-paste`}
          rows={4}
          spellCheck={false}
          data-testid="check-input"
          placeholder={
            '{"logits": [2, -1, 0.5], "targets": [1, 0, 0],\n "yours": {"loss": 1.23, "grad": [...]}}'
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="choice">
        <label htmlFor={`${id}-file`}>{s('check.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => void onFile(e)}
        />
      </div>
      <button
        type="button"
        data-testid="check-run"
        disabled={busy || text.trim() === ''}
        onClick={() => void run(text)}
      >
        {busy ? s('check.running') : s('check.run')}
      </button>
      {error !== null && (
        <p className="notice error" role="alert" data-testid="check-error">
          {error}
        </p>
      )}
      {outcome && error === null && <CheckResult outcome={outcome} />}
    </section>
  );
}

function CheckResult({ outcome }: { readonly outcome: CheckOutcome & { rows: number[] } }) {
  const s = useT();
  const d: Diagnosis = outcome.diagnosis;
  const fields = d.fields;
  const scalar = (name: string, f: Diagnosis['fields']['loss'] | undefined) =>
    f ? (
      <tr key={name}>
        <th scope="row">{name}</th>
        <td>{num(f.yours)}</td>
        <td>{num(f.expected)}</td>
        <td>{rel(f.relError)}</td>
        <td>{f.agreement}</td>
      </tr>
    ) : null;
  return (
    <div className="check-result" aria-live="polite" data-testid="check-result">
      <h3>{s('check.result')}</h3>
      <dl>
        <dt>{s('check.verdict')}</dt>
        <dd data-testid="check-verdict" data-verdict={d.verdict}>
          {s(`check.verdict.${d.verdict}`)}
        </dd>
        <dt>{s('check.variant')}</dt>
        <dd data-testid="check-variant">{d.variant ?? s('check.variantNone')}</dd>
        <dt>{s('check.matches')}</dt>
        <dd data-testid="check-matches">{d.matches.length > 0 ? d.matches.join(', ') : '—'}</dd>
        <dt>{s('check.hint')}</dt>
        <dd data-testid="check-hint">{d.hint}</dd>
      </dl>
      <table className="check-fields">
        <thead>
          <tr>
            <th scope="col">{s('check.field')}</th>
            <th scope="col">{s('check.yours')}</th>
            <th scope="col">{s('check.expected')}</th>
            <th scope="col">{s('check.error')}</th>
            <th scope="col">{s('check.agreement')}</th>
          </tr>
        </thead>
        <tbody>
          {scalar('loss', fields.loss)}
          {scalar('pPlus', fields.pPlus)}
          {scalar('pMinus', fields.pMinus)}
          {fields.grad && (
            <tr>
              <th scope="row">{s('check.gradAt', { at: `[${fields.grad.at.join(', ')}]` })}</th>
              <td>{num(fields.grad.yours)}</td>
              <td>{num(fields.grad.expected)}</td>
              <td>{rel(fields.grad.relError)}</td>
              <td>{fields.grad.agreement}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p data-testid="check-marked">
        {outcome.top.length > 0
          ? s('check.marked', { n: outcome.top.length, rows: outcome.rows.join(', ') })
          : s('check.noneMarked')}
      </p>
      {outcome.top.length > 0 && (
        <button type="button" onClick={() => useHighlight.getState().clear()}>
          {s('check.clearMarks')}
        </button>
      )}
      {outcome.count > 1 && <p>{s('check.more', { n: outcome.count })}</p>}
      <p className="description">{s('check.timing', { ms: outcome.ms.toFixed(0) })}</p>
    </div>
  );
}
