/**
 * What the person chose: the only state that goes into the permalink and localStorage.
 * Shared contract between the store (src/state/store*.ts), the permalink codec (src/state/permalink/)
 * and the candidate generators (src/data/).
 */
import type { Smoothing } from '../engine/types.ts';

/** The parameters as the UI holds them (plain numbers, URL-friendly). */
export interface AppParams {
  margin: number;
  lambdaPos: number;
  lambdaNeg: number;
  L: number;
  tau: number;
  rho: number;
  smoothing: Smoothing;
  /** The original distribution o: uniform, or uniform over the top `hardK` negatives. */
  original: 'uniform' | 'hardNegative';
  hardK: number;
}

export type PresetId =
  | 'paper-default'
  | 'imbalance-1000'
  | 'hard-negatives'
  | 'no-positives'
  | 'fig2-small-var'
  | 'fig2-large-var'
  | 'detection-scale';

/** One edit of a candidate set, replayed in order on top of its base (generated or imported). */
export type CandidateEdit =
  | { readonly op: 'setLogit'; readonly row: number; readonly cls: number; readonly logit: number }
  | { readonly op: 'setLabel'; readonly row: number; readonly target: number }
  | { readonly op: 'add'; readonly logits: readonly number[]; readonly target: number }
  | { readonly op: 'delete'; readonly row: number };

/** A materialised candidate set: R rows (anchors) × K classes, targets as in drloss-math.md §1. */
export interface CandidateSet {
  readonly R: number;
  readonly K: number;
  /** Row-major R×K logits. */
  readonly logits: Float64Array;
  /** R targets: -1 ignored, 0 background, 1..K the class. */
  readonly targets: Int32Array;
}

/** Where the candidates came from: a seeded generator, or explicit values (import / paste). */
export type CandidateSource =
  | {
      readonly kind: 'generated';
      readonly preset: PresetId;
      readonly seed: number;
      readonly edits: readonly CandidateEdit[];
    }
  | {
      readonly kind: 'explicit';
      readonly name: string;
      readonly base: CandidateSet;
      readonly edits: readonly CandidateEdit[];
    };

/** Everything a permalink carries. */
export interface PersistedState {
  readonly params: AppParams;
  readonly source: CandidateSource;
}
