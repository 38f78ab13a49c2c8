/**
 * The guided tour as data: one step per stage of the paper's argument, each naming the panel it
 * scrolls to, the candidate set and parameters it sets (on top of the paper's defaults), and its
 * strings (title, two or three sentences on what to look at, and a "try this"). Tests walk this list.
 */
import type { PresetId } from '../../data/types.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { DEFAULT_APP_PARAMS } from '../../params/table.ts';
import type { AppParams } from '../../params/types.ts';
import type { PanelId } from '../../state/lesson.ts';

export interface TourStep {
  /** Stable name of the step (tests, analytics-free logs). */
  readonly id: string;
  /** The panel the step scrolls to. */
  readonly panel: PanelId;
  /** The generated set it loads (default seed, no edits); null keeps the current candidates. */
  readonly preset: PresetId | null;
  /** Parameters that differ from the paper's defaults in this step (every other one is reset). */
  readonly params: Partial<AppParams>;
  readonly title: StringKey;
  readonly body: StringKey;
  readonly tryThis: StringKey;
}

export const TOUR_STEPS: readonly TourStep[] = Object.freeze([
  {
    id: 'imbalance',
    panel: 'imbalance',
    preset: 'imbalance-1000',
    params: {},
    title: 'tour.imbalance.title',
    body: 'tour.imbalance.body',
    tryThis: 'tour.imbalance.try',
  },
  {
    id: 'ranking',
    panel: 'ranking',
    preset: 'paper-default',
    params: {},
    title: 'tour.ranking.title',
    body: 'tour.ranking.body',
    tryThis: 'tour.ranking.try',
  },
  {
    id: 'worst-case',
    panel: 'worst-case',
    preset: 'hard-negatives',
    params: {},
    title: 'tour.worstCase.title',
    body: 'tour.worstCase.body',
    tryThis: 'tour.worstCase.try',
  },
  {
    id: 'distribution',
    panel: 'distribution',
    preset: 'hard-negatives',
    params: {},
    title: 'tour.distribution.title',
    body: 'tour.distribution.body',
    tryThis: 'tour.distribution.try',
  },
  {
    id: 'variance',
    panel: 'distribution',
    preset: 'fig2-large-var',
    params: {},
    title: 'tour.variance.title',
    body: 'tour.variance.body',
    tryThis: 'tour.variance.try',
  },
  {
    id: 'smoothing',
    panel: 'smoothing',
    preset: 'paper-default',
    params: { smoothing: 'logistic', L: 6 },
    title: 'tour.smoothing.title',
    body: 'tour.smoothing.body',
    tryThis: 'tour.smoothing.try',
  },
  {
    id: 'gradient',
    panel: 'gradient',
    preset: 'hard-negatives',
    params: {},
    title: 'tour.gradient.title',
    body: 'tour.gradient.body',
    tryThis: 'tour.gradient.try',
  },
  {
    id: 'recovery',
    panel: 'recovery',
    preset: 'paper-default',
    params: {},
    title: 'tour.recovery.title',
    body: 'tour.recovery.body',
    tryThis: 'tour.recovery.try',
  },
  {
    id: 'tables',
    panel: 'tables',
    preset: 'paper-default',
    params: {},
    title: 'tour.tables.title',
    body: 'tour.tables.body',
    tryThis: 'tour.tables.try',
  },
] satisfies TourStep[]);

/** The parameters a step sets: the paper's defaults with the step's own values. */
export function stepParams(step: TourStep): AppParams {
  return { ...DEFAULT_APP_PARAMS, ...step.params };
}

/** The step with 1-based number `n`, clamped to the tour (a link may name a step past the end). */
export function stepAt(n: number): { readonly number: number; readonly step: TourStep } {
  const number = Math.min(Math.max(1, Math.round(n)), TOUR_STEPS.length);
  return { number, step: TOUR_STEPS[number - 1]! };
}
