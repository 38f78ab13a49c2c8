/**
 * The candidate picker's description of a preset: every number in it comes from the engine
 * (presetFacts.ts generates the preset and explains it on the main thread). Its own chunk with the
 * engine and the explainer, shown after the first readout (CandidatePicker renders it Later), so
 * neither its code nor its computing stands between a cold load and the first result.
 */
import { useMemo } from 'react';
import type { PresetId } from '../../data/types.ts';
import { useLang, useT } from '../hooks/i18n.ts';
import { describePreset, presetFacts } from '../presetFacts.ts';

export interface PresetDescriptionProps {
  readonly preset: PresetId;
  readonly seed: number;
}

export function PresetDescription({ preset, seed }: PresetDescriptionProps) {
  const s = useT();
  const lang = useLang();
  const facts = useMemo(() => presetFacts(preset, seed), [preset, seed]);
  return (
    <p className="description" data-testid="preset-description">
      {describePreset(preset, facts, s).join(lang === 'zh' ? '' : ' ')}
    </p>
  );
}
