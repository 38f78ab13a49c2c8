/**
 * The focal run's loss (RetinaNet; docs/maths.md §5) over the same entries as DR, with its gradient
 * w.r.t. the logits. Written here rather than taken from the engine: the engine's public API
 * (src/engine/index.ts) does not export its focal loss, and this one also keeps the scores for the
 * metrics in the same pass.
 */
import { additionError, expFast, log1pUnit } from '../../engine/index.ts';
import { countEntries, entryLabels } from '../entries.ts';
import type { FocalSettings } from '../types.ts';
import type { LossValue, TrainLoss } from './loss.ts';

const exp = expFast;
const log1p = log1pUnit;

export class FocalTrainLoss implements TrainLoss {
  /** Per flat entry: 1 positive, 0 negative, −1 ignored (one flat loop for any K). */
  private readonly labels: Int8Array;
  private readonly g: Float64Array;
  private readonly pos: Float64Array;
  private readonly neg: Float64Array;
  private readonly normaliser: number;

  constructor(
    targets: Int32Array,
    K: number,
    private readonly settings: FocalSettings,
  ) {
    const { nPos, nNeg } = countEntries(targets, K);
    this.labels = entryLabels(targets, K);
    this.g = new Float64Array(targets.length * K);
    this.pos = new Float64Array(nPos);
    this.neg = new Float64Array(nNeg);
    this.normaliser = Math.max(1, nPos);
  }

  /**
   * FL = (1/N) Σ_entries −α_t (1 − p_t)^γf log p_t, N = max(1, n+) (docs/maths.md §5), with
   * p = σ(x), q = 1 − p = σ(−x) from E = e^(−|x|) (expFast) and one reciprocal r = 1/(1+E):
   * p = (h + (1−h)E)·r, q = (1 − h + hE)·r, h = [x ≥ 0] (each within 1.5u of the quotient; q
   * without the cancellation of 1 − p); p_t = p, α_t = α for a positive entry, p_t = q, α_t = 1 − α for a
   * negative one; log p = −(max(−x, 0) + log1p(E)), log q = −(max(x, 0) + log1p(E)), finite for every
   * finite x, log1p by log1pUnit (≤ 8u). The sum runs over entries in flat-index order,
   * Neumaier-compensated, then is divided by N. Gradient (through dp/dx = p·q), times 1/N:
   *   positive: α q^γf (γf·p·log p − q),   negative: (1 − α) p^γf (p − γf·q·log q);
   * 0 on ignored rows. (1 − p)^γf is q·q when γf = 2, Math.pow otherwise.
   */
  evaluate(logits: Float64Array): LossValue {
    const { labels, g, pos, neg } = this;
    const { alpha, gamma } = this.settings;
    const square = gamma === 2;
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
      // one division for both: p·(1+E) and q·(1+E) are 1 or E
      const rd = 1 / (1 + e);
      const p = (h + (1 - h) * e) * rd;
      const q = (1 - h + h * e) * rd;
      const l = log1p(e);
      let term: number;
      if (y === 1) {
        pos[ip++] = p;
        const logP = -(Math.max(-x, 0) + l);
        const w = alpha * (square ? q * q : Math.pow(q, gamma));
        term = -w * logP;
        g[i] = w * (gamma * p * logP - q) * inv;
      } else {
        neg[ineg++] = p;
        const logQ = -(Math.max(x, 0) + l);
        const w = (1 - alpha) * (square ? p * p : Math.pow(p, gamma));
        term = -w * logQ;
        g[i] = w * (p - gamma * q * logQ) * inv;
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
