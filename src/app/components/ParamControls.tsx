/**
 * The controls column's parameter part: the six continuous parameters of the table (γ, λ+, λ−, L, τ,
 * ρ), the surrogate ℓ and the original distribution o (with n̂ when o keeps the top negatives).
 */
import {
  HARD_K_SPEC,
  ORIGINAL_OPTIONS,
  PARAM_SPECS,
  SMOOTHING_OPTIONS,
  DEFAULT_APP_PARAMS,
} from '../../params/table.ts';
import type { AppParams } from '../../params/types.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { EpsilonControls } from './EpsilonControls.tsx';
import { Later } from './Later.tsx';
import { ParamControl } from './ParamControl.tsx';

export function ParamControls() {
  const store = useAppStore();
  const s = useT();
  const smoothing = useApp((s) => s.params.smoothing);
  const original = useApp((s) => s.params.original);
  const set = (patch: Partial<AppParams>) => store.getState().setParams(patch);
  const isDefault = useApp((s) =>
    (Object.keys(DEFAULT_APP_PARAMS) as (keyof AppParams)[]).every((k) =>
      Object.is(s.params[k], DEFAULT_APP_PARAMS[k]),
    ),
  );

  return (
    <section className="card" aria-labelledby="params-title">
      <div className="card-head">
        <h2 id="params-title">{s('app.parameters')}</h2>
        <button type="button" disabled={isDefault} onClick={() => set({ ...DEFAULT_APP_PARAMS })}>
          {s('control.reset')}
        </button>
      </div>
      {PARAM_SPECS.map((spec) => (
        <ParamControl key={spec.key} spec={spec} />
      ))}
      <div className="choice">
        <label htmlFor="smoothing">{s('control.smoothing')}</label>
        <select
          id="smoothing"
          value={smoothing}
          onChange={(e) => set({ smoothing: e.target.value as AppParams['smoothing'] })}
        >
          {SMOOTHING_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {s(`control.smoothing.${o.value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="choice">
        <label htmlFor="original">{s('control.original')}</label>
        <select
          id="original"
          value={original}
          onChange={(e) => set({ original: e.target.value as AppParams['original'] })}
        >
          {ORIGINAL_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {s(`control.original.${o.value}`)}
            </option>
          ))}
        </select>
      </div>
      {original === 'hardNegative' && <ParamControl spec={HARD_K_SPEC} slider={false} />}
      {/* Under the fold of a first screen: it comes in an idle period after the first readout. */}
      <Later>
        <EpsilonControls />
      </Later>
    </section>
  );
}
