/** SGD with momentum as torch.optim.SGD (dampening 0, no Nesterov, no weight decay). */
import type { Optimizer } from './optimizer.ts';

export class Sgd implements Optimizer {
  private readonly v: Float64Array;

  constructor(
    n: number,
    private readonly lr: number,
    private readonly momentum: number,
  ) {
    this.v = new Float64Array(n);
  }

  /**
   * v ← μ·v + g, θ ← θ − η·v, v₀ = 0 (PyTorch starts its buffer at g, which μ·0 + g equals; μ = 0
   * is plain gradient descent).
   */
  step(params: Float64Array, grad: Float64Array): void {
    const { v, lr, momentum } = this;
    for (let i = 0; i < params.length; i++) {
      const vi = momentum * v[i] + grad[i];
      v[i] = vi;
      params[i] -= lr * vi;
    }
  }
}
