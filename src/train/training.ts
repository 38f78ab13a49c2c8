/**
 * The step-wise training API: three runs (DR, focal, BCE) from the same data and the same initial
 * parameters except the prior, each with its own model copy, loss, optimiser and recorded series.
 * Pure (no DOM, no Node modules): the app steps it in a worker, the CLI through trainRuns.
 *
 * Step t evaluates the loss, its gradient and the metrics at θ_t; step t → t+1 backpropagates that
 * gradient and lets the optimiser make θ_{t+1}, which is then evaluated. So a training of S steps
 * does S+1 forward/loss passes and S updates, and every series has S+1 values (step 0 is the
 * initialisation).
 */
import { BCETrainLoss } from './losses/bce.ts';
import { DRTrainLoss } from './losses/dr.ts';
import { FocalTrainLoss } from './losses/focal.ts';
import type { TrainLoss } from './losses/loss.ts';
import { rankingMetrics } from './metrics/ranking.ts';
import { precisionRecallAt } from './metrics/thresholds.ts';
import { FreeModel } from './models/free.ts';
import { LinearModel } from './models/linear.ts';
import { MlpModel } from './models/mlp.ts';
import type { Model } from './models/model.ts';
import { createOptimizer } from './optim/createOptimizer.ts';
import type { Optimizer } from './optim/optimizer.ts';
import { THRESHOLDS } from './types.ts';
import type { RunName, RunSeries, StepMetrics, TrainSpec } from './types.ts';

/** One run's state. Mutable by stepTraining only. */
export interface RunState {
  readonly name: RunName;
  readonly model: Model;
  readonly loss: TrainLoss;
  readonly optimizer: Optimizer;
  /** The logits of the current θ (R×K), from the last forward. */
  readonly logits: Float64Array;
  /** Every recorded step so far (steps 0…step). */
  readonly series: RunSeries;
  /**
   * θ at every recorded step for the head models (a few dozen numbers each), so a view can go back
   * to any step (logitsAtStep); null for the free model, whose θ is all R·K logits.
   */
  readonly history: Float64Array[] | null;
  /** The metrics of the current step. */
  latest: StepMetrics;
  /** Why the run stopped (its loss or its parameters stopped being finite), or null while it trains. */
  diverged: string | null;
}

/** A training in progress: its spec, the runs of spec.losses and the current step. */
export interface Training {
  readonly spec: TrainSpec;
  readonly runs: readonly RunState[];
  step: number;
}

/** log(π/(1−π)), the logit a head model's output bias starts at for the prior π. */
export function priorLogit(prior: number): number {
  return Math.log(prior / (1 - prior));
}

function createModel(spec: TrainSpec, run: RunName): Model {
  const { data, model } = spec;
  if (model.kind === 'free') {
    if (data.logits === null) throw new RangeError('logits: required for model "free"');
    return new FreeModel(data.logits);
  }
  if (data.features === null) throw new RangeError(`features: required for model "${model.kind}"`);
  const bias = priorLogit(spec.prior[run]);
  return model.kind === 'linear'
    ? new LinearModel(data.features, data.R, data.d, data.K, bias)
    : new MlpModel(data.features, data.R, data.d, data.K, model.hidden, bias, spec.seed);
}

function createLoss(spec: TrainSpec, run: RunName): TrainLoss {
  const { targets, K } = spec.data;
  switch (run) {
    case 'dr':
      return new DRTrainLoss(targets, K, spec.params);
    case 'focal':
      return new FocalTrainLoss(targets, K, spec.focal);
    case 'bce':
      return new BCETrainLoss(targets, K);
  }
}

/** Placeholder metrics of a run not evaluated yet (createTraining evaluates step 0 at once). */
const unevaluated: StepMetrics = Object.freeze({
  step: -1,
  loss: NaN,
  ap: NaN,
  auc: NaN,
  precision: [],
  recall: [],
  pPlus: NaN,
  pMinus: NaN,
});

function emptySeries(): RunSeries {
  return {
    loss: [],
    ap: [],
    auc: [],
    precision: THRESHOLDS.map(() => []),
    recall: THRESHOLDS.map(() => []),
    pPlus: [],
    pMinus: [],
  };
}

/** Whether AP and AUC are computed at `step` (spec.metricsEvery; always at steps 0 and S). */
export function samplesRanking(spec: TrainSpec, step: number): boolean {
  return step % spec.metricsEvery === 0 || step === spec.steps;
}

/**
 * Forward + loss + gradient + metrics of `run` at its current θ for step `step`, recorded into its
 * series. A loss that is not finite (or a NaN logit, which the engine's pool rejects) marks the run
 * diverged; its metrics are then NaN.
 */
