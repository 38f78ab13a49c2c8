/**
 * How the app's training configuration (the table in trainFields.ts, re-exported here) becomes a
 * TrainSpec.
 *
 * The data: the head models (linear, mlp) train on a seeded generated 2-D anchor set (anchors,
 * imbalance, overlap, classes, data seed); the free model trains on the current candidate set (its
 * logits are the initial parameters), so it works with any preset or imported case.
 */
import { generateAnchors } from '../data/anchors.ts';
import type { AnchorSet } from '../data/anchors.ts';
import type { CandidateSet } from '../data/types.ts';
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
  return setup.model !== 'free';
}

/** The generated anchor set of a head-model setup. */
export function anchorsOf(setup: TrainSetup): AnchorSet {
  return generateAnchors({
    seed: setup.dataSeed,
    anchors: setup.anchors,
    imbalance: setup.imbalance,
    overlap: setup.overlap,
    classes: setup.classes === 2 ? 2 : 1,
  });
}

/** The free model's data: the candidate set's targets and logits (no features). */
export function trainDataFromSet(set: CandidateSet): TrainData {
  return {
    R: set.R,
    K: set.K,
    d: 0,
    features: null,
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

/** The data of a setup: generated anchors for the head models, the candidate set for the free one. */
export function trainDataOf(
  setup: TrainSetup,
  set: CandidateSet | null,
): { readonly data: TrainData; readonly anchors: AnchorSet | null } {
  if (usesAnchors(setup)) {
    const anchors = anchorsOf(setup);
    return { data: trainDataFromAnchors(anchors), anchors };
  }
  if (set === null) throw new RangeError('model: the free model needs a candidate set');
  return { data: trainDataFromSet(set), anchors: null };
}
