/**
 * The training core (pure TypeScript, float64; runs in browsers, workers and Node): three runs from
 * the same data and initial parameters except the prior — DR, focal and BCE — with a free, linear or
 * one-hidden-layer model, PyTorch's SGD or Adam, and the loss, AP, AUC, precision/recall at 0.05 and
 * 0.5, and P̂± per step.
 */
export type {
  FocalSettings,
  HeadParameters,
  ModelSpec,
  OptimizerSpec,
  RunName,
  RunSeries,
  StepMetrics,
  TrainData,
  TrainResult,
  TrainSpec,
} from './types.ts';
export { RUN_NAMES, THRESHOLDS } from './types.ts';
export {
  DEFAULT_ADAM,
  DEFAULT_FOCAL,
  DEFAULT_LR,
  DEFAULT_MOMENTUM,
  DEFAULT_OPTIMIZER,
  DEFAULT_PRIOR,
  DEFAULT_SEED,
  DEFAULT_STEPS,
} from './defaults.ts';
export {
  SAMPLE_METRICS_ABOVE,
  makeTrainSpec,
  suggestedMetricsEvery,
  trainDataFromAnchors,
} from './makeSpec.ts';
export type { TrainOverrides } from './makeSpec.ts';
export {
  createTraining,
  latestMetrics,
  logitsAtStep,
  priorLogit,
  samplesRanking,
  stepTraining,
} from './training.ts';
export type { RunState, Training } from './training.ts';
export { TrainDivergedError, trainRuns } from './trainRuns.ts';
export { rankingMetrics } from './metrics/ranking.ts';
export type { RankingMetrics } from './metrics/ranking.ts';
export { precisionRecallAt } from './metrics/thresholds.ts';
export { MAX_HIDDEN } from './models/mlp.ts';
export { MAX_STEPS, SPEC_KEYS, parseTrainSpec, parseTrainSpecText } from './spec.ts';
export type { ParseTrainSpecResult } from './spec.ts';
export { trainOutputJson } from './output.ts';
export type { TrainJson } from './output.ts';
