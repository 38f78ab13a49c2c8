/**
 * What a first visit shows, and what a link without any field means: the paper's defaults on the first
 * preset with its default seed and no edits. The store starts from it and the permalink codec fills
 * missing or bad fields from it.
 */
import { DEFAULT_SEED, PRESETS } from '../data/presets.ts';
import type { CandidateSource } from '../data/types.ts';
import { DEFAULT_APP_PARAMS } from '../params/table.ts';
import type { PersistedState } from './types.ts';

export const DEFAULT_SOURCE: CandidateSource = Object.freeze({
  kind: 'generated',
  preset: PRESETS[0]!.id,
  seed: DEFAULT_SEED,
  edits: Object.freeze([]),
});

export const DEFAULT_STATE: PersistedState = Object.freeze({
  params: DEFAULT_APP_PARAMS,
  source: DEFAULT_SOURCE,
});
