/** The explainer's computation: candidate set + parameters → what the panels draw. */
export { explain, explainPrepared, prepare, prepareSorted, provideObjectives } from './explain.ts';
export type { ExplainOptions, Prepared } from './explain.ts';
export {
  HISTOGRAM_BINS,
  binCounts,
  binEdges,
  originalInto,
  originalMass,
  tiltedMass,
} from './histogram.ts';
export { hardestShare } from './hardest.ts';
export { HARDEST_FRACTION, binOf, hardestCount, sortedSet, sortedSetOf } from './sortedSet.ts';
export type { SortedSet } from './sortedSet.ts';
export { setSummary } from './summary.ts';
export { buildDetail } from './detail.ts';
export type { DetailInputs } from './detail.ts';
