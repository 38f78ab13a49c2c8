/**
 * The cross-entropy run's loss: binary cross-entropy over the same entries as DR, divided like the
 * focal loss by max(1, n+) (the engine's BCE readout is unnormalised and not in its public API).
 */
import { additionError, expFast, log1pUnit } from '../../engine/index.ts';
import { countEntries, entryLabels } from '../entries.ts';
import type { LossValue, TrainLoss } from './loss.ts';

const exp = expFast;
const log1p = log1pUnit;

export class BCETrainLoss implements TrainLoss {
  /** Per flat entry: 1 positive, 0 negative, −1 ignored (one flat loop for any K). */
  private readonly labels: Int8Array;
  private readonly g: Float64Array;
  private readonly pos: Float64Array;
  private readonly neg: Float64Array;
  private readonly normaliser: number;

  constructor(targets: Int32Array, K: number) {
    const { nPos, nNeg } = countEntries(targets, K);
    this.labels = entryLabels(targets, K);
    this.g = new Float64Array(targets.length * K);
    this.pos = new Float64Array(nPos);
    this.neg = new Float64Array(nNeg);
    this.normaliser = Math.max(1, nPos);
  }

  /**
   * BCE = (1/N) [Σ_pos −log p + Σ_neg −log(1 − p)], N = max(1, n+), evaluated as softplus:
   * −log p = max(−x, 0) + log1p(E), −log(1 − p) = max(x, 0) + log1p(E), E = e^(−|x|) (expFast,
   * log1p by log1pUnit, ≤ 8u); the sum runs over entries in flat-index order, Neumaier-compensated,
   * then is divided by N. Gradient ∂/∂x = (σ(x) − y)/N, written as −σ(−x)·(1/N) for a positive (no
   * cancellation near p = 1) and σ(x)·(1/N) for a negative, σ(±x) from E and 1/(1+E) as in
   * focal.ts; 0 on ignored rows.
   */
  evaluate(logits: Float64Array): LossValue {
    const { labels, g, pos, neg } = this;
    const inv = 1 / this.normaliser;
    let s = 0;
    let c = 0;
    let ip = 0;
    let ineg = 0;
    for (let i = 0; i < labels.length; i++) {
      const y = labels[i];
      if (y < 0) {
        g[i] = 0;
        continue;
      }
      const x = logits[i];
      const e = exp(-Math.abs(x));
      const h = Number(x >= 0);
      const rd = 1 / (1 + e);
      const p = (h + (1 - h) * e) * rd;
      const l = log1p(e);
      let term: number;
      if (y === 1) {
        pos[ip++] = p;
        term = Math.max(-x, 0) + l;
        g[i] = -((1 - h + h * e) * rd) * inv;
      } else {
        neg[ineg++] = p;
        term = Math.max(x, 0) + l;
        g[i] = p * inv;
      }
      const sum = s + term;
      c += additionError(s, term, sum);
      s = sum;
    }
    return { loss: (s + c) / this.normaliser, pPlus: NaN, pMinus: NaN };
  }

  grad(): Float64Array {
    return this.g;
  }

  positives(): Float64Array {
    return this.pos;
  }

  negatives(): Float64Array {
    return this.neg;
  }
}
