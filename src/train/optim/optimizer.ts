/**
 * Optimisers with PyTorch's update rules (torch.optim.SGD and torch.optim.Adam, default flags), on a
 * flat parameter vector updated in place. Full batch, no randomness: a step is a pure function of
 * (θ, ∂ℓ/∂θ, state).
 */
import type { OptimizerSpec } from '../types.ts';
import { Adam } from './adam.ts';
import { Sgd } from './sgd.ts';

export interface Optimizer {
  /** One update of θ (in place) from the gradient g at θ. */
  step(params: Float64Array, grad: Float64Array): void;
}

/** An optimiser for n parameters with learning rate η, its state at zero (v₀ = 0, m₀ = 0, t = 0). */
export function createOptimizer(spec: OptimizerSpec, lr: number, n: number): Optimizer {
  return spec.kind === 'sgd'
    ? new Sgd(n, lr, spec.momentum)
    : new Adam(n, lr, spec.beta1, spec.beta2, spec.eps);
}
