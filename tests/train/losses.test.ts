import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, drLoss, resolveParams } from '../../src/engine/index.ts';
import { Rng } from '../../src/data/rng.ts';
import { BCETrainLoss } from '../../src/train/losses/bce.ts';
import { DRTrainLoss } from '../../src/train/losses/dr.ts';
import { FocalTrainLoss } from '../../src/train/losses/focal.ts';

/** R×K logits ~ N(−1, 2²) (a few saturated), targets with positives, negatives and ignored rows. */
function problem(
  R: number,
  K: number,
  seed: number,
): { logits: Float64Array; targets: Int32Array } {
  const rng = new Rng(seed);
  const logits = new Float64Array(R * K);
  rng.fillNormal(logits, 0, R * K, -1, 2);
  logits[0] = 40;
  logits[1] = -40;
  const targets = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const u = rng.uniform();
    targets[r] = u < 0.1 ? -1 : u < 0.35 ? 1 + rng.int(K) : 0;
  }
  return { logits, targets };
}

/** log σ(x), the stable textbook form. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** Reference per-entry terms, written the textbook way with Math.exp / Math.log. */
function reference(
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  alpha: number,
  gamma: number,
): { focal: number; bce: number; gFocal: number[]; gBce: number[] } {
  let nPos = 0;
  for (const t of targets) if (t > 0) nPos++;
  const N = Math.max(1, nPos);
  let focal = 0;
  let bce = 0;
  const gFocal: number[] = [];
  const gBce: number[] = [];
  for (let r = 0; r < targets.length; r++) {
    for (let c = 0; c < K; c++) {
      const x = logits[r * K + c];
      if (targets[r] < 0) {
        gFocal.push(0);
        gBce.push(0);
        continue;
      }
      const p = 1 / (1 + Math.exp(-x));
      const q = 1 / (1 + Math.exp(x));
      const lp = logSigmoid(x);
      const lq = logSigmoid(-x);
      if (targets[r] === c + 1) {
        focal += -alpha * q ** gamma * lp;
        bce += -lp;
        gFocal.push((alpha * q ** gamma * (gamma * p * lp - q)) / N);
        gBce.push((p - 1) / N);
      } else {
        focal += -(1 - alpha) * p ** gamma * lq;
        bce += -lq;
        gFocal.push(((1 - alpha) * p ** gamma * (p - gamma * q * lq)) / N);
        gBce.push(p / N);
      }
    }
  }
  return { focal: focal / N, bce: bce / N, gFocal, gBce };
}

function close(a: number, b: number, rel: number): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

describe('DR run loss', () => {
  it("is the engine's drLoss bit for bit: loss, P̂±, ∂/∂x (K = 1 and 3, uniform and hard-negative prior)", () => {
    for (const [K, params] of [
      [1, DEFAULT_PARAMS],
      [3, resolveParams({ original: { kind: 'hardNegative', k: 7 }, smoothing: 'quad' })],
    ] as const) {
      const { logits, targets } = problem(80, K, 21 + K);
      const loss = new DRTrainLoss(targets, K, params);
      // twice: the second evaluation reuses the pooled arrays and workspace of the first
      for (let pass = 0; pass < 2; pass++) {
        const x = Float64Array.from(logits, (v) => v + pass * 0.3);
        const v = loss.evaluate(x);
        const ref = drLoss(x, targets, K, params);
        expect(v.loss).toBe(ref.result.loss);
        expect(v.pPlus).toBe(ref.result.pPlus);
        expect(v.pMinus).toBe(ref.result.pMinus);
        expect(Array.from(loss.grad())).toEqual(Array.from(ref.gradLogits));
      }
    }
  });
});

describe('focal and BCE run losses', () => {
  for (const [K, gamma] of [
    [1, 2],
    [2, 1.5],
    [3, 0],
  ] as const) {
    it(`match the textbook formulas to 1e-12, divided by max(1, n+) (K = ${K}, γf = ${gamma})`, () => {
      const { logits, targets } = problem(120, K, 40 + K);
      const alpha = 0.25;
      const ref = reference(logits, targets, K, alpha, gamma);
      const focal = new FocalTrainLoss(targets, K, { alpha, gamma });
      const bce = new BCETrainLoss(targets, K);
      expect(close(focal.evaluate(logits).loss, ref.focal, 1e-12)).toBe(true);
      expect(close(bce.evaluate(logits).loss, ref.bce, 1e-12)).toBe(true);
      const gf = focal.grad();
      const gb = bce.grad();
      for (let i = 0; i < gf.length; i++) {
        expect(Math.abs(gf[i] - ref.gFocal[i])).toBeLessThanOrEqual(
          1e-12 * Math.abs(ref.gFocal[i]) + 1e-300,
        );
        expect(Math.abs(gb[i] - ref.gBce[i])).toBeLessThanOrEqual(
          1e-12 * Math.abs(ref.gBce[i]) + 1e-17,
        );
      }
    });
  }

  it('without positives divide by 1 and keep every value finite', () => {
    const logits = Float64Array.of(-2, 0.5, 800, -800);
    const targets = Int32Array.of(0, 0, 0, -1);
    const ref = reference(logits, targets, 1, 0.25, 2);
    const f = new FocalTrainLoss(targets, 1, { alpha: 0.25, gamma: 2 }).evaluate(logits).loss;
    const b = new BCETrainLoss(targets, 1).evaluate(logits).loss;
    expect(close(f, ref.focal, 1e-12)).toBe(true);
    expect(close(b, ref.bce, 1e-12)).toBe(true);
    expect(b).toBeCloseTo(800 + Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(0.5)), 9);
  });

  it('keep σ(x) of the positive and negative entries in flat-index order (the pooled DR scores to 2 ulp)', () => {
    const { logits, targets } = problem(50, 2, 77);
    const dr = new DRTrainLoss(targets, 2, DEFAULT_PARAMS);
    dr.evaluate(logits);
    for (const loss of [
      new FocalTrainLoss(targets, 2, { alpha: 0.25, gamma: 2 }),
      new BCETrainLoss(targets, 2),
    ]) {
      loss.evaluate(logits);
      for (const [mine, pooled] of [
        [loss.positives(), dr.positives()],
        [loss.negatives(), dr.negatives()],
      ]) {
        expect(mine.length).toBe(pooled.length);
        // p·(1/(1+E)) here, p/(1+E) in the engine's pool: one extra rounding
        mine.forEach((p, j) =>
          expect(Math.abs(p - pooled[j])).toBeLessThanOrEqual(4.5e-16 * pooled[j]),
        );
      }
    }
  });
});
