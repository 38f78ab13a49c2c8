/**
 * How a problem is cut into shards: fixed blocks of rows, about SHARD_ENTRIES entries each, whatever
 * the number of workers. The worker count only decides which worker computes which shard; every sum
 * is taken within a shard and then across shards in shard order, so a result does not depend on it.
 */

/** Entries per shard (rows × K, rounded down to whole rows): 2^20, 8 shards at detection scale. */
export const SHARD_ENTRIES = 1 << 20;

/** Rows per shard for K classes (at least one row). */
export function shardRowsFor(K: number, entries: number = SHARD_ENTRIES): number {
  return Math.max(1, Math.floor(entries / K));
}

/** The row range [start, end) of each shard of R rows, `rows` rows a shard (the last may be short). */
export function shardRanges(R: number, rows: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let start = 0; start < R; start += rows) out.push({ start, end: Math.min(R, start + rows) });
  return out;
}

/** Which worker computes shard `s` of a pool of `workers`: round robin. */
export function workerOfShard(s: number, workers: number): number {
  return s % workers;
}
