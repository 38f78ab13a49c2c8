/**
 * What the data layer produces: candidate sets (R anchors × K classes of logits with their targets),
 * where they come from (a seeded preset or explicit values) and the edits replayed on top of them.
 */

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

/** Per-anchor features of a set (what a detector head reads): R rows × d numbers. */
export interface Features {
  /** Features per row, d ≥ 1. */
  readonly d: number;
  /** Row-major R×d values, all finite. */
  readonly values: Float64Array;
}

/**
 * A materialised candidate set: R rows (anchors) × K classes, targets as in docs/maths.md §1, and
 * optionally the anchors' features (an imported case may carry them; the DR loss never reads them,
 * the Train section's head models do).
 */
export interface CandidateSet {
  readonly R: number;
  readonly K: number;
  /** Row-major R×K logits. */
  readonly logits: Float64Array;
  /** R targets: -1 ignored, 0 background, 1..K the class. */
  readonly targets: Int32Array;
  /** Absent when the set has none (every preset; an import without `features`). */
  readonly features?: Features;
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
