/**
 * Objectives the explainer compares DR against (docs/maths.md §5): the all-pairs ranking loss
 * (Eq. 3/4), the worst-case pair (Eq. 5), RetinaNet's focal loss, binary cross-entropy, and the
 * classification-recovery counts of §3.3.
 */
export { blockSums, pairwiseHinge, pairwiseHingeSorted } from './pairwise.ts';
export type { PairwiseGradient, PairwiseResult } from './pairwise.ts';
export { worstCaseLoss, worstCasePair } from './worstCase.ts';
export type { WorstCaseResult } from './worstCase.ts';
export { focalLoss } from './focal.ts';
export { binaryCrossEntropy } from './bce.ts';
export { FOCAL_DEFAULTS, entryObjectives } from './entryObjectives.ts';
export type { BCEResult, EntryGradients, FocalParams, FocalResult } from './entryObjectives.ts';
export { recoveryCounts, recoveryCountsSorted } from './recovery.ts';
export type { RecoveryCounts } from './recovery.ts';
