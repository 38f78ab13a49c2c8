/**
 * The free model: every entry's logit is its own parameter, θ = x (R×K), so ∂ℓ/∂θ = ∂ℓ/∂x.
 */
import type { HeadParameters } from '../types.ts';
import type { Model } from './model.ts';

export class FreeModel implements Model {
  readonly params: Float64Array;
  readonly grad: Float64Array;

  /** θ starts as a copy of `initial` (the case's logits). */
  constructor(initial: Float64Array) {
    this.params = Float64Array.from(initial);
    this.grad = new Float64Array(initial.length);
  }

  forward(logits: Float64Array): void {
    logits.set(this.params);
  }

  backward(gradLogits: Float64Array): void {
    this.grad.set(gradLogits);
  }

  head(): HeadParameters | null {
    return null;
  }
}
