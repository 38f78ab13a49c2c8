/**
 * What the explainer panels draw: one snapshot computed by the worker after every change (the contract
 * between the worker's "explain" step and the React panels). Panels are pure: props in, SVG/canvas out.
 */
import type { DRResult } from '../engine/types.ts';

/** Per-entry arrays for sets small enough to draw mark by mark (n = nPos + nNeg ≤ DETAIL_LIMIT). */
export interface EntryDetail {
  /** Flat entry index r·K + c, its row r and class c. */
  readonly index: Int32Array;
  readonly row: Int32Array;
  readonly cls: Int32Array;
  /** 1 for a positive entry, 0 for a negative one (ignored entries are absent). */
  readonly positive: Uint8Array;
  /** σ(logit). */
  readonly p: Float64Array;
  readonly logit: Float64Array;
  /** q+ for a positive entry, q− for a negative one (each set sums to 1). */
  readonly q: Float64Array;
  /** The original distribution o of the entry's set (sums to 1 over the set). */
  readonly o: Float64Array;
  /** ∂DR/∂p and ∂DR/∂logit. */
  readonly gradP: Float64Array;
  readonly gradLogit: Float64Array;
  /** ∂/∂logit of the focal loss (α=0.25, γf=2, normalised by positive anchors) and of the summed BCE. */
  readonly focalGrad: Float64Array;
  readonly bceGrad: Float64Array;
  /** ∂/∂p of the pairwise hinge loss of Eq. 3/4. */
  readonly pairGradP: Float64Array;
}

export const DETAIL_LIMIT = 20_000;

/** Histogram of one set's scores on [0, 1]: plain counts and mass under o and under q. */
export interface ScoreHistogram {
  /** Bin edges, length bins + 1, from 0 to 1. */
  readonly edges: Float64Array;
  readonly count: Float64Array;
  /** Σ o_j and Σ q_j of the entries in each bin (each sums to 1 over the bins; zeros for an empty set). */
  readonly oMass: Float64Array;
  readonly qMass: Float64Array;
}

export interface SetSummary {
  readonly n: number;
  /** Plain mean of p (the λ → ∞ limit); NaN-free: 0 for an empty set. */
  readonly mean: number;
  /**
   * Mean of p under the original distribution o, Σ o·p: the λ → ∞ limit of P̂±. Equals `mean` for the
   * uniform prior; with the hard-negative prior it is the plain mean of the top n̂ negatives.
   */
  readonly priorMean: number;
  readonly min: number;
  readonly max: number;
  readonly hist: ScoreHistogram;
}

export interface BceTotals {
  readonly total: number;
  readonly fromNeg: number;
}

export interface FocalTotal {
  readonly loss: number;
}

export interface ExplainerData {
  readonly result: DRResult;
  readonly pos: SetSummary;
  readonly neg: SetSummary;
  /** null when the set has more than DETAIL_LIMIT entries: panels then draw histograms only. */
  readonly detail: EntryDetail | null;
  /** Eq. 3/4 with the hinge, over all n+·n− pairs. */
  readonly pairwise: { readonly loss: number; readonly violating: number; readonly pairs: number };
  /** Eq. 5: ℓ(max p− − min p+ + γ) with the current surrogate, times τ. */
  readonly worstCase: { readonly loss: number; readonly maxNeg: number; readonly minPos: number };
  /**
   * Summed binary cross-entropy and the part of it from the negatives (Eq. 1–2). null while a pool
   * of workers still computes it: the first reply of a detection-scale load goes out without BCE and
   * FL (they depend on the set alone), and a follow-up fills both in (worker/protocol ObjectivesResponse).
   */
  readonly bce: BceTotals | null;
  /** RetinaNet's focal loss; null exactly when `bce` is. */
  readonly focal: FocalTotal | null;
  /** §3.3: positives with p ≥ γ and negatives with p ≤ 1 − γ. */
  readonly recovery: {
    readonly posAbove: number;
    readonly posTotal: number;
    readonly negBelow: number;
    readonly negTotal: number;
  };
  /** Share of Σ|∂DR/∂logit| over negatives received by the hardest 1 % of negatives (highest p). */
  readonly hardestShare: number;
}
