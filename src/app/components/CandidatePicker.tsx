/**
 * Which candidates: a seeded generator preset and its seed (integers 0 … 2^32 − 1), or the imported
 * set when one is loaded. Picking a preset or a seed starts a fresh set (its edits are dropped): one
 * undo step.
 */
import { useState } from 'react';
import { DEFAULT_SEED, isPresetId, presetInfo, PRESETS } from '../../data/index.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { MAX_SEED, parseSeed } from '../seed.ts';
import { Later, lazyNamed } from './Later.tsx';
import type { PresetDescriptionProps } from './PresetDescription.tsx';
import { fmtCount } from '../../viz/format.ts';

// The description's numbers come from the engine run on the main thread: after the first readout.
const PresetDescription = lazyNamed<'PresetDescription', PresetDescriptionProps>(
  () => import('./PresetDescription.tsx'),
  'PresetDescription',
);

export function CandidatePicker() {
  const store = useAppStore();
  const s = useT();
  const source = useApp((s) => s.source);
  const [draft, setDraft] = useState<string | null>(null);
  const preset = source.kind === 'generated' ? source.preset : null;
  const seed = source.kind === 'generated' ? source.seed : DEFAULT_SEED;
  const info = preset ? presetInfo(preset) : undefined;

  const choose = (id: string, s: number) => {
    if (!isPresetId(id)) return;
    store.getState().setSource({ kind: 'generated', preset: id, seed: s, edits: [] });
  };

  const commitSeed = () => {
    if (draft === null) return;
    const parsed = parseSeed(draft);
    setDraft(null);
    if (!parsed.ok) {
      store.getState().notifyKey(parsed.key, { ...parsed.vars, seed }, 'error');
      return;
    }
    if (preset && parsed.seed !== seed) choose(preset, parsed.seed);
  };

  return (
    <section className="card" aria-labelledby="candidates-title">
      <h2 id="candidates-title">{s('app.candidates')}</h2>
      <div className="choice">
        <label htmlFor="preset">{s('app.presetLabel')}</label>
        <select
          id="preset"
          value={preset ?? 'explicit'}
          onChange={(e) => choose(e.target.value, seed)}
        >
          {source.kind === 'explicit' && (
            <option value="explicit" disabled>
              {s('app.importedOption', { name: source.name })}
            </option>
          )}
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {s(`preset.${p.id}`)} ({s('app.entries', { n: fmtCount(p.R * p.K) })})
            </option>
          ))}
        </select>
      </div>
      {info && (
        <Later>
          <PresetDescription preset={info.id} seed={seed} />
        </Later>
      )}
      {source.kind === 'explicit' && (
        <p className="description">
          {s('app.importedShape', {
            name: source.name,
            R: fmtCount(source.base.R),
            K: source.base.K,
          })}
        </p>
      )}
      <div className="choice">
        <label htmlFor="seed">{s('app.seedLabel')}</label>
        <span className="seed-inputs">
          <input
            id="seed"
            type="number"
            min={0}
            max={MAX_SEED}
            step={1}
            disabled={!preset}
            value={draft ?? String(seed)}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commitSeed}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitSeed();
            }}
          />
          <button
            type="button"
            disabled={!preset}
            onClick={() => preset && choose(preset, (seed + 1) % (MAX_SEED + 1))}
          >
            {s('app.nextSeed')}
          </button>
        </span>
      </div>
      {source.edits.length > 0 && (
        <p className="description">{s('app.editCount', { n: source.edits.length })}</p>
      )}
    </section>
  );
}
