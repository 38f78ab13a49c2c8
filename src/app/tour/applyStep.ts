/**
 * What a tour step does to the choice, as pure functions: its set and parameters replace the current
 * ones (one undo step; a pinned baseline stays), and a step whose set is already loaded keeps the
 * very same source object, so the engine evaluates instead of reloading.
 */
import { DEFAULT_SEED } from '../../data/presets.ts';
import type { CandidateSource } from '../../data/types.ts';
import { DEFAULT_STATE } from '../../state/defaults.ts';
import type { PersistedState } from '../../state/types.ts';
import { stepParams, type TourStep } from './steps.ts';

/** The choice after `step`, from `current`. */
export function stepChoice(step: TourStep, current: PersistedState): PersistedState {
  const params = stepParams(step);
  const source: CandidateSource =
    step.preset === null || isPreset(current.source, step.preset)
      ? current.source
      : { kind: 'generated', preset: step.preset, seed: DEFAULT_SEED, edits: [] };
  return current.baseline ? { params, source, baseline: current.baseline } : { params, source };
}

function isPreset(source: CandidateSource, preset: string): boolean {
  return (
    source.kind === 'generated' &&
    source.preset === preset &&
    source.seed === DEFAULT_SEED &&
    source.edits.length === 0
  );
}

/**
 * Whether `state` is what a link without choice fields opens (the defaults, no baseline): a step
 * link such as `#tour=4` then sets the step's own settings, while a link carrying a teacher's
 * settings keeps them.
 */
export function isDefaultChoice(state: PersistedState): boolean {
  if (state.baseline) return false;
  const keys = Object.keys(DEFAULT_STATE.params) as (keyof PersistedState['params'])[];
  return (
    keys.every((k) => Object.is(state.params[k], DEFAULT_STATE.params[k])) &&
    isPreset(state.source, (DEFAULT_STATE.source as { preset: string }).preset)
  );
}
