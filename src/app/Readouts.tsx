/**
 * The live numbers: the DR loss, P̂+ and P̂− (10 significant digits; test ids loss-value,
 * p-plus-value, p-minus-value), then z, τ·ℓ'(z), the set sizes, ε± = KL(q±‖o) and the effective
 * sample sizes 1/Σq². `data-generation` is the generation of the result shown (benchmarks read it);
 * the status readout says "ready" once that result answers the newest request.
 */
import { useApp } from './context.tsx';
import { formatMs, formatReadout } from './format.ts';

export function Readouts() {
  const shown = useApp((s) => s.shown);
  const status = useApp((s) => s.status);
  const mode = useApp((s) => s.engineMode);
  const error = useApp((s) => s.engineError);
  const r = shown?.result;
  const num = (x: number | undefined) => (x === undefined ? '—' : formatReadout(x));

  return (
    <section
      className="card readouts"
      aria-labelledby="readouts-title"
      data-generation={shown?.generation ?? 0}
    >
      <h2 id="readouts-title">Readouts</h2>
      <dl className="main-readouts">
        <div>
          <dt>DR loss = τ·ℓ(z)</dt>
          <dd data-testid="loss-value">{num(r?.loss)}</dd>
        </div>
        <div>
          <dt>P̂+ (weighted mean of positive scores)</dt>
          <dd data-testid="p-plus-value">{num(r?.pPlus)}</dd>
        </div>
        <div>
          <dt>P̂− (weighted mean of negative scores)</dt>
          <dd data-testid="p-minus-value">{num(r?.pMinus)}</dd>
        </div>
      </dl>
      <dl className="more-readouts">
        <div>
          <dt>z = P̂− − P̂+ + γ</dt>
          <dd data-testid="z-value">{num(r?.z)}</dd>
        </div>
        <div>
          <dt>τ·ℓ′(z)</dt>
          <dd data-testid="slope-value">{num(r?.slope)}</dd>
        </div>
        <div>
          <dt>positives n+ / negatives n−</dt>
          <dd data-testid="counts-value">
            {r ? `${r.nPos.toLocaleString('en')} / ${r.nNeg.toLocaleString('en')}` : '—'}
          </dd>
        </div>
        <div>
          <dt>ε+ = KL(q+‖o+) / ε− = KL(q−‖o−)</dt>
          <dd>{r ? `${formatReadout(r.klPos)} / ${formatReadout(r.klNeg)}` : '—'}</dd>
        </div>
        <div>
          <dt>effective sample size of q+ / q−</dt>
          <dd>{r ? `${formatReadout(r.essPos)} / ${formatReadout(r.essNeg)}` : '—'}</dd>
        </div>
      </dl>
      <p className="engine-line">
        <span>
          Status: <span data-testid="status">{status}</span>
        </span>
        {shown && (
          <span>
            {shown.info.R.toLocaleString('en')} anchors × {shown.info.K} classes · evaluated in{' '}
            {formatMs(shown.evaluateMs)} ms · round trip {formatMs(shown.roundTripMs)} ms
          </span>
        )}
        <span data-testid="engine-mode">
          {mode === 'worker' ? 'engine: worker' : 'engine: main thread (fallback)'}
        </span>
      </p>
      {status === 'error' && error && <p className="engine-error">Not computed: {error}</p>}
    </section>
  );
}
