/**
 * Binary cross-entropy and the focal loss (docs/maths.md §5) of a large problem as sums over fixed
 * blocks of rows: each block's Neumaier-compensated sums (entryObjectives with divisor 1: raw), added
 * up block by block, compensated again, in block order; FL is divided by the whole problem's positive
 * anchors at the end. A pool's workers compute the blocks they hold; one thread computes them all;
 * both give the same bits. A problem of one block gives exactly entryObjectives' numbers.
 */
import { CompensatedSum } from '../numerics.ts';
import { entryObjectives, type FocalParams } from '../objectives/entryObjectives.ts';
import { shardRanges } from './layout.ts';

/** One block's raw sums: BCE over positive / negative entries, FL likewise, positive anchors. */
export interface ObjectiveSums {
  readonly bcePos: number;
  readonly bceNeg: number;
  readonly flPos: number;
  readonly flNeg: number;
  readonly nPos: number;
}

/** What the explainer shows of BCE and FL: Σ BCE, its negatives' part, and FL. */
export interface BlockedObjectives {
  readonly bce: { readonly total: number; readonly fromNeg: number };
  readonly focal: { readonly loss: number };
}

export function objectiveSums(
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  focal: FocalParams,
): ObjectiveSums {
  const r = entryObjectives(logits, targets, K, focal, {}, 1);
  return {
    bcePos: r.bce.lossPos,
    bceNeg: r.bce.lossNeg,
    flPos: r.focal.lossPos,
    flNeg: r.focal.lossNeg,
    nPos: r.focal.nPos,
  };
}

/** The blocks' sums combined in block order. */
export function combineObjectiveSums(parts: readonly ObjectiveSums[]): BlockedObjectives {
  const bcePos = new CompensatedSum();
  const bceNeg = new CompensatedSum();
  const flPos = new CompensatedSum();
  const flNeg = new CompensatedSum();
  let nPos = 0;
  for (const p of parts) {
    bcePos.add(p.bcePos);
    bceNeg.add(p.bceNeg);
    flPos.add(p.flPos);
    flNeg.add(p.flNeg);
    nPos += p.nPos;
  }
  const inv = 1 / Math.max(1, nPos);
  const lossNeg = bceNeg.value();
  return {
    bce: { total: bcePos.value() + lossNeg, fromNeg: lossNeg },
    focal: { loss: flPos.value() * inv + flNeg.value() * inv },
  };
}

/** BCE and FL of R×K logits in blocks of `blockRows` rows, in this thread. */
export function objectivesBlocked(
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  focal: FocalParams,
  blockRows: number,
): BlockedObjectives {
  return combineObjectiveSums(
    shardRanges(targets.length, blockRows).map(({ start, end }) =>
      objectiveSums(logits.subarray(start * K, end * K), targets.subarray(start, end), K, focal),
    ),
  );
}
