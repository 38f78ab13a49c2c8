/**
 * What the run loop needs of a model: a flat parameter vector θ the optimiser updates in place, a
 * forward pass into caller-owned logits and a backward pass from ∂ℓ/∂x to ∂ℓ/∂θ.
 */
import type { HeadParameters } from '../types.ts';

export interface Model {
  /** θ, flat (layout per model); the optimiser updates it in place. */
  readonly params: Float64Array;
  /** ∂ℓ/∂θ of the last backward, same layout as params. */
  readonly grad: Float64Array;
  /** Writes the R×K logits of the current θ into `logits` (row-major, length R·K). */
  forward(logits: Float64Array): void;
  /** From ∂ℓ/∂x (R×K, as the last forward's logits) writes ∂ℓ/∂θ into `grad`. */
  backward(gradLogits: Float64Array): void;
  /** The head's parameters as nested arrays (null for the free model). */
  head(): HeadParameters | null;
}

/** Rows of a row-major rows×cols block of `a` starting at `offset`, as nested arrays. */
export function nested(a: Float64Array, offset: number, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < rows; i++) {
    out.push(Array.from(a.subarray(offset + i * cols, offset + (i + 1) * cols)));
  }
  return out;
}
