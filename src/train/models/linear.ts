/**
 * The linear detector head: x_{r,k} = Σ_i W[k,i]·f[r,i] + b[k] over per-anchor features f ∈ R^d.
 * θ = [W (K×d, row-major), b (K)].
 */
import type { HeadParameters } from '../types.ts';
import { nested } from './model.ts';
import type { Model } from './model.ts';

export class LinearModel implements Model {
  readonly params: Float64Array;
  readonly grad: Float64Array;

  /**
   * W = 0 and b[k] = bias for every class: every logit starts at `bias` (log(π/(1−π)) for a prior π).
   */
  constructor(
    private readonly features: Float64Array,
    private readonly R: number,
    private readonly d: number,
    private readonly K: number,
    bias: number,
  ) {
    this.params = new Float64Array(K * d + K);
    this.params.fill(bias, K * d);
    this.grad = new Float64Array(K * d + K);
  }

  /** x_{r,k} = (W[k,0]·f[r,0] + … + W[k,d−1]·f[r,d−1]) + b[k], summed left to right. */
  forward(logits: Float64Array): void {
    const { features: f, R, d, K, params: w } = this;
    const bOff = K * d;
    if (d === 2) {
      // the generated anchors' case, unrolled: the same sums as the general loop below (which starts
      // from +0, so it may only differ in the sign of a zero logit)
      for (let k = 0; k < K; k++) {
        const w0 = w[k * 2];
        const w1 = w[k * 2 + 1];
        const b = w[bOff + k];
        for (let r = 0; r < R; r++) logits[r * K + k] = w0 * f[2 * r] + w1 * f[2 * r + 1] + b;
      }
      return;
    }
    for (let r = 0; r < R; r++) {
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += w[k * d + i] * f[r * d + i];
        logits[r * K + k] = s + w[bOff + k];
      }
    }
  }

  /**
   * g_W[k,i] = Σ_r ∂ℓ/∂x_{r,k}·f[r,i] and g_b[k] = Σ_r ∂ℓ/∂x_{r,k}, each summed over r = 0…R−1 in
   * order in one double accumulator.
   */
  backward(gradLogits: Float64Array): void {
    const { features: f, R, d, K, grad } = this;
    if (d === 2) {
      // one pass with three accumulators: the same sums, in the same order, as the loops below
      for (let k = 0; k < K; k++) {
        let s0 = 0;
        let s1 = 0;
        let sb = 0;
        for (let r = 0; r < R; r++) {
          const g = gradLogits[r * K + k];
          s0 += g * f[2 * r];
          s1 += g * f[2 * r + 1];
          sb += g;
        }
        grad[k * 2] = s0;
        grad[k * 2 + 1] = s1;
        grad[K * 2 + k] = sb;
      }
      return;
    }
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let r = 0; r < R; r++) s += gradLogits[r * K + k] * f[r * d + i];
        grad[k * d + i] = s;
      }
      let sb = 0;
      for (let r = 0; r < R; r++) sb += gradLogits[r * K + k];
      grad[K * d + k] = sb;
    }
  }

  head(): HeadParameters {
    const { params, d, K } = this;
    return { W: nested(params, 0, K, d), b: Array.from(params.subarray(K * d)) };
  }
}
