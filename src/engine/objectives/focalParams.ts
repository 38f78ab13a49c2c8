/**
 * The focal loss's parameters and RetinaNet's defaults, in a file of their own: the page's first
 * script reads the defaults (the Train section's settings, the equations), and importing them from
 * entryObjectives.ts would bring its pass and exp/log1p tables into that script.
 */

/** Focal loss parameters; RetinaNet's defaults are FOCAL_DEFAULTS. */
export interface FocalParams {
  /** α ∈ [0,1], weight of the positives (negatives get 1 − α). */
  readonly alpha: number;
  /** γf ≥ 0, the focusing exponent; γf = 0 gives α-weighted cross-entropy. */
  readonly gamma: number;
}

/** RetinaNet's α = 0.25, γf = 2. */
export const FOCAL_DEFAULTS: FocalParams = Object.freeze({ alpha: 0.25, gamma: 2 });
