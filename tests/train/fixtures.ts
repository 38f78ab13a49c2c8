/** Small seeded problems for the training tests. */
import { generateAnchors } from '../../src/data/anchors.ts';
import { Rng } from '../../src/data/rng.ts';
import { makeTrainSpec, trainDataFromAnchors } from '../../src/train/index.ts';
import type { TrainData, TrainOverrides, TrainSpec } from '../../src/train/index.ts';

/**
 * A small generated set (seeded) with a few ignored rows: rows 5, 17 and 29 (a positive among them
 * when K = 1: row 0..n+−1 are positives) get target −1.
 */
export function smallData(
  options: { anchors?: number; classes?: 1 | 2; seed?: number } = {},
): TrainData {
  const set = generateAnchors({
    anchors: options.anchors ?? 60,
    imbalance: 5,
    overlap: 0.6,
    classes: options.classes ?? 1,
    clusters: 2,
    hardPerPositive: 1,
    seed: options.seed ?? 7,
  });
  const data = trainDataFromAnchors(set);
  const targets = Int32Array.from(data.targets);
  for (const r of [5, 17, 29]) if (r < targets.length) targets[r] = -1;
  return { ...data, targets };
}

/** Free-model data: targets as smallData's, logits ~ N(−1, 1.5²) seeded. */
export function freeData(options: { classes?: 1 | 2; seed?: number } = {}): TrainData {
  const base = smallData(options);
  const logits = new Float64Array(base.R * base.K);
  new Rng(options.seed ?? 11).fillNormal(logits, 0, logits.length, -1, 1.5);
  return { ...base, features: null, d: 0, logits };
}

export function spec(data: TrainData, overrides: TrainOverrides = {}): TrainSpec {
  return makeTrainSpec(data, overrides);
}

/** Seeded parameters in [−a, a], to move a head away from its symmetric initialisation. */
export function randomize(params: Float64Array, seed: number, a: number): void {
  const rng = new Rng(seed);
  for (let i = 0; i < params.length; i++) params[i] = a * (2 * rng.uniform() - 1);
}
