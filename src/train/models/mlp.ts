/**
 * A one-hidden-layer head: h_{r,j} = tanh(Σ_i W1[j,i]·f[r,i] + b1[j]) for H ≤ 16 hidden units, then
 * x_{r,k} = Σ_j W2[k,j]·h_{r,j} + b2[k]. θ = [W1 (H×d), b1 (H), W2 (K×H), b2 (K)], row-major.
 */
import { Rng } from '../../data/rng.ts';
import type { HeadParameters } from '../types.ts';
import { nested } from './model.ts';
import type { Model } from './model.ts';

/** The largest hidden layer (the bound; memory is R·H doubles twice per run). */
export const MAX_HIDDEN = 16;

export class MlpModel implements Model {
  readonly params: Float64Array;
  readonly grad: Float64Array;
  /** h_{r,j} of the last forward (R×H), then reused by backward for ∂ℓ/∂a_{r,j}. */
  private readonly hidden: Float64Array;
  private readonly delta: Float64Array;
  private readonly oB1: number;
  private readonly oW2: number;
  private readonly oB2: number;

  /**
   * Glorot-uniform hidden weights W1[j,i] = a·(2u − 1), a = √(6/(d + H)), u the seeded stream's
   * uniforms in row-major order (the same for every run given the same seed); b1 = 0; W2 = 0 and
   * b2[k] = bias, so every logit starts at `bias` (log(π/(1−π))) as with the linear head.
   */
  constructor(
    private readonly features: Float64Array,
    private readonly R: number,
    private readonly d: number,
    private readonly K: number,
    private readonly H: number,
    bias: number,
    seed: number,
  ) {
    this.oB1 = H * d;
    this.oW2 = this.oB1 + H;
    this.oB2 = this.oW2 + K * H;
    const n = this.oB2 + K;
    this.params = new Float64Array(n);
    this.grad = new Float64Array(n);
    const rng = new Rng(seed);
    const a = Math.sqrt(6 / (d + H));
    for (let i = 0; i < H * d; i++) this.params[i] = a * (2 * rng.uniform() - 1);
    this.params.fill(bias, this.oB2);
    this.hidden = new Float64Array(R * H);
    this.delta = new Float64Array(R * H);
  }

  /** Hidden and output sums each left to right from +0, then the bias added. */
  forward(logits: Float64Array): void {
    const { features: f, R, d, K, H, params: w, hidden } = this;
    const { oB1, oW2, oB2 } = this;
    for (let r = 0; r < R; r++) {
      const fr = r * d;
      const hr = r * H;
      for (let j = 0; j < H; j++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += w[j * d + i] * f[fr + i];
        hidden[hr + j] = Math.tanh(s + w[oB1 + j]);
      }
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let j = 0; j < H; j++) s += w[oW2 + k * H + j] * hidden[hr + j];
        logits[r * K + k] = s + w[oB2 + k];
      }
    }
  }

  /**
   * With g = ∂ℓ/∂x: g_W2[k,j] = Σ_r g_{r,k}·h_{r,j}, g_b2[k] = Σ_r g_{r,k};
   * δ_{r,j} = (Σ_k g_{r,k}·W2[k,j])·(1 − h_{r,j}²) (tanh' = 1 − tanh²);
   * g_W1[j,i] = Σ_r δ_{r,j}·f[r,i], g_b1[j] = Σ_r δ_{r,j}. Every Σ_r runs over r = 0…R−1 in order.
   */
  backward(gradLogits: Float64Array): void {
    const { features: f, R, d, K, H, params: w, grad, hidden, delta } = this;
    const { oB1, oW2, oB2 } = this;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < H; j++) {
        let s = 0;
        for (let r = 0; r < R; r++) s += gradLogits[r * K + k] * hidden[r * H + j];
        grad[oW2 + k * H + j] = s;
      }
      let sb = 0;
      for (let r = 0; r < R; r++) sb += gradLogits[r * K + k];
      grad[oB2 + k] = sb;
    }
    for (let r = 0; r < R; r++) {
      const hr = r * H;
      for (let j = 0; j < H; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) s += gradLogits[r * K + k] * w[oW2 + k * H + j];
        const h = hidden[hr + j];
        delta[hr + j] = s * (1 - h * h);
      }
    }
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < d; i++) {
        let s = 0;
        for (let r = 0; r < R; r++) s += delta[r * H + j] * f[r * d + i];
        grad[j * d + i] = s;
      }
      let sb = 0;
      for (let r = 0; r < R; r++) sb += delta[r * H + j];
      grad[oB1 + j] = sb;
    }
  }

  head(): HeadParameters {
    const { params, d, K, H, oB1, oW2, oB2 } = this;
    return {
      W: nested(params, oW2, K, H),
      b: Array.from(params.subarray(oB2)),
      hiddenW: nested(params, 0, H, d),
      hiddenB: Array.from(params.subarray(oB1, oW2)),
    };
  }
}
