/**
 * The DR-loss engine's public API (pure TypeScript, float64; runs in browsers, workers and Node).
 */
export type {
  DRParams,
  DRResult,
  OriginalDistribution,
  Pooled,
  SetPrior,
  SetPriors,
  Smoothing,
  TiltSign,
  Workspace,
} from './types.ts';
export { DEFAULT_PARAMS, SMOOTHINGS } from './types.ts';
export { pool } from './pool.ts';
export { createWorkspace, evaluate, evaluateScalars, resultFromSums } from './evaluate.ts';
export type { EvaluateOptions } from './evaluate.ts';
export { createDrStep } from './drStep.ts';
export type { DrStep, DrStepOutput } from './drStep.ts';
export { createEvaluateCache } from './evaluateCache.ts';
export type { EvaluateCache } from './evaluateCache.ts';
export { drLoss, drLossBatch } from './drLoss.ts';
export type { DRImage } from './drLoss.ts';
export { resolveParams, validateParams } from './params.ts';
export { negativeDistribution, positiveDistribution, tiltedDistribution } from './distributions.ts';
export type { TiltedDistribution } from './distributions.ts';
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
export { topKIndices } from './topK.ts';
export { lowerBound, sortAscending, sortPieces, upperBound } from './sorted.ts';
export {
  SEG_LEN,
  SEG_S,
  SEG_U,
  SEG_UP,
  SEG_UQ,
  SUM_EXT,
  SUM_LEN,
  SUM_S,
  SUM_SCALE,
  SUM_SDP,
  SUM_SE2,
  SUM_W,
} from './kernels/layout.ts';
export { absoluteMoment, segmentEnds, tiltedSegmentSums } from './kernels/segments.ts';
export { CELL_M, cellMoments, cellSegmentSums } from './kernels/cells.ts';
export type { CellMoments } from './kernels/cells.ts';
export { meanFromSums } from './kernels/tilted.ts';
export { kernelPath, setKernelPath } from './kernels/simd.ts';
export type { KernelPath } from './kernels/simd.ts';
export { expFast } from './fastExp.ts';
export { log1pUnit } from './log1pUnit.ts';
export {
  CompensatedSum,
  additionError,
  compensatedSum,
  logSigmoid,
  logSumExp,
  sigmoid,
  softmaxInto,
  softplus,
} from './numerics.ts';
export {
  FOCAL_DEFAULTS,
  binaryCrossEntropy,
  blockSums,
  entryObjectives,
  focalLoss,
  pairwiseHinge,
  pairwiseHingeSorted,
  recoveryCounts,
  recoveryCountsSorted,
  worstCaseLoss,
  worstCasePair,
} from './objectives/index.ts';
export type {
  BCEResult,
  EntryGradients,
  FocalParams,
  FocalResult,
  PairwiseGradient,
  PairwiseResult,
  RecoveryCounts,
  WorstCaseResult,
} from './objectives/index.ts';
