/**
 * What every training loss gives the run loop: its value at the current logits, ∂ℓ/∂x per entry, and
 * the scores σ(x) of the positive and negative entries for the metrics.
 */

/** The scalars of one evaluation. */
export interface LossValue {
  readonly loss: number;
  /** P̂+ and P̂− for DR; NaN for the per-entry losses. */
  readonly pPlus: number;
  readonly pMinus: number;
}

/** A loss over one fixed set of targets, evaluated at successive logits. */
export interface TrainLoss {
  /**
   * ℓ at `logits` (row-major R×K); afterwards `grad()` holds ∂ℓ/∂x (R×K, 0 on ignored rows) and
   * `positives()` / `negatives()` the scores σ(x) of the positive / negative entries in flat-index
   * order. Those buffers belong to the loss and are overwritten by the next evaluation.
   */
  evaluate(logits: Float64Array): LossValue;
  grad(): Float64Array;
  positives(): Float64Array;
  negatives(): Float64Array;
}
