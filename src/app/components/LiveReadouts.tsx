/**
 * The live numbers: the DR loss, P̂+ and P̂− (10 significant digits; test ids loss-value,
 * p-plus-value, p-minus-value), then z, τ·ℓ'(z), the set sizes, ε± = KL(q±‖o) and the effective
 * sample sizes 1/Σq². `data-generation` is the generation of the result shown (benchmarks read it);
 * the status readout says "ready" once that result answers the newest request; below it, a large
 * set's load progress while one runs.
 */
import { useApp } from '../hooks/context.tsx';
import { formatMs, formatReadout } from '../format.ts';
import { useT } from '../hooks/i18n.ts';
import { LoadProgress } from './LoadProgress.tsx';
import { fmtCount } from '../../viz/format.ts';

export function LiveReadouts() {
  const s = useT();
  const shown = useApp((st) => st.shown);
  const status = useApp((st) => st.status);
  const mode = useApp((st) => st.engineMode);
  const error = useApp((st) => st.engineError);
  const r = shown?.result;
  const num = (x: number | undefined) => (x === undefined ? '—' : formatReadout(x));

  return (
    <section
      className="card readouts"
      aria-labelledby="readouts-title"
      data-generation={shown?.generation ?? 0}
    >
      <h2 id="readouts-title">{s('app.readouts')}</h2>
      <dl className="main-readouts">
        <div>
          <dt>{s('app.lossTerm')}</dt>
          <dd data-testid="loss-value">{num(r?.loss)}</dd>
        </div>
        <div>
          <dt>{s('readout.pPlus')}</dt>
          <dd data-testid="p-plus-value">{num(r?.pPlus)}</dd>
        </div>
        <div>
          <dt>{s('readout.pMinus')}</dt>
          <dd data-testid="p-minus-value">{num(r?.pMinus)}</dd>
        </div>
      </dl>
      <dl className="more-readouts">
        <div>
          <dt>{s('readout.z')}</dt>
          <dd data-testid="z-value">{num(r?.z)}</dd>
        </div>
        <div>
          <dt>{s('readout.slope')}</dt>
          <dd data-testid="slope-value">{num(r?.slope)}</dd>
        </div>
        <div>
          <dt>{s('app.counts')}</dt>
          <dd data-testid="counts-value">
            {r ? `${fmtCount(r.nPos)} / ${fmtCount(r.nNeg)}` : '—'}
          </dd>
        </div>
        <div>
          <dt>{s('app.kl')}</dt>
          <dd>{r ? `${formatReadout(r.klPos)} / ${formatReadout(r.klNeg)}` : '—'}</dd>
        </div>
        <div>
          <dt>{s('app.ess')}</dt>
          <dd>{r ? `${formatReadout(r.essPos)} / ${formatReadout(r.essNeg)}` : '—'}</dd>
        </div>
      </dl>
      <p className="engine-line">
        <span>
          {s('app.status')} <span data-testid="status">{s(`app.status.${status}`)}</span>
        </span>
        {shown && (
          <span>
            {s(shown.ahead ? 'app.engineLineAhead' : 'app.engineLine', {
              R: fmtCount(shown.info.R),
              K: shown.info.K,
              ms: formatMs(shown.evaluateMs),
              rt: formatMs(shown.roundTripMs),
            })}
          </span>
        )}
        <span data-testid="engine-mode">
          {mode === 'worker' ? s('app.engineWorker') : s('app.engineFallback')}
        </span>
      </p>
      <LoadProgress />
      {status === 'error' && error && (
        <p className="engine-error">{s('app.notComputed', { error })}</p>
      )}
    </section>
  );
}
