/**
 * One pool worker's side of poolProtocol.ts as a plain object with no worker globals: pool.worker.ts
 * wraps it, the coordinator runs it in its own thread when no worker can, and Node tests and the
 * bench's worker_threads call it directly. Every shard is computed by the engine's shard functions
 * alone, so a shard gives the same bits in whichever worker holds it.
 */
import { presetShardLogits } from '../data/presetShards.ts';
import { pool } from '../engine/pool.ts';
import { sortPieces } from '../engine/sorted.ts';
import { FOCAL_DEFAULTS } from '../engine/objectives/entryObjectives.ts';
import {
  createShardScratch,
  cutRanges,
  objectiveSums,
  shardForward,
  shardGradient,
  shardTopKCandidates,
  type ShardPartial,
  type ShardScratch,
} from '../engine/shards/index.ts';
import type { Pooled } from '../engine/types.ts';
import type { BuiltShard, PoolRequest, PoolResponse, ShardSource } from './poolProtocol.ts';

export interface PoolHandlerReply {
  readonly message: PoolResponse;
  readonly transfer: ArrayBuffer[];
}

export interface PoolHandler {
  /**
   * Serve one request; a bad one is answered with `error`. Null for `crash` (the shell's). `post`
   * sends what comes before the reply (a cut's `progress`).
   */
  handle(request: PoolRequest, post?: (message: PoolResponse) => void): PoolHandlerReply | null;
}

interface KeptShard {
  readonly shard: number;
  readonly pooled: Pooled;
  readonly logitsLength: number;
  readonly scratch: ShardScratch;
  /** The sums of the last forward pass that kept its e_j in `scratch` (null: none since the build). */
  last: ShardPartial | null;
  support: Int32Array | null;
}

/** One shard's rows: its logits and targets, its first row, and K. */
interface ShardRows {
  readonly logits: Float64Array;
  readonly targets: Int32Array;
  readonly startRow: number;
  readonly K: number;
}

/** The logits and targets of shard `s`, and its first row. */
function shardRows(source: ShardSource, s: number): ShardRows {
  if (source.kind === 'plan') {
    const { plan } = source;
    const startRow = s * plan.shardRows;
    const end = Math.min(plan.R, startRow + plan.shardRows);
    return {
      logits: presetShardLogits(plan, s),
      targets: plan.targets.slice(startRow, end),
      startRow,
      K: plan.K,
    };
  }
  const given = source.rows.find((r) => r.shard === s);
  if (!given) throw new RangeError(`shard ${s} was not sent`);
  return {
    logits: given.logits,
    targets: given.targets,
    startRow: s * source.shardRows,
    K: source.K,
  };
}

