/**
 * Objectives the explainer compares DR against (drloss-math.md §5): the all-pairs ranking loss
 * (Eq. 3/4), the worst-case pair (Eq. 5), RetinaNet's focal loss, binary cross-entropy, and the
 * classification-recovery counts of §3.3.
 */
export { blockSums, pairwiseHinge, pairwiseHingeSorted } from './pairwise.ts';
export type { PairwiseGradient, PairwiseResult } from './pairwise.ts';
export { worstCaseLoss, worstCasePair } from './worstCase.ts';
export type { WorstCaseResult } from './worstCase.ts';
export { FOCAL_DEFAULTS, focalLoss } from './focal.ts';
export type { FocalParams, FocalResult } from './focal.ts';
export { binaryCrossEntropy } from './bce.ts';
export { entryObjectives } from './entryObjectives.ts';
export type { EntryGradients } from './entryObjectives.ts';
export type { BCEResult } from './bce.ts';
export { recoveryCounts, recoveryCountsSorted } from './recovery.ts';
export type { RecoveryCounts } from './recovery.ts';
