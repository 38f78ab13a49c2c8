import type { OptimizerSpec } from '../types.ts';
import { Adam } from './adam.ts';
import type { Optimizer } from './optimizer.ts';
import { Sgd } from './sgd.ts';

/** An optimiser for n parameters with learning rate η, its state at zero (v₀ = 0, m₀ = 0, t = 0). */
export function createOptimizer(spec: OptimizerSpec, lr: number, n: number): Optimizer {
  return spec.kind === 'sgd'
    ? new Sgd(n, lr, spec.momentum)
    : new Adam(n, lr, spec.beta1, spec.beta2, spec.eps);
}
