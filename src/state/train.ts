/**
 * The Train section's part of the choice: the training setup (src/worker/trainSetup.ts) and the step
 * the charts show. Setup changes are undo steps (the store's history); moving the step is not, but
 * the link carries both. DEFAULT_TRAIN is one object, so "nothing changed" is an identity test and a
 * default choice leaves the persisted state (and the link) without a train field.
 */
import {
  DEFAULT_TRAIN_SETUP,
  TRAIN_FIELDS,
  sameTrainSetup,
  trainFieldProblem,
  type TrainSetup,
} from '../worker/trainFields.ts';

export interface TrainChoice {
  readonly setup: TrainSetup;
  /** The step shown while paused: an integer in [0, setup.steps]. */
  readonly step: number;
}

export const DEFAULT_TRAIN: TrainChoice = Object.freeze({ setup: DEFAULT_TRAIN_SETUP, step: 0 });

/** The canonical object for `setup` and `step` (DEFAULT_TRAIN when both are the defaults). */
export function trainChoice(setup: TrainSetup, step: number): TrainChoice {
  const s = Math.max(0, Math.min(setup.steps, Math.round(step)));
  if (s === 0 && sameTrainSetup(setup, DEFAULT_TRAIN_SETUP)) return DEFAULT_TRAIN;
  return { setup, step: s };
}

/**
 * `current` with `patch` applied, or a reason naming the first field that does not fit its range
 * (the controls check before they call; this is the last guard). The step is kept, clamped to S.
 */
export function withTrainSetup(
  current: TrainChoice,
  patch: Partial<TrainSetup>,
): { ok: true; value: TrainChoice } | { ok: false; field: string; why: string } {
  for (const field of TRAIN_FIELDS) {
    if (!(field.key in patch)) continue;
    const why = trainFieldProblem(field, patch[field.key]);
    if (why !== null) return { ok: false, field: field.key, why };
  }
  const setup = { ...current.setup, ...patch };
  if (sameTrainSetup(setup, current.setup)) return { ok: true, value: current };
  return { ok: true, value: trainChoice(setup, current.step) };
}
