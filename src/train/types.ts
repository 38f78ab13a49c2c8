/**
 * The training layer's types: what a training run is given (TrainSpec) and what it records.
 * Conventions as the engine's: float64, logits row-major R×K, entry (r, c) has flat index r·K + c,
 * features row-major R×d.
 */
import type { DRParams } from '../engine/index.ts';

/** The three runs, in the order they are stepped and printed. */
export type RunName = 'dr' | 'focal' | 'bce';

export const RUN_NAMES: readonly RunName[] = Object.freeze(['dr', 'focal', 'bce'] as const);

/**
 * The model that turns parameters into logits:
 * - free: every entry's logit is its own parameter (initialised from the given logits);
 * - linear: x_{r,k} = Σ_i W[k,i]·f[r,i] + b[k];
 * - mlp: one tanh hidden layer of H units, x_{r,k} = Σ_j W2[k,j]·tanh(Σ_i W1[j,i]·f[r,i] + b1[j]) + b2[k].
 */
export type ModelSpec =
  | { readonly kind: 'free' }
  | { readonly kind: 'linear' }
  | { readonly kind: 'mlp'; readonly hidden: number };

/** PyTorch's SGD (with momentum μ, no dampening, no Nesterov) or Adam (no weight decay, no AMSGrad). */
export type OptimizerSpec =
  | { readonly kind: 'sgd'; readonly momentum: number }
  | { readonly kind: 'adam'; readonly beta1: number; readonly beta2: number; readonly eps: number };

/** The focal loss's α and γf. */
export interface FocalSettings {
  readonly alpha: number;
  readonly gamma: number;
}

/** The training data: targets, and features (head models) or initial logits (free model). */
export interface TrainData {
  /** R anchors (rows). */
  readonly R: number;
  /** K foreground classes (columns of the logits). */
  readonly K: number;
  /** Feature dimension d (0 when there are no features). */
  readonly d: number;
  /** Row-major R×d features; null when not given (allowed for the free model only). */
  readonly features: Float64Array | null;
  /** R targets: −1 ignored, 0 background, 1..K the class (docs/maths.md §1). */
  readonly targets: Int32Array;
  /** Row-major R×K initial logits of the free model; null for the head models. */
  readonly logits: Float64Array | null;
}

/** Everything a training needs; parseTrainSpec builds it from JSON, with the defaults filled in. */
export interface TrainSpec {
  readonly data: TrainData;
  readonly model: ModelSpec;
  /** Which runs to train (a subset of RUN_NAMES, in RUN_NAMES order). */
  readonly losses: readonly RunName[];
  /** The DR loss's parameters (the DR run only). */
  readonly params: DRParams;
  /** The focal run's α and γf. */
  readonly focal: FocalSettings;
  readonly optimizer: OptimizerSpec;
  /** Learning rate η of each run. */
  readonly lr: Readonly<Record<RunName, number>>;
  /** Prior π of each run: the head models' output bias starts at log(π/(1−π)). */
  readonly prior: Readonly<Record<RunName, number>>;
  /** S, the number of optimiser steps; metrics are recorded at steps 0…S. */
  readonly steps: number;
  /** Seed of the mlp's Glorot-uniform hidden weights (the same for every run). */
  readonly seed: number;
  /**
   * AP and AUC are computed at steps t with t mod metricsEvery = 0 and at the last step, and are NaN
   * at the others (their sort costs more than a step above 10⁵ entries); 1 = every step.
   */
  readonly metricsEvery: number;
}

/** The score thresholds of the calibration test (the paper's pre-NMS thresholds 0.05 and 0.5). */
export const THRESHOLDS: readonly number[] = Object.freeze([0.05, 0.5]);

/** What is recorded for one run at one step (the parameters of that step, before its update). */
export interface StepMetrics {
  readonly step: number;
  readonly loss: number;
  /** Average precision over all non-ignored entries (NaN when not sampled at this step). */
  readonly ap: number;
  /** AUC = P(p+ > p−) + ½·P(p+ = p−) over all positive–negative entry pairs (NaN when not sampled). */
  readonly auc: number;
  /** Precision and recall at each of THRESHOLDS (an entry is called positive when p ≥ t). */
  readonly precision: readonly number[];
  readonly recall: readonly number[];
  /** P̂+ and P̂− of the DR loss (NaN for the other runs). */
  readonly pPlus: number;
  readonly pMinus: number;
}

/** The recorded series of one run: arrays of S+1 values (steps 0…S) and the final parameters. */
export interface RunSeries {
  readonly loss: number[];
  readonly ap: number[];
  readonly auc: number[];
  /** precision[t][s]: threshold t (index into THRESHOLDS), step s. */
  readonly precision: number[][];
  readonly recall: number[][];
  /** DR only (NaN elsewhere). */
  readonly pPlus: number[];
  readonly pMinus: number[];
}

/** The final parameters of a head model, as nested arrays. */
export interface HeadParameters {
  /** Output layer: W (K×d for linear, K×H for mlp) and b (K). */
  readonly W: number[][];
  readonly b: number[];
  /** mlp only: the hidden layer's W1 (H×d) and b1 (H). */
  readonly hiddenW?: number[][];
  readonly hiddenB?: number[];
}

/** Result of trainRuns: one entry per trained run. */
export interface TrainResult {
  readonly spec: TrainSpec;
  readonly runs: Partial<Record<RunName, RunSeries & { readonly final: HeadParameters | null }>>;
}
