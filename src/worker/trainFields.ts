/**
 * The app's training configuration as a table (what the person sets in the Train section, what undo
 * and the link carry): every field's range and default, so the controls, the link codec and
 * validation read the same numbers. Kept apart from trainSetup.ts (how a setup becomes a TrainSpec),
 * which pulls in the training core: the store and the link need only this table, and so does the
 * first load of the page.
 */
import { MAX_HIDDEN } from '../train/models/mlp.ts';
import {
  DEFAULT_FOCAL,
  DEFAULT_LR,
  DEFAULT_PRIOR,
  DEFAULT_SEED,
  DEFAULT_STEPS,
} from '../train/defaults.ts';

export type TrainModelKind = 'free' | 'linear' | 'mlp';
/** What a head model trains on: generated 2-D anchors, or the current set's own features. */
export type TrainDataKind = 'generated' | 'set';
export type TrainOptimizerKind = 'adam' | 'sgd';

/** Everything the person chooses for a training (flat, so one link key per field). */
export interface TrainSetup {
  /** R of the generated anchor set (head models). */
  readonly anchors: number;
  /** Negatives per positive (1:imbalance). */
  readonly imbalance: number;
  /** Class overlap in [0, 1] (data/anchors.ts). */
  readonly overlap: number;
  /** K = 1 or 2. */
  readonly classes: number;
  /** Seed of the generated anchor set. */
  readonly dataSeed: number;
  /** The head models' data (the free model always trains on the set). */
  readonly data: TrainDataKind;
  readonly model: TrainModelKind;
  /** H, the mlp's hidden units. */
  readonly hidden: number;
  readonly optimizer: TrainOptimizerKind;
  readonly lrDr: number;
  readonly lrFocal: number;
  readonly lrBce: number;
  readonly priorDr: number;
  readonly priorFocal: number;
  readonly priorBce: number;
  /** Focal α and γf. */
  readonly alpha: number;
  readonly gamma: number;
  /** S, optimiser steps. */
  readonly steps: number;
  /** Play speed in steps per second (the view only; the numbers do not depend on it). */
  readonly speed: number;
}

export type TrainNumberKey = {
  [K in keyof TrainSetup]: TrainSetup[K] extends number ? K : never;
}[keyof TrainSetup];

/** One numeric field: closed range [min, max] unless open at an end; integer when said. */
export interface TrainNumberField {
  readonly kind: 'number';
  readonly key: TrainNumberKey;
  /** The permalink key. */
  readonly link: string;
  readonly min: number;
  readonly max: number;
  readonly openMin?: boolean;
  readonly openMax?: boolean;
  readonly integer?: boolean;
  /** Logarithmic slider. */
  readonly log?: boolean;
}

export interface TrainChoiceField {
  readonly kind: 'choice';
  readonly key: 'model' | 'optimizer' | 'data';
  readonly link: string;
  readonly options: readonly string[];
}

export type TrainField = TrainNumberField | TrainChoiceField;

export const MAX_TRAIN_STEPS = 10_000;
export const MAX_TRAIN_ANCHORS = 1_000_000;

/** The table: every field, in link order. */
export const TRAIN_FIELDS: readonly TrainField[] = Object.freeze([
  {
    kind: 'number',
    key: 'anchors',
    link: 'tn',
    min: 100,
    max: MAX_TRAIN_ANCHORS,
    integer: true,
    log: true,
  },
  { kind: 'number', key: 'imbalance', link: 'ti', min: 10, max: 10_000, log: true },
  { kind: 'number', key: 'overlap', link: 'to', min: 0, max: 1 },
  { kind: 'number', key: 'classes', link: 'tk', min: 1, max: 2, integer: true },
  { kind: 'number', key: 'dataSeed', link: 'tseed', min: 0, max: 4294967295, integer: true },
  { kind: 'choice', key: 'data', link: 'td', options: ['generated', 'set'] },
  { kind: 'choice', key: 'model', link: 'tm', options: ['free', 'linear', 'mlp'] },
  { kind: 'number', key: 'hidden', link: 'th', min: 1, max: MAX_HIDDEN, integer: true },
  { kind: 'choice', key: 'optimizer', link: 'topt', options: ['adam', 'sgd'] },
  { kind: 'number', key: 'lrDr', link: 'tlrd', min: 0, max: 10, openMin: true, log: true },
  { kind: 'number', key: 'lrFocal', link: 'tlrf', min: 0, max: 10, openMin: true, log: true },
  { kind: 'number', key: 'lrBce', link: 'tlrb', min: 0, max: 10, openMin: true, log: true },
  { kind: 'number', key: 'priorDr', link: 'tpd', min: 0, max: 1, openMin: true, openMax: true },
  { kind: 'number', key: 'priorFocal', link: 'tpf', min: 0, max: 1, openMin: true, openMax: true },
  { kind: 'number', key: 'priorBce', link: 'tpb', min: 0, max: 1, openMin: true, openMax: true },
  { kind: 'number', key: 'alpha', link: 'tfa', min: 0, max: 1 },
  { kind: 'number', key: 'gamma', link: 'tfg', min: 0, max: 10 },
  { kind: 'number', key: 'steps', link: 'ts', min: 1, max: MAX_TRAIN_STEPS, integer: true },
  { kind: 'number', key: 'speed', link: 'tv', min: 1, max: 1000, integer: true, log: true },
] as TrainField[]);

/** The defaults: the training core's (src/train/defaults.ts) on generateAnchors()'s set. */
export const DEFAULT_TRAIN_SETUP: TrainSetup = Object.freeze({
  anchors: 10_000,
  imbalance: 100,
  overlap: 0.3,
  classes: 1,
  dataSeed: DEFAULT_SEED,
  data: 'generated',
  model: 'linear',
  hidden: 8,
  optimizer: 'adam',
  lrDr: DEFAULT_LR.adam.dr,
  lrFocal: DEFAULT_LR.adam.focal,
  lrBce: DEFAULT_LR.adam.bce,
  priorDr: DEFAULT_PRIOR.dr,
  priorFocal: DEFAULT_PRIOR.focal,
  priorBce: DEFAULT_PRIOR.bce,
  alpha: DEFAULT_FOCAL.alpha,
  gamma: DEFAULT_FOCAL.gamma,
  steps: DEFAULT_STEPS,
  speed: 50,
});

/** Why `value` does not fit `field`, or null when it does. */
export function trainFieldProblem(field: TrainField, value: unknown): string | null {
  if (field.kind === 'choice') {
    return typeof value === 'string' && field.options.includes(value)
      ? null
      : `is not one of ${field.options.join(', ')}`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'is not a number';
  if (field.integer === true && !Number.isInteger(value)) return 'is not a whole number';
  const lo = field.openMin === true ? value <= field.min : value < field.min;
  const hi = field.openMax === true ? value >= field.max : value > field.max;
  if (lo || hi) {
    return `is outside ${field.openMin === true ? '(' : '['}${field.min}, ${field.max}${field.openMax === true ? ')' : ']'}`;
  }
  return null;
}

/** Same configuration, field by field (Object.is). */
export function sameTrainSetup(a: TrainSetup, b: TrainSetup): boolean {
  return TRAIN_FIELDS.every((f) => Object.is(a[f.key], b[f.key]));
}
