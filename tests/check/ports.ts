// The test's own ports of SigmoidDRLoss, written the way a PyTorch port is (boolean masks, softmax,
// autograd through ./autodiff.ts), one per row of the variant table: independent of src/engine and
// src/check, so `dr check` naming them is evidence, not a tautology.
import { Tape } from './autodiff.ts';
import type { V } from './autodiff.ts';

/** A case in JSON shapes (flat logits mean K = 1). */
export interface PortCase {
  logits: number[] | number[][];
  targets: number[];
  params?: {
    margin?: number;
    lambdaPos?: number;
    lambdaNeg?: number;
    L?: number;
    tau?: number;
    rho?: number;
    smoothing?: 'logistic' | 'quad' | 'hinge';
    negTopK?: number;
  };
}

/** What a port hands to `dr check` as `yours` (grad shaped like the logits). */
export interface PortOutput {
  loss: number;
  pPlus: number;
  pMinus: number;
  grad: number[] | number[][];
}

export type PortVariant =
  | 'official'
  | 'positive-sign'
  | 'blog-logistic'
  | 'per-class'
  | 'divided-by-positives'
  | 'no-positive-fallback'
  | 'ignored-as-negative'
  | 'other-classes-excluded'
  | 'lambdas-swapped'
  | 'grad-wrt-scores';

/** Run the port: `float32` rounds every operation (a float32 tensor port). */
export function port(c: PortCase, variant: PortVariant, float32 = false): PortOutput {
  const t = new Tape(float32 ? Math.fround : (x) => x);
  const flat = !Array.isArray(c.logits[0]);
  const rows = (flat ? (c.logits as number[]).map((x) => [x]) : (c.logits as number[][])) ?? [];
  const K = rows[0].length;
  const pr = c.params ?? {};
  let lp = pr.lambdaPos ?? 1;
  let ln = pr.lambdaNeg ?? 0.1 / Math.log(3.5);
  if (variant === 'lambdas-swapped') [lp, ln] = [ln, lp];
  const L = pr.L ?? 6;
  const tau = pr.tau ?? 4;
  const margin = pr.margin ?? 0.5;
  const rho = pr.rho ?? 0.5;
  const smoothing = pr.smoothing ?? 'logistic';
  const targets = c.targets.map((x) => (variant === 'ignored-as-negative' && x < 0 ? 0 : x));

  const x: V[][] = rows.map((row) => row.map((v) => t.leaf(v)));
  const p: V[][] = x.map((row) => row.map((v) => t.sigmoid(v)));
  const isPos = (r: number, k: number) => targets[r] === k + 1;
  const isNeg = (r: number, k: number) =>
    targets[r] >= 0 &&
    targets[r] !== k + 1 &&
    !(variant === 'other-classes-excluded' && targets[r] > 0);

  const weightedMean = (probs: V[], sign: number, lambda: number): V => {
    const q = t.softmax(probs.map((pj) => t.scale(pj, sign / lambda)));
    return t.sum(q.map((qj, j) => t.mul(qj, probs[j])));
  };
  const surrogate = (z: V): V => {
    if (smoothing === 'hinge') return t.scale(t.relu(z), tau);
    if (smoothing === 'quad') {
      const zv = t.val[z];
      if (zv >= rho) return t.scale(z, tau);
      if (zv <= -rho) return t.constant(0);
      const zr = t.shift(z, rho);
      return t.scale(t.mul(zr, zr), tau / (4 * rho));
    }
    const sp = t.log(t.shift(t.exp(t.scale(z, L)), 1));
    return variant === 'blog-logistic' ? t.scale(t.div(sp, z), tau) : t.scale(sp, tau / L);
  };
  const pairLoss = (cols: number[]): { loss: V; pPlus: V; pMinus: V } => {
    const pos: V[] = [];
    const neg: V[] = [];
    for (let r = 0; r < rows.length; r++) {
      for (const k of cols) {
        if (isPos(r, k)) pos.push(p[r][k]);
        else if (isNeg(r, k)) neg.push(p[r][k]);
      }
    }
    let negUsed = neg;
    if (pr.negTopK !== undefined && pr.negTopK < neg.length) {
      const order = neg.map((_, j) => j).sort((a, b) => t.val[neg[b]] - t.val[neg[a]] || a - b);
      negUsed = order
        .slice(0, pr.negTopK)
        .sort((a, b) => a - b)
        .map((j) => neg[j]);
    }
    const pMinus = negUsed.length > 0 ? weightedMean(negUsed, 1, ln) : t.constant(0);
    const sign = variant === 'positive-sign' ? 1 : -1;
    const fallback = variant === 'no-positive-fallback' ? 0 : 1;
    const pPlus = pos.length > 0 ? weightedMean(pos, sign, lp) : t.constant(fallback);
    const z = t.shift(t.sub(pMinus, pPlus), margin);
    return { loss: surrogate(z), pPlus, pMinus };
  };

  const allCols = Array.from({ length: K }, (_, k) => k);
  let loss: V;
  let pPlus: V;
  let pMinus: V;
  if (variant === 'per-class') {
    const per = allCols.map((k) => pairLoss([k]));
    loss = t.sum(per.map((o) => o.loss));
    [pPlus, pMinus] = [per[0].pPlus, per[0].pMinus];
  } else {
    ({ loss, pPlus, pMinus } = pairLoss(allCols));
  }
  if (variant === 'divided-by-positives') {
    const nPos = targets.filter((v) => v > 0).length;
    loss = t.scale(loss, 1 / Math.max(1, nPos));
  }
  const adj = t.backward(loss);
  const of = variant === 'grad-wrt-scores' ? p : x;
  const grad = of.map((row) => row.map((v) => adj[v]));
  return {
    loss: t.val[loss],
    pPlus: t.val[pPlus],
    pMinus: t.val[pMinus],
    grad: flat ? grad.map((row) => row[0]) : grad,
  };
}
