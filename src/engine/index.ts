/**
 * The DR-loss engine's public API (pure TypeScript, float64; runs in browsers, workers and Node).
 */
export type {
  DRParams,
  DRResult,
  OriginalDistribution,
  Pooled,
  Smoothing,
  Workspace,
} from './types.ts';
export { DEFAULT_PARAMS } from './types.ts';
export { pool } from './pool.ts';
export { createWorkspace, evaluate, evaluateScalars, resultFromSums } from './evaluate.ts';
export type { EvaluateOptions } from './evaluate.ts';
export { drLoss, drLossBatch } from './drLoss.ts';
export type { DRImage } from './drLoss.ts';
export { resolveParams, validateParams } from './params.ts';
export { negativeDistribution, positiveDistribution, tiltedDistribution } from './kernels/tilted.ts';
export type { SetPrior, TiltSign, TiltedDistribution } from './kernels/tilted.ts';
export { lambdaForEpsilon } from './lambdaForEpsilon.ts';
export type { LambdaForEpsilonResult } from './lambdaForEpsilon.ts';
export {
  hingeLoss,
  hingeSlope,
  logisticLoss,
  logisticSlope,
  quadraticLoss,
  quadraticSlope,
  surrogate,
} from './surrogates.ts';
export type { SurrogateValue } from './surrogates.ts';
export { hardNegativeSupport, setPriors } from './priors.ts';
export type { SetPriors } from './priors.ts';
export { topKIndices } from './topK.ts';
export { lowerBound, sortAscending, upperBound } from './sorted.ts';
export {
  SEG_LEN,
  SEG_S,
  SEG_U,
  SEG_UP,
  SEG_UQ,
  absoluteMoment,
  segmentEnds,
  tiltedSegmentSums,
} from './kernels/segments.ts';
export { CELL_M, cellMoments, cellSegmentSums } from './kernels/cells.ts';
export type { CellMoments } from './kernels/cells.ts';
export { SUM_LEN, SUM_S, meanFromSums } from './kernels/tilted.ts';
export { expFast } from './fastExp.ts';
export {
  compensatedSum,
  logSigmoid,
  logSumExp,
  sigmoid,
  softmaxInto,
  softplus,
} from './numerics.ts';
