/**
 * What a first visit shows, and what a link without any field means: the paper's defaults on the first
 * preset with its default seed and no edits. The store starts from it and the permalink codec fills
 * missing or bad fields from it.
 */
import { DEFAULT_SOURCE } from '../data/presets.ts';
import { DEFAULT_APP_PARAMS } from '../params/table.ts';
import type { PersistedState } from './types.ts';

// The candidate source is the data layer's (the engine worker computes it before it is asked).
export { DEFAULT_SOURCE };

export const DEFAULT_STATE: PersistedState = Object.freeze({
  params: DEFAULT_APP_PARAMS,
  source: DEFAULT_SOURCE,
});
