/** The DR loss over shards of a problem, for a pool of workers (see each module). */
export { SHARD_ENTRIES, shardRanges, shardRowsFor, workerOfShard } from './layout.ts';
export { combineSetSums, shardSetGradient, shardSetSums, shiftFactor } from './shardSums.ts';
export type { SetGlobals } from './shardSums.ts';
export { mergeTopK, shardTopKCandidates } from './shardTopK.ts';
export type { TopKCandidates } from './shardTopK.ts';
export {
  combineForward,
  createShardScratch,
  evaluateSharded,
  hardK,
  shardForward,
  shardGradient,
  shardSupports,
} from './shardEvaluate.ts';
export type { CombinedForward, ShardPartial, ShardScratch } from './shardEvaluate.ts';
export { cutRanges, joinRanges, mergeSortedRuns } from './assemble.ts';
export { combineObjectiveSums, objectiveSums, objectivesBlocked } from './shardObjectives.ts';
export type { BlockedObjectives, ObjectiveSums } from './shardObjectives.ts';
