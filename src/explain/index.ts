/** The explainer's computation: candidate set + parameters → what the panels draw. */
export { explain, explainPrepared, prepare } from './explain.ts';
export type { ExplainOptions, Prepared } from './explain.ts';
export {
  HISTOGRAM_BINS,
  binCounts,
  binEdges,
  binEntries,
  binMass,
  binOf,
  originalInto,
  originalMass,
  scoreHistogram,
} from './histogram.ts';
export { HARDEST_FRACTION, hardestCount, hardestNegatives, hardestShare } from './hardest.ts';
export { setBase, setSummary } from './summary.ts';
export type { SetBase } from './summary.ts';
export { buildDetail } from './detail.ts';
export type { DetailInputs } from './detail.ts';
