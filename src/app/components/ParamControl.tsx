/**
 * One numeric parameter: a slider (log10 of the value on a log row), a number box holding the exact
 * value, and a reset to the paper's default. A drag, a run of arrow keys, or one typed number is one
 * undo step (a gesture tag the store coalesces until the pointer, key or focus is released).
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { fromSlider, sliderMax, sliderMin, toSlider, type ParamSpec } from '../../params/table.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { formatParam } from '../format.ts';
import { paramLabel, useLang, useT } from '../hooks/i18n.ts';
import { interpretTyped } from '../paramInput.ts';
import { noticeText } from '../../state/store.ts';

/** `slider: false` shows the number box only (n̂ spans 1…1e8 in whole numbers: a slider would not help). */
export function ParamControl({ spec, slider = true }: { spec: ParamSpec; slider?: boolean }) {
  const store = useAppStore();
  const value = useApp((s) => s.params[spec.key]);
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const s = useT();
  const label = paramLabel(spec, useLang());
  const name = `${spec.symbol} (${label})`;

  const set = (v: number, gesture: string) =>
    store.getState().setParams({ [spec.key]: v }, gesture);
  const endGesture = () => store.getState().endGesture();

  const onType = (text: string, badInput: boolean) => {
    setDraft(text);
    setBad(badInput);
    const outcome = interpretTyped(spec, text, false, badInput);
    if (outcome.kind === 'apply') {
      setProblem(null);
      set(outcome.value, `number:${spec.key}`);
    } else setProblem(noticeText(outcome.message, s));
  };

  const commit = () => {
    if (draft !== null) {
      const outcome = interpretTyped(spec, draft, true, bad);
      if (outcome.kind === 'apply') {
        set(outcome.value, `number:${spec.key}`);
        const n = outcome.notice;
        if (n) store.getState().notifyKey(n.key, n.vars, 'info', n.keyed);
      } else {
        const m = outcome.message;
        store.getState().notifyKey(m.key, m.vars, 'error', m.keyed);
      }
    }
    setDraft(null);
    setProblem(null);
    endGesture();
  };

  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit();
    if (e.key === 'Escape') {
      setDraft(null);
      setProblem(null);
    }
  };

  return (
    <div className="param" role="group" aria-labelledby={`${id}-label`}>
      <label
        className="param-label"
        id={`${id}-label`}
        htmlFor={slider ? `${id}-range` : `${id}-number`}
      >
        <span className="symbol">{spec.symbol}</span> {label}
        {spec.scale === 'log' && <span className="hint"> {s('app.logScale')}</span>}
      </label>
      <div className="param-inputs">
        {slider && (
          <input
            id={`${id}-range`}
            type="range"
            aria-label={name}
            aria-valuetext={`${spec.symbol} = ${formatParam(value)}`}
            min={sliderMin(spec)}
            max={sliderMax(spec)}
            step={spec.step}
            value={toSlider(spec, value)}
            onChange={(e) => set(fromSlider(spec, Number(e.target.value)), `slider:${spec.key}`)}
            onPointerUp={endGesture}
            onKeyUp={endGesture}
            onBlur={endGesture}
          />
        )}
        <input
          id={`${id}-number`}
          type="number"
          aria-label={s('app.valueOf', { symbol: spec.symbol })}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${id}-problem` : undefined}
          step="any"
          inputMode="decimal"
          value={draft ?? formatParam(value)}
          onChange={(e) => onType(e.target.value, e.target.validity.badInput)}
          onBlur={commit}
          onKeyDown={onBoxKey}
        />
        <button
          type="button"
          className="reset"
          aria-label={s('app.resetParam', {
            symbol: spec.symbol,
            value: formatParam(spec.default),
          })}
          title={s('app.resetTitle', { value: formatParam(spec.default) })}
          disabled={Object.is(value, spec.default)}
          onClick={() => store.getState().setParams({ [spec.key]: spec.default })}
        >
          ↺
        </button>
      </div>
      {problem && (
        <p className="param-problem" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}
