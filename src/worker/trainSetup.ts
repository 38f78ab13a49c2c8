/**
 * How the app's training configuration (the table in trainFields.ts, re-exported here) becomes a
 * TrainSpec.
 *
 * The data: the head models (linear, mlp) train on a seeded generated 2-D anchor set (anchors,
 * imbalance, overlap, classes, data seed), or, with `data: 'set'`, on the features of the current
 * candidate set (an imported case that carries `features`); the free model trains on the current
 * candidate set (its logits are the initial parameters), so it works with any preset or imported case.
 */
import { generateAnchors } from '../data/anchors.ts';
import { materialize, sourceEntries } from '../data/index.ts';
import type { CandidateSet, CandidateSource } from '../data/types.ts';
import type { DRParams } from '../engine/types.ts';
import {
  DEFAULT_ADAM,
  DEFAULT_MOMENTUM,
  makeTrainSpec,
  suggestedMetricsEvery,
  trainDataFromAnchors,
} from '../train/index.ts';
import type { ModelSpec, OptimizerSpec, TrainData, TrainSpec } from '../train/index.ts';
import { countEntries } from '../train/entries.ts';
import type { TrainSetup } from './trainFields.ts';

export * from './trainFields.ts';

/** Whether the setup trains a head model on generated 2-D anchors. */
export function usesAnchors(setup: TrainSetup): boolean {
  return setup.model !== 'free' && setup.data === 'generated';
}

/** Whether the setup trains on the current candidate set (the free model, or a head on its features). */
export function usesSet(setup: TrainSetup): boolean {
  return !usesAnchors(setup);
}

/** The generated anchor set of a head-model setup. */
export function anchorsOf(setup: TrainSetup): ReturnType<typeof generateAnchors> {
  return generateAnchors({
    seed: setup.dataSeed,
    anchors: setup.anchors,
    imbalance: setup.imbalance,
    overlap: setup.overlap,
    classes: setup.classes === 2 ? 2 : 1,
  });
}

/**
 * The data of a set: its targets, its logits (the free model's initial parameters) and its features
 * when it has them (the head models' inputs).
 */
export function trainDataFromSet(set: CandidateSet): TrainData {
  return {
    R: set.R,
    K: set.K,
    d: set.features?.d ?? 0,
    features: set.features?.values ?? null,
    targets: set.targets,
    logits: set.logits,
  };
}

/** The model spec of a setup. */
export function modelOf(setup: TrainSetup): ModelSpec {
  if (setup.model === 'mlp') return { kind: 'mlp', hidden: setup.hidden };
  return { kind: setup.model };
}

/** The optimiser of a setup (PyTorch's defaults for the rest). */
export function optimizerOf(setup: TrainSetup): OptimizerSpec {
  return setup.optimizer === 'sgd' ? { kind: 'sgd', momentum: DEFAULT_MOMENTUM } : DEFAULT_ADAM;
}

/**
 * The TrainSpec of `setup` on `data` with the DR run's `params`: every run from the same data and
 * initial parameters except the prior; AP and AUC every suggestedMetricsEvery(entries) steps.
 */
export function trainSpecOf(setup: TrainSetup, params: DRParams, data: TrainData): TrainSpec {
  const { nPos, nNeg } = countEntries(data.targets, data.K);
  return makeTrainSpec(data, {
    model: modelOf(setup),
    params,
    focal: { alpha: setup.alpha, gamma: setup.gamma },
    optimizer: optimizerOf(setup),
    lr: { dr: setup.lrDr, focal: setup.lrFocal, bce: setup.lrBce },
    prior: { dr: setup.priorDr, focal: setup.priorFocal, bce: setup.priorBce },
    steps: setup.steps,
    metricsEvery: suggestedMetricsEvery(nPos + nNeg),
  });
}

/**
 * The data of a setup: generated anchors for a head model on generated data, else the candidate set
 * (its logits for the free model, its features for a head). `points` are the rows with 2-D features
 * (the plane the heat map covers), or null when the features are not 2-D or absent.
 */
export function trainDataOf(
  setup: TrainSetup,
  set: CandidateSet | null,
): { readonly data: TrainData; readonly points: FeaturePoints | null } {
  if (usesAnchors(setup)) {
    const anchors = anchorsOf(setup);
    return { data: trainDataFromAnchors(anchors), points: anchors };
  }
  if (set === null) throw new RangeError('model: the free model needs a candidate set');
  if (setup.model !== 'free' && set.features === undefined) {
    throw new RangeError(
      'data: the current candidate set has no features (import a case with "features", R rows of d numbers), so a head model cannot train on it; choose the generated anchors',
    );
  }
  const data = trainDataFromSet(set);
  const points =
    setup.model !== 'free' && set.features?.d === 2
      ? { R: set.R, features: set.features.values, targets: set.targets }
      : null;
  return { data, points };
}

/** Rows with 2-D features (x, y row-major) and their targets: what the heat map draws. */
export interface FeaturePoints {
  readonly R: number;
  readonly features: Float64Array;
  readonly targets: Int32Array;
}

/**
 * The free model's largest set: each run keeps its own R·K logits, gradients and optimiser state
 * (about 60 bytes an entry for three Adam runs), so 2·10⁶ entries stay near 120 MB.
 */
export const MAX_FREE_ENTRIES = 2_000_000;

/**
 * What a start request trains: the data, the 2-D points the heat map covers and the spec. The
 * training worker and each training pool worker call it on the same request, so all hold the same
 * data and spec.
 *
 * @throws RangeError for a free model beyond MAX_FREE_ENTRIES or data that lack what the model needs.
 */
export function prepareTraining(
  setup: TrainSetup,
  params: DRParams,
  source: CandidateSource | null,
): { readonly data: TrainData; readonly points: FeaturePoints | null; readonly spec: TrainSpec } {
  const src = usesSet(setup) ? source : null;
  const entries = src ? sourceEntries(src) : 0;
  if (setup.model === 'free' && entries > MAX_FREE_ENTRIES) {
    throw new RangeError(
      `model: the free model trains at most ${MAX_FREE_ENTRIES} entries (this set has ${entries}); use a head model`,
    );
  }
  const set = src ? materialize(src) : null;
  const { data, points } = trainDataOf(setup, set);
  return { data, points, spec: trainSpecOf(setup, params, data) };
}
