/**
 * Seeded candidate-set presets: what each shows, its size, and the generator that builds it.
 * Every preset is a pure function of (id, seed): same seed, same bits, in Node, a worker or any browser
 * (see rng.ts). Logits are row-major R×K; targets follow docs/maths.md §1 (−1 ignored, 0 background,
 * 1..K the class), so a positive anchor's other K−1 entries are negatives.
 */
import type { CandidateSet, CandidateSource, PresetId } from './types.ts';
import { Rng, detLogit } from './rng.ts';

/** What the preset list shows about one preset. */
export interface PresetInfo {
  readonly id: PresetId;
  /**
   * A short English name for code and logs. What a person reads (the picker's label and description,
   * in both languages, with the numbers computed from the engine) is in the string table: keys
   * `preset.<id>` and `presetDesc.<id>…`, filled by src/app/presetFacts.ts.
   */
  readonly title: string;
  /** Anchors (rows) and classes (columns). */
  readonly R: number;
  readonly K: number;
  /** How many positive anchors (= positive entries) and ignored anchors, for any seed. */
  readonly positives: number;
  readonly ignored: number;
}

/** The default seed of every preset (any integer in [0, 2^32) works). */
export const DEFAULT_SEED = 1;

/** Every preset, in the order the picker shows them; the first is the default. */
export const PRESETS: readonly PresetInfo[] = Object.freeze([
  {
    id: 'paper-default',
    title: "Paper's default setting",
    R: 300,
    K: 3,
    positives: 30,
    ignored: 15,
  },
  {
    id: 'imbalance-1000',
    title: '1:1000 imbalance (10 positives, 10,000 negatives)',
    R: 10_010,
    K: 1,
    positives: 10,
    ignored: 0,
  },
  {
    id: 'hard-negatives',
    title: 'Hard negatives',
    R: 1_020,
    K: 1,
    positives: 20,
    ignored: 0,
  },
  {
    id: 'no-positives',
    title: 'No positives',
    R: 510,
    K: 1,
    positives: 0,
    ignored: 10,
  },
  {
    id: 'fig2-small-var',
    title: 'Fig. 2: negatives of small variance',
    R: 1_000,
    K: 1,
    positives: 100,
    ignored: 0,
  },
  {
    id: 'fig2-large-var',
    title: 'Fig. 2: negatives of large variance',
    R: 1_000,
    K: 1,
    positives: 100,
    ignored: 0,
  },
  {
    id: 'detection-scale',
    title: 'Detection scale (100,000 × 80)',
    R: 100_000,
    K: 80,
    positives: 100,
    ignored: 1_000,
  },
]);

/** What a first visit shows: the first preset at its default seed, with no edits. */
export const DEFAULT_SOURCE: CandidateSource = Object.freeze({
  kind: 'generated',
  preset: PRESETS[0]!.id,
  seed: DEFAULT_SEED,
  edits: Object.freeze([]),
});

/** The metadata row of a preset id (undefined for an unknown id). */
export function presetInfo(id: string): PresetInfo | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Type guard for preset ids read from a URL or storage. */
export function isPresetId(id: unknown): id is PresetId {
  return typeof id === 'string' && PRESETS.some((p) => p.id === id);
}

/** The normal laws of the presets built by gaussianLogits (data/presetShards.ts builds them in blocks). */
export const GAUSSIAN_LAWS = Object.freeze({
  // logit −2 ≈ p 0.12, logit 0.4 ≈ p 0.6.
  'paper-default': { neg: { mean: -2, sd: 1 }, pos: { mean: 0.4, sd: 1 } },
  'detection-scale': { neg: { mean: -4.6, sd: 1 }, pos: { mean: -2, sd: 1.5 } },
} as const);

/**
 * Pick `count` distinct rows among those with target 0 and set them to the value `pick()` returns
 * (rejection sampling: the sets are sparse, so collisions are rare and the result stays seed-exact).
 * Exported for presetShards.ts, which draws the same targets.
 */
export function markRows(targets: Int32Array, count: number, rng: Rng, pick: () => number): void {
  const R = targets.length;
  for (let n = 0; n < count;) {
    const r = rng.int(R);
    if (targets[r] !== 0) continue;
    targets[r] = pick();
    n++;
  }
}

