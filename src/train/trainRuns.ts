/**
 * A whole training in one call (what `dr train` prints): S steps of every run, their series and
 * final parameters.
 */
import { createTraining, stepTraining } from './training.ts';
import type { TrainResult, TrainSpec } from './types.ts';

/** A run whose loss or parameters stopped being finite: its learning rate is too large. */
export class TrainDivergedError extends RangeError {}

/**
 * createTraining(spec), then spec.steps × stepTraining; returns each run's series (S+1 values each)
 * and its final head parameters (null for the free model).
 *
 * @throws TrainDivergedError (a RangeError) with one line naming the run's learning rate field when
 *   a run diverges, e.g. `lr.focal: the focal run diverged (the loss is not finite at step 12)`.
 */
export function trainRuns(spec: TrainSpec): TrainResult {
  const training = createTraining(spec);
  for (let s = 0; s < spec.steps; s++) stepTraining(training);
  const runs: TrainResult['runs'] = {};
  for (const run of training.runs) {
    if (run.diverged !== null) {
      throw new TrainDivergedError(
        `lr.${run.name}: the ${run.name} run diverged (${run.diverged}); lower the learning rate`,
      );
    }
    runs[run.name] = { ...run.series, final: run.model.head() };
  }
  return { spec, runs };
}
