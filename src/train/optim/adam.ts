/** Adam as torch.optim.Adam (no weight decay, no AMSGrad), in the operation order of its update. */
import type { Optimizer } from './optimizer.ts';

export class Adam implements Optimizer {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;

  constructor(
    n: number,
    private readonly lr: number,
    private readonly beta1: number,
    private readonly beta2: number,
    private readonly eps: number,
  ) {
    this.m = new Float64Array(n);
    this.v = new Float64Array(n);
  }

  /**
   * t ← t + 1; m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·(g·g);
   * θ ← θ − (η/(1 − β1^t))·m/(√v/√(1 − β2^t) + ε),
   * which is θ − η·m̂/(√v̂ + ε) with m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), grouped as PyTorch's
   * single-tensor Adam does (step_size = lr/bias_correction1, denom = √v/√bias_correction2 + eps).
   */
  step(params: Float64Array, grad: Float64Array): void {
    const { m, v, lr, beta1, beta2, eps } = this;
    this.t++;
    const stepSize = lr / (1 - Math.pow(beta1, this.t));
    const bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, this.t));
    const a1 = 1 - beta1;
    const a2 = 1 - beta2;
    for (let i = 0; i < params.length; i++) {
      const g = grad[i];
      const mi = beta1 * m[i] + a1 * g;
      const vi = beta2 * v[i] + a2 * (g * g);
      m[i] = mi;
      v[i] = vi;
      params[i] -= stepSize * (mi / (Math.sqrt(vi) / bc2Sqrt + eps));
    }
  }
}