/**
 * A set whose negative and positive entries have logits mean + sd·N(0,1), positive and ignored rows
 * placed at random. Every entry is first drawn from the negative law (one bulk fill), then each
 * positive entry is redrawn from the positive law. Ignored rows keep negative-like logits (the engine
 * never reads them).
 */
function gaussianLogits(
  info: PresetInfo,
  seed: number,
  neg: { mean: number; sd: number },
  pos: { mean: number; sd: number },
): CandidateSet {
  const { R, K } = info;
  const rng = new Rng(seed);
  const targets = new Int32Array(R);
  markRows(targets, info.positives, rng, () => 1 + rng.int(K));
  markRows(targets, info.ignored, rng, () => -1);
  const logits = new Float64Array(R * K);
  rng.fillNormal(logits, 0, R * K, neg.mean, neg.sd);
  for (let r = 0; r < R; r++) {
    if (targets[r] > 0) logits[r * K + targets[r] - 1] = pos.mean + pos.sd * rng.normal();
  }
  return { R, K, logits, targets };
}

/**
 * Scores (probabilities) drawn from Gaussians, clipped to [0.001, 0.999] and stored as logits
 * (the paper's Fig. 2 is drawn in score space). The first `positives` rows are positive, the rest
 * negative, so the two Fig. 2 presets share their draws for one seed and differ only in σ−.
 */
function gaussianScores(
  info: PresetInfo,
  seed: number,
  neg: { mean: number; sd: number },
  pos: { mean: number; sd: number },
): CandidateSet {
  const { R } = info;
  const rng = new Rng(seed);
  const targets = new Int32Array(R);
  const logits = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    const isPos = r < info.positives;
    if (isPos) targets[r] = 1;
    const d = isPos ? pos : neg;
    const s = Math.min(0.999, Math.max(0.001, d.mean + d.sd * rng.normal()));
    logits[r] = detLogit(s);
  }
  return { R, K: 1, logits, targets };
}

/** One class, explicit blocks of rows: [count, target, mean, sd] each; rows in block order. */
function blocks(
  info: PresetInfo,
  seed: number,
  parts: readonly (readonly [number, number, number, number])[],
): CandidateSet {
  const rng = new Rng(seed);
  const targets = new Int32Array(info.R);
  const logits = new Float64Array(info.R);
  let r = 0;
  for (const [count, target, mean, sd] of parts) {
    targets.fill(target, r, r + count);
    rng.fillNormal(logits, r, r + count, mean, sd);
    r += count;
  }
  return { R: info.R, K: 1, logits, targets };
}

function infoOf(id: PresetId): PresetInfo {
  const info = presetInfo(id);
  if (!info) throw new Error(`unknown preset ${String(id)}`);
  return info;
}

/**
 * Build a preset's candidate set from its seed: a pure function of (id, seed), bit-identical in every
 * JavaScript engine. The seed is used modulo 2^32. Returns fresh arrays the caller owns (safe to
 * transfer to or from a worker). The detection-scale preset allocates 64 MB of logits: build it in
 * the worker. Throws only for an id outside PresetId (a programming error; callers validate ids with
 * isPresetId).
 */
export function generatePreset(id: PresetId, seed: number): CandidateSet {
  const info = infoOf(id);
  switch (id) {
    case 'paper-default':
    case 'detection-scale':
      return gaussianLogits(info, seed, GAUSSIAN_LAWS[id].neg, GAUSSIAN_LAWS[id].pos);
    case 'imbalance-1000':
      return blocks(info, seed, [
        [10, 1, 0.5, 1],
        [10_000, 0, -3, 1.2],
      ]);
    case 'hard-negatives':
      // hard negatives at logit 1.5 (p≈0.82) above positives at logit 1 (p≈0.73).
      return blocks(info, seed, [
        [20, 1, 1, 0.7],
        [970, 0, -3, 0.8],
        [30, 0, 1.5, 0.5],
      ]);
    case 'no-positives':
      return blocks(info, seed, [
        [500, 0, -2, 1.5],
        [10, -1, -2, 1.5],
      ]);
    case 'fig2-small-var':
      return gaussianScores(info, seed, { mean: 0.3, sd: 0.02 }, { mean: 0.7, sd: 0.1 });
    case 'fig2-large-var':
      return gaussianScores(info, seed, { mean: 0.3, sd: 0.15 }, { mean: 0.7, sd: 0.1 });
  }
}
