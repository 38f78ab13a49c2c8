/**
 * A Gaussian preset (presets.ts gaussianLogits: paper-default, detection-scale) built in blocks of
 * rows that workers fill in parallel, with the same bits as generatePreset. The generator draws the
 * targets, then every logit from one stream by the polar method, then redraws each positive entry;
 * a plan (one cheap sequential pass: Rng.skipNormals needs no log) records the stream's state at each
 * block's first entry and the positives' redrawn logits, and each block is then filled from its own
 * snapshot. The plan is small (the targets, a few words a block, one number a positive).
 */
import { shardRanges } from '../engine/shards/layout.ts';
import { GAUSSIAN_LAWS, markRows, presetInfo } from './presets.ts';
import { Rng, type RngSnapshot } from './rng.ts';

/** The presets built by gaussianLogits. */
export type GaussianPresetId = keyof typeof GAUSSIAN_LAWS;

export function isGaussianPreset(id: string): id is GaussianPresetId {
  return id in GAUSSIAN_LAWS;
}

/** What a worker needs to fill the blocks of one preset and seed (structured-clone friendly). */
export interface PresetShardPlan {
  readonly id: GaussianPresetId;
  readonly R: number;
  readonly K: number;
  /** Rows per block (the last block may be shorter). */
  readonly shardRows: number;
  readonly targets: Int32Array;
  /** The stream's state at the first entry of each block. */
  readonly starts: readonly RngSnapshot[];
  /** Flat indices (ascending) of the positive entries and their redrawn logits. */
  readonly posIndex: Int32Array;
  readonly posLogit: Float64Array;
}

/** The plan of preset `id` at `seed` for blocks of `shardRows` rows. */
export function presetShardPlan(
  id: GaussianPresetId,
  seed: number,
  shardRows: number,
): PresetShardPlan {
  const info = presetInfo(id);
  if (!info) throw new Error(`unknown preset ${id}`);
  const { R, K } = info;
  const { pos } = GAUSSIAN_LAWS[id];
  // the same draws, in the same order, as presets.ts gaussianLogits
  const rng = new Rng(seed);
  const targets = new Int32Array(R);
  markRows(targets, info.positives, rng, () => 1 + rng.int(K));
  markRows(targets, info.ignored, rng, () => -1);
  const starts: RngSnapshot[] = [];
  for (const { start, end } of shardRanges(R, shardRows)) {
    starts.push(rng.snapshot());
    rng.skipNormals((end - start) * K);
  }
  const index: number[] = [];
  const logit: number[] = [];
  for (let r = 0; r < R; r++) {
    if (targets[r] > 0) {
      index.push(r * K + targets[r] - 1);
      logit.push(pos.mean + pos.sd * rng.normal());
    }
  }
  return {
    id,
    R,
    K,
    shardRows,
    targets,
    starts,
    posIndex: Int32Array.from(index),
    posLogit: Float64Array.from(logit),
  };
}

/** The logits of block `s` (rows [s·shardRows, …), row-major), bit-equal to that slice of the preset. */
export function presetShardLogits(plan: PresetShardPlan, s: number): Float64Array {
  const { R, K, shardRows } = plan;
  const start = s * shardRows;
  const end = Math.min(R, start + shardRows);
  if (!(s >= 0 && start < R)) throw new RangeError(`no block ${s} in a plan of ${R} rows`);
  const { neg } = GAUSSIAN_LAWS[plan.id];
  const logits = new Float64Array((end - start) * K);
  Rng.fromSnapshot(plan.starts[s]).fillNormal(logits, 0, logits.length, neg.mean, neg.sd);
  const lo = start * K;
  const hi = end * K;
  for (let t = 0; t < plan.posIndex.length; t++) {
    const i = plan.posIndex[t];
    if (i >= lo && i < hi) logits[i - lo] = plan.posLogit[t];
  }
  return logits;
}

/**
 * `ranges − 1` ascending score values that cut preset `id`'s negative scores σ(x), x ~ N(mean, sd),
 * into `ranges` parts of about equal size: σ(mean + sd·z_q) at q = 1/ranges, 2/ranges, … Where the
 * cuts fall changes no result (poolLoad sorts each part and puts them end to end), only how evenly
 * the pool's workers share the sorting; Math.exp and an approximate z_q are good enough for that.
 */
export function presetScoreSplits(id: GaussianPresetId, ranges: number): Float64Array {
  const { mean, sd } = GAUSSIAN_LAWS[id].neg;
  const out = new Float64Array(Math.max(0, ranges - 1));
  for (let r = 1; r < ranges; r++)
    out[r - 1] = 1 / (1 + Math.exp(-(mean + sd * normalQuantile(r / ranges))));
  return out;
}

/** z with Φ(z) = q for q ∈ (0, 1), by bisection on Φ from erf (Abramowitz–Stegun 7.1.26, 1.5e−7). */
function normalQuantile(q: number): number {
  let lo = -8;
  let hi = 8;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