function evaluateRun(training: Training, run: RunState, step: number): void {
  const { spec } = training;
  run.model.forward(run.logits);
  let value = { loss: NaN, pPlus: NaN, pMinus: NaN };
  try {
    value = run.loss.evaluate(run.logits);
  } catch {
    // pool's RangeError on a NaN logit: the parameters have left the floats
  }
  const finite = Number.isFinite(value.loss);
  if (!finite) run.diverged = `the loss is not finite at step ${step}`;
  const precision = THRESHOLDS.map(() => NaN);
  const recall = THRESHOLDS.map(() => NaN);
  let ap = NaN;
  let auc = NaN;
  if (finite) {
    const pos = run.loss.positives();
    const neg = run.loss.negatives();
    precisionRecallAt(pos, neg, THRESHOLDS, precision, recall);
    if (samplesRanking(spec, step)) {
      ({ ap, auc } = rankingMetrics(pos, neg));
    }
  }
  const m: StepMetrics = {
    step,
    loss: value.loss,
    ap,
    auc,
    precision,
    recall,
    pPlus: value.pPlus,
    pMinus: value.pMinus,
  };
  run.latest = m;
  const s = run.series;
  s.loss.push(m.loss);
  s.ap.push(ap);
  s.auc.push(auc);
  for (let t = 0; t < THRESHOLDS.length; t++) {
    s.precision[t].push(precision[t]);
    s.recall[t].push(recall[t]);
  }
  s.pPlus.push(m.pPlus);
  s.pMinus.push(m.pMinus);
  run.history?.push(run.model.params.slice());
}

/**
 * A training at step 0: for each run of spec.losses (in RUN_NAMES order) the model at its
 * initialisation (free: the given logits; linear: W = 0, b = log(π/(1−π)); mlp: Glorot-uniform W1
 * from spec.seed, b1 = 0, W2 = 0, b2 = log(π/(1−π)); π = spec.prior[run]), its loss, an optimiser
 * at rest, and step 0 evaluated and recorded.
 *
 * @throws RangeError when the data lack what the model needs (parseTrainSpec checks this first).
 */
export function createTraining(spec: TrainSpec): Training {
  const runs = spec.losses.map((name): RunState => {
    const model = createModel(spec, name);
    return {
      name,
      model,
      loss: createLoss(spec, name),
      optimizer: createOptimizer(spec.optimizer, spec.lr[name], model.params.length),
      logits: new Float64Array(spec.data.R * spec.data.K),
      series: emptySeries(),
      history: spec.model.kind === 'free' ? null : [],
      latest: unevaluated,
      diverged: null,
    };
  });
  const training: Training = { spec, runs, step: 0 };
  for (const run of runs) evaluateRun(training, run, 0);
  return training;
}

function allFinite(a: Float64Array): boolean {
  let s = 0;
  // a·0 is 0 for finite a and NaN for ±∞ or NaN: one add per entry, no branch
  for (let i = 0; i < a.length; i++) s += a[i] * 0;
  return s === 0;
}

/**
 * One step of every run that has not diverged: θ ← optimiser(θ, ∂ℓ/∂θ at θ), then the new θ is
 * evaluated and recorded as step training.step + 1. A run whose parameters stop being finite is
 * marked diverged and no longer stepped.
 */
export function stepTraining(training: Training): void {
  const step = training.step + 1;
  for (const run of training.runs) {
    if (run.diverged !== null) continue;
    run.model.backward(run.loss.grad());
    run.optimizer.step(run.model.params, run.model.grad);
    if (!allFinite(run.model.params)) {
      // ±∞ logits would still give the DR loss a finite value (p = 0 or 1): stop here instead
      run.diverged = `the parameters are not finite at step ${step}`;
      continue;
    }
    evaluateRun(training, run, step);
  }
  training.step = step;
}

/** The metrics of `name` at the current step (undefined when that run is not trained). */
export function latestMetrics(training: Training, name: RunName): StepMetrics | undefined {
  return training.runs.find((r) => r.name === name)?.latest;
}

/**
 * The logits of a head-model run at a recorded step (0…training.step): that step's θ through the
 * model, written into `out` (R×K). Returns false (and writes nothing) for the free model or a step
 * not recorded. The run's own θ, logits and the mlp's stored activations are restored afterwards
 * (one more forward pass), so stepping continues exactly as without the call.
 */
export function logitsAtStep(run: RunState, step: number, out: Float64Array): boolean {
  const history = run.history;
  if (history === null || !Number.isInteger(step) || step < 0 || step >= history.length) {
    return false;
  }
  const { model } = run;
  const current = model.params.slice();
  model.params.set(history[step]);
  model.forward(out);
  model.params.set(current);
  // the mlp's backward reads the activations of the last forward: make that the current θ's again
  model.forward(run.logits);
  return true;
}
