/**
 * Optimisers with PyTorch's update rules (torch.optim.SGD and torch.optim.Adam, default flags), on a
 * flat parameter vector updated in place. Full batch, no randomness: a step is a pure function of
 * (θ, ∂ℓ/∂θ, state). The two rules are sgd.ts and adam.ts; createOptimizer.ts picks one.
 */
export interface Optimizer {
  /** One update of θ (in place) from the gradient g at θ. */
  step(params: Float64Array, grad: Float64Array): void;
}
