/**
 * Building a TrainSpec in code (the app, the bench, tests): the data plus any fields to override,
 * the rest from defaults.ts. parseTrainSpec validates JSON and ends here too.
 */
import { DEFAULT_PARAMS } from '../engine/index.ts';
import type { AnchorSet } from '../data/anchors.ts';
import {
  DEFAULT_FOCAL,
  DEFAULT_LR,
  DEFAULT_OPTIMIZER,
  DEFAULT_PRIOR,
  DEFAULT_SEED,
  DEFAULT_STEPS,
} from './defaults.ts';
import { RUN_NAMES } from './types.ts';
import type { RunName, TrainData, TrainSpec } from './types.ts';

/** Fields of a TrainSpec that may be overridden; lr and prior per run. */
export type TrainOverrides = Partial<Omit<TrainSpec, 'data' | 'lr' | 'prior'>> & {
  readonly lr?: Partial<Record<RunName, number>>;
  readonly prior?: Partial<Record<RunName, number>>;
};

/** Training data from a generated anchor set (features, targets; no logits). */
export function trainDataFromAnchors(set: AnchorSet): TrainData {
  return {
    R: set.R,
    K: set.K,
    d: set.d,
    features: set.features,
    targets: set.targets,
    logits: null,
  };
}

/**
 * A spec for `data`: model linear when the data have features, else free; all three losses; the
 * paper's DR parameters; RetinaNet's focal α, γf; Adam; DEFAULT_LR of the optimiser's kind;
 * DEFAULT_PRIOR; 200 steps; seed 1; AP/AUC every step. `overrides` replace any of these (lr and
 * prior per run). Not validated: parseTrainSpec validates JSON input.
 */
export function makeTrainSpec(data: TrainData, overrides: TrainOverrides = {}): TrainSpec {
  const optimizer = overrides.optimizer ?? DEFAULT_OPTIMIZER;
  const lossSet = new Set(overrides.losses ?? RUN_NAMES);
  return {
    data,
    model: overrides.model ?? (data.features === null ? { kind: 'free' } : { kind: 'linear' }),
    losses: RUN_NAMES.filter((n) => lossSet.has(n)),
    params: overrides.params ?? DEFAULT_PARAMS,
    focal: overrides.focal ?? DEFAULT_FOCAL,
    optimizer,
    lr: { ...DEFAULT_LR[optimizer.kind], ...overrides.lr },
    prior: { ...DEFAULT_PRIOR, ...overrides.prior },
    steps: overrides.steps ?? DEFAULT_STEPS,
    seed: overrides.seed ?? DEFAULT_SEED,
    metricsEvery: overrides.metricsEvery ?? 1,
  };
}

/** Entries above which AP and AUC may be sampled every k steps instead of computed at each. */
export const SAMPLE_METRICS_ABOVE = 100_000;

/**
 * A metricsEvery for a problem of `entries` non-ignored entries: 1 up to 10⁵, else ⌈entries/10⁵⌉
 * (10 at 10⁶), so the sorts behind AP and AUC cost per step about what they cost at 10⁵ entries.
 * For the app; parseTrainSpec keeps 1 unless the spec says otherwise.
 */
export function suggestedMetricsEvery(entries: number): number {
  return entries <= SAMPLE_METRICS_ABOVE ? 1 : Math.ceil(entries / SAMPLE_METRICS_ABOVE);
}