export function createPoolHandler(): PoolHandler {
  let kept: KeptShard[] = [];
  /** The shards of the last cut, until `give` takes them. */
  let cut: Map<number, ShardRows> | null = null;

  function build(request: Extract<PoolRequest, { type: 'build' }>): PoolHandlerReply {
    const parts: BuiltShard[] = [];
    const next: KeptShard[] = [];
    for (const s of request.shards) {
      const { logits, targets, startRow, K } = shardRows(request.source, s);
      const pooled = pool(logits, targets, K);
      parts.push({ shard: s, startRow, nPos: pooled.pPos.length, nNeg: pooled.pNeg.length });
      next.push({
        shard: s,
        pooled,
        logitsLength: logits.length,
        scratch: createShardScratch(pooled),
        last: null,
        support: null,
      });
    }
    kept = next;
    return { message: { type: 'built', id: request.id, parts }, transfer: [] };
  }

  function cutShards(
    request: Extract<PoolRequest, { type: 'cut' }>,
    post: (message: PoolResponse) => void,
  ): PoolHandlerReply {
    const parts: BuiltShard[] = [];
    const pos: Float64Array[] = [];
    const ranges: Float64Array[][] = Array.from({ length: request.splits.length + 1 }, () => []);
    const rows = new Map<number, ShardRows>();
    cut = null;
    for (const s of request.shards) {
      const shard = shardRows(request.source, s);
      const pooled = pool(shard.logits, shard.targets, shard.K);
      rows.set(s, shard);
      parts.push({
        shard: s,
        startRow: shard.startRow,
        nPos: pooled.pPos.length,
        nNeg: pooled.pNeg.length,
      });
      pos.push(pooled.pPos);
      cutRanges([pooled.pNeg], request.splits).forEach((piece, r) => ranges[r].push(piece));
      post({ type: 'progress', id: request.id, shard: s });
    }
    cut = rows;
    const sortedPos = sortPieces(pos);
    return {
      message: { type: 'cut', id: request.id, parts, pos: sortedPos, ranges },
      transfer: unique([
        sortedPos.buffer as ArrayBuffer,
        ...ranges.flat().map((piece) => piece.buffer as ArrayBuffer),
      ]),
    };
  }

  function give(request: Extract<PoolRequest, { type: 'give' }>): PoolHandlerReply {
    const held = cut;
    cut = null;
    const parts: BuiltShard[] = [];
    const transfer: ArrayBuffer[] = [];
    for (const s of request.shards) {
      const { logits, targets, startRow, K } = held?.get(s) ?? shardRows(request.source, s);
      // BCE and FL of the shard, summed by the coordinator in shard order (explain's blocks)
      const objectives = objectiveSums(logits, targets, K, FOCAL_DEFAULTS);
      let nPos = 0;
      let nNeg = 0;
      for (const t of targets) {
        if (t < 0) continue;
        nPos += t > 0 ? 1 : 0;
        nNeg += t > 0 ? K - 1 : K;
      }
      parts.push({ shard: s, startRow, nPos, nNeg, logits, targets, objectives });
      transfer.push(logits.buffer as ArrayBuffer, targets.buffer as ArrayBuffer);
    }
    return { message: { type: 'given', id: request.id, parts }, transfer: unique(transfer) };
  }

  return {
    handle(request, post = () => {}) {
      if (request.type === 'crash') return null;
      try {
        switch (request.type) {
          case 'build':
            return build(request);
          case 'cut':
            return cutShards(request, post);
          case 'sortRange': {
            const scores = sortPieces(request.pieces);
            return {
              message: { type: 'sortedRange', id: request.id, scores },
              transfer: [scores.buffer as ArrayBuffer],
            };
          }
          case 'give':
            return give(request);
          case 'topk':
            return {
              message: {
                type: 'candidates',
                id: request.id,
                parts: kept.map((k) => ({
                  shard: k.shard,
                  candidates: shardTopKCandidates(k.pooled.pNeg, request.k),
                })),
              },
              transfer: [],
            };
          case 'forward': {
            const parts = kept.map((k, i) => {
              const support = request.supports?.[i] ?? null;
              const partial = shardForward(
                k.pooled,
                request.params,
                support,
                request.scratch ? k.scratch : null,
              );
              // only a pass that wrote the scratch can serve a gradient
              k.last = request.scratch ? partial : null;
              k.support = support;
              return { shard: k.shard, partial };
            });
            return { message: { type: 'partials', id: request.id, parts }, transfer: [] };
          }
          case 'gradient': {
            const combined = { ...request.combined, result: null as never };
            const parts = kept.map((k) => {
              if (k.last === null) throw new Error('gradient before a forward pass');
              const gradLogits = new Float64Array(k.logitsLength);
              shardGradient(k.pooled, k.scratch, k.support, k.last, combined, gradLogits);
              return { shard: k.shard, gradLogits };
            });
            return {
              message: { type: 'gradients', id: request.id, parts },
              transfer: parts.map((p) => p.gradLogits.buffer as ArrayBuffer),
            };
          }
        }
      } catch (e) {
        return {
          message: {
            type: 'error',
            id: request.id,
            message: e instanceof Error ? e.message : String(e),
          },
          transfer: [],
        };
      }
    },
  };
}

/** Each buffer once (a transfer list may not name one twice). */
function unique(buffers: ArrayBuffer[]): ArrayBuffer[] {
  return [...new Set(buffers)];
}
