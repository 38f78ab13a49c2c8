/**
 * The DR loss and its gradient over shards, in three steps a pool of workers can run apart (each
 * shard's steps in whichever worker holds it; the combining steps on the coordinator, in shard
 * order): the shard's sums (shardForward), the whole set's scalars (combineForward), and the shard's
 * gradient (shardGradient). evaluateSharded runs them in one thread: what a pool of any size computes.
 */
import { resultFromSums } from '../evaluate.ts';
import { validateParams } from '../params.ts';
import { pool } from '../pool.ts';
import type { DRParams, DRResult, Pooled } from '../types.ts';
import { shardRanges, shardRowsFor } from './layout.ts';
import { combineSetSums, shardSetGradient, shardSetSums, type SetGlobals } from './shardSums.ts';
import { mergeTopK, shardTopKCandidates } from './shardTopK.ts';

/** One shard's sums of both sets under one λ± and prior (shardSetSums' layout, its own extremes). */
export interface ShardPartial {
  readonly sumsNeg: Float64Array;
  readonly sumsPos: Float64Array;
}

/** The k of a hard-negative prior, or null for the uniform prior; other priors are not sharded. */
export function hardK(params: DRParams): number | null {
  const o = params.original;
  if (o.kind === 'uniform') return null;
  if (o.kind === 'hardNegative') return o.k;
  throw new RangeError('sharded evaluation takes the uniform and hard-negative priors only');
}

/** Scratch a shard keeps between its forward and its gradient: the e_j of each set. */
export interface ShardScratch {
  readonly eNeg: Float64Array;
  readonly ePos: Float64Array;
}

export function createShardScratch(shard: Pooled): ShardScratch {
  return { eNeg: new Float64Array(shard.pNeg.length), ePos: new Float64Array(shard.pPos.length) };
}

/**
 * A shard's sums for `params`; `support` is its part of the hard-negative support (mergeTopK), null
 * for the uniform prior. With `scratch`, its e_j are kept for shardGradient.
 */
export function shardForward(
  shard: Pooled,
  params: DRParams,
  support: Int32Array | null,
  scratch: ShardScratch | null,
): ShardPartial {
  const eNeg = scratch && scratch.eNeg;
  if (eNeg !== null && support !== null) eNeg.fill(0);
  return {
    sumsNeg: shardSetSums(
      shard.pNeg,
      1,
      params.lambdaNeg,
      support,
      support === null ? shard.negMax : NaN,
      eNeg,
    ),
    sumsPos: shardSetSums(
      shard.pPos,
      -1,
      params.lambdaPos,
      null,
      shard.posMin,
      scratch && scratch.ePos,
    ),
  };
}

/** The whole problem's result and what each shard's gradient needs. */
export interface CombinedForward {
  readonly result: DRResult;
  readonly neg: SetGlobals;
  readonly pos: SetGlobals;
}

/** Combine the shards' partials (shard order) into the DR result (evaluate's scalars). */
export function combineForward(
  params: DRParams,
  partials: readonly ShardPartial[],
  nPos: number,
  nNeg: number,
): CombinedForward {
  validateParams(params);
  const sumsNeg = combineSetSums(
    partials.map((p) => p.sumsNeg),
    1,
    params.lambdaNeg,
  );
  const sumsPos = combineSetSums(
    partials.map((p) => p.sumsPos),
    -1,
    params.lambdaPos,
  );
  const result = resultFromSums(params, sumsPos, sumsNeg, nPos, nNeg);
  return {
    result,
    neg: { sums: sumsNeg, mean: result.pMinus, g0: result.slope },
    pos: { sums: sumsPos, mean: result.pPlus, g0: -result.slope },
  };
}

/**
 * A shard's ∂DR/∂logit into `gradLogits` (its own R_i·K entries, zero-filled by the caller: ignored
 * rows and negatives off the support stay 0), from its kept e_j and partial and the combined globals.
 * Overwrites the scratch's e_j with q_j.
 */
export function shardGradient(
  shard: Pooled,
  scratch: ShardScratch,
  support: Int32Array | null,
  partial: ShardPartial,
  combined: CombinedForward,
  gradLogits: Float64Array,
): void {
  shardSetGradient(
    shard.pNeg,
    scratch.eNeg,
    shard.negIndex,
    support,
    partial.sumsNeg,
    combined.neg,
    null,
    gradLogits,
  );
  shardSetGradient(
    shard.pPos,
    scratch.ePos,
    shard.posIndex,
    null,
    partial.sumsPos,
    combined.pos,
    null,
    gradLogits,
  );
}

/**
 * Each shard's part of the hard-negative support for k (null: uniform prior, k ≥ n−), from the shards
 * in shard order.
 */
export function shardSupports(shards: readonly Pooled[], k: number | null): (Int32Array | null)[] {
  const nNeg = shards.reduce((n, s) => n + s.pNeg.length, 0);
  const merged =
    k === null
      ? null
      : mergeTopK(
          shards.map((s) => shardTopKCandidates(s.pNeg, k)),
          k,
          nNeg,
        );
  return shards.map((_, s) => (merged === null ? null : merged[s]));
}

/**
 * The DR loss and ∂DR/∂logits of R×K logits computed shard by shard in one thread (rows in blocks of
 * `shardRows`): the numbers a pool of workers gives, bit for bit, whatever its size. Agrees with the
 * engine's evaluate to a few 2^-53 (sums grouped by shard instead of by 1024-entry block).
 */
export function evaluateSharded(
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  params: DRParams,
  shardRows: number = shardRowsFor(K),
): { result: DRResult; gradLogits: Float64Array } {
  validateParams(params);
  const ranges = shardRanges(targets.length, shardRows);
  const shards = ranges.map(({ start, end }) =>
    pool(logits.subarray(start * K, end * K), targets.subarray(start, end), K),
  );
  const supports = shardSupports(shards, hardK(params));
  const scratch = shards.map(createShardScratch);
  const partials = shards.map((s, i) => shardForward(s, params, supports[i], scratch[i]));
  const nPos = shards.reduce((n, s) => n + s.pPos.length, 0);
  const nNeg = shards.reduce((n, s) => n + s.pNeg.length, 0);
  const combined = combineForward(params, partials, nPos, nNeg);
  const gradLogits = new Float64Array(logits.length);
  ranges.forEach(({ start, end }, i) =>
    shardGradient(
      shards[i],
      scratch[i],
      supports[i],
      partials[i],
      combined,
      gradLogits.subarray(start * K, end * K),
    ),
  );
  return { result: combined.result, gradLogits };
}
