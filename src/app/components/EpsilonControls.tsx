/**
 * ε as an input: the paper's constraint radius (Proposition 1's constrained form, KL(q‖o) ≤ ε). Type
 * ε− (or ε+) and press Enter: the λ− (λ+) whose q sits on the ball's boundary is computed by the
 * engine's inversion (src/app/epsilon.ts) and applied as one undo step; the readout shows the current
 * KL(q‖o) the engine reports, to 7 significant digits. Needs the set on the main thread (sets over
 * MAIN_THREAD_ENTRY_LIMIT entries live only in the worker: the box is disabled and says why).
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import type { EpsilonSet } from '../epsilon.ts';
import { formatSig, parseEpsilon } from '../epsilonText.ts';

function EpsilonControl({ which }: { readonly which: EpsilonSet }) {
  const store = useAppStore();
  const s = useT();
  const id = useId();
  const kl = useApp((st) => (which === 'neg' ? st.shown?.result.klNeg : st.shown?.result.klPos));
  const available = useApp((st) => st.candidates !== null);
  const [draft, setDraft] = useState<string | null>(null);
  const symbol = which === 'neg' ? 'ε−' : 'ε+';
  const lambdaSymbol = which === 'neg' ? 'λ−' : 'λ+';

  const commit = async () => {
    if (draft === null) return;
    const st = store.getState();
    setDraft(null);
    if (!st.candidates) return;
    // The inversion runs the engine here, on the main thread: its chunk is fetched at the first use.
    const { lambdaFromEpsilon } = await import('../epsilon.ts');
    const out = lambdaFromEpsilon(st.candidates, st.params, which, parseEpsilon(draft));
    if (out.kind === 'error') {
      st.notifyKey(out.message, out.vars, 'error');
      return;
    }
    st.setParams({ [out.key]: out.lambda });
    st.notifyKey(
      'epsilon.applied',
      { symbol, value: formatSig(out.epsilon), lambdaSymbol, lambda: formatSig(out.lambda) },
      'info',
    );
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') void commit();
    if (e.key === 'Escape') setDraft(null);
  };
  const current = kl === undefined ? '' : formatSig(kl);

  return (
    <div className="param epsilon" role="group" aria-labelledby={`${id}-label`}>
      <label className="param-label" id={`${id}-label`} htmlFor={`${id}-input`}>
        <span className="symbol">{symbol}</span>{' '}
        {s(which === 'neg' ? 'epsilon.labelNeg' : 'epsilon.labelPos')}
      </label>
      <div className="param-inputs">
        <input
          id={`${id}-input`}
          type="text"
          inputMode="decimal"
          aria-label={s('epsilon.inputName', { symbol, lambdaSymbol })}
          aria-describedby={`${id}-hint`}
          disabled={!available}
          value={draft ?? current}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={onKey}
        />
        <output
          data-testid={which === 'neg' ? 'epsilon-minus-value' : 'epsilon-plus-value'}
          aria-label={s('epsilon.readout', { symbol })}
        >
          {current}
        </output>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {available ? s('epsilon.hint', { symbol, lambdaSymbol }) : s('epsilon.unavailable')}
      </p>
    </div>
  );
}

/** ε− and ε+, under the parameters they set. */
export function EpsilonControls() {
  const s = useT();
  return (
    <div className="epsilon-controls">
      <h3>{s('epsilon.title')}</h3>
      <EpsilonControl which="neg" />
      <EpsilonControl which="pos" />
    </div>
  );
}
