/**
 * Binary cross-entropy and the focal loss in one pass over the entries: both are sums of per-entry
 * terms of the same logistic quantities (σ(±x), log σ(±x)), which one exp and one log1p per entry give.
 * binaryCrossEntropy and focalLoss are this pass with the other objective's result dropped; the
 * explainer, which shows both, calls it once. Both results' types live here, beside the pass that
 * produces them (the focal parameters and defaults in focalParams.ts, re-exported), so bce.ts and
 * focal.ts import this file and nothing imports them back.
 */
import { expFast } from '../fastExp.ts';
import { log1pUnit } from '../log1pUnit.ts';
import { CompensatedSum } from '../numerics.ts';
import { checkProblem } from '../problem.ts';
import { entryLabel } from './entries.ts';
import type { FocalParams } from './focalParams.ts';

export { FOCAL_DEFAULTS, type FocalParams } from './focalParams.ts';

// Module-local aliases: a transpiler's getter-backed import is read once, not per entry.
const exp = expFast;
const log1p = log1pUnit;

/** The focal loss and its split; every field is already divided by `normaliser`. */
export interface FocalResult {
  /** FL = lossPos + lossNeg. */
  readonly loss: number;
  /** Σ over positive entries of −α(1−p)^γf log p, normalised. */
  readonly lossPos: number;
  /** Σ over negative entries of −(1−α) p^γf log(1−p), normalised. */
  readonly lossNeg: number;
  readonly nPos: number;
  readonly nNeg: number;
  /** max(1, number of positive anchors), the divisor RetinaNet uses. */
  readonly normaliser: number;
}

/** Sums of the binary cross-entropy over the non-ignored entries; no normalisation. */
export interface BCEResult {
  /** Σ over entries of −y·log p − (1−y)·log(1−p) = lossPos + lossNeg. */
  readonly loss: number;
  /** Σ over positive entries of −log p = Σ softplus(−x). */
  readonly lossPos: number;
  /** Σ over negative entries of −log(1−p) = Σ softplus(x). */
  readonly lossNeg: number;
  /** lossNeg / loss, the share of the total from negatives (0 when the total is 0). */
  readonly negShare: number;
  readonly nPos: number;
  readonly nNeg: number;
}

/** Caller-owned gradient buffers (length R·K each), every entry overwritten; either may be absent. */
export interface EntryGradients {
  /** ∂BCE/∂x = σ(x) − y. */
  readonly bce?: Float64Array | undefined;
  /** ∂FL/∂x, see focalLoss. */
  readonly focal?: Float64Array | undefined;
}

/**
 * BCE and FL over the entries of R×K logits (docs/maths.md §1, §5; definitions in bce.ts and
 * focal.ts), with their gradients written into `grads` (0 for ignored entries). Per entry, with
 * e = e^(−|x|): σ(x) and σ(−x) are 1/(1+e) and e/(1+e) by the sign of x, and
 * −log σ(−x) = softplus(x) = max(x, 0) + log1p(e), −log σ(x) = softplus(−x) = max(−x, 0) + log1p(e):
 * the same values numerics' sigmoid and softplus give (to a few ulps), finite for every finite x, from
 * one exp and one log1p instead of four transcendental calls. The exp is expFast (≤ 2.6e-16 relative)
 * and the log1p log1pUnit (e ∈ [0, 1], ≤ 8u = 8.9e-16 relative): V8's Math.exp and Math.log1p cost
 * ~20 ns each, most of this pass, which the detection-scale set runs over 8·10⁶ entries.
 * (1 − p)^γf and p^γf are q·q and p·p when γf = 2 (the same double as Math.pow(·, 2)), Math.pow
 * otherwise. The four sums are Neumaier-compensated.
 * `normaliser` replaces FL's divisor max(1, positive anchors): 1 gives the raw sums of a block of a
 * larger problem (engine/shards shardObjectives.ts adds the blocks up).
 *
 * @throws RangeError on a malformed problem (see checkProblem).
 */
export function entryObjectives(
  logits: Float64Array,
  targets: ArrayLike<number>,
  K: number,
  focalParams: FocalParams,
  grads: EntryGradients = {},
  normaliser?: number,
): { readonly bce: BCEResult; readonly focal: FocalResult } {
  const { alpha, gamma } = focalParams;
  checkProblem(logits, targets, K, grads.bce);
  checkProblem(logits, targets, K, grads.focal);
  const gBce = grads.bce ?? null;
  const gFocal = grads.focal ?? null;
  const square = gamma === 2;
  const R = targets.length;
  // FL's normaliser (positive anchors, one positive entry each) is needed before the first gradient
  let nPos = 0;
  let nNeg = 0;
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    if (t < 0) continue;
    const positives = t >= 1 ? 1 : 0;
    nPos += positives;
    nNeg += K - positives;
  }
  const divisor = normaliser ?? Math.max(1, nPos);
  const inv = 1 / divisor;

  const bcePos = new CompensatedSum();
  const bceNeg = new CompensatedSum();
  const flPos = new CompensatedSum();
  const flNeg = new CompensatedSum();
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    const base = r * K;
    if (t < 0) {
      gBce?.fill(0, base, base + K);
      gFocal?.fill(0, base, base + K);
      continue;
    }
    for (let c = 0; c < K; c++) {
      const i = base + c;
      const x = logits[i];
      const e = exp(-Math.abs(x));
      const up = x >= 0;
      const p = up ? 1 / (1 + e) : e / (1 + e); // σ(x)
      const q = up ? e / (1 + e) : 1 / (1 + e); // σ(−x) = 1 − p without the cancellation near p = 1
      const l = log1p(e);
      if (entryLabel(t, c) === 1) {
        const logP = -(Math.max(-x, 0) + l);
        const w = alpha * (square ? q * q : Math.pow(q, gamma));
        bcePos.add(-logP);
        flPos.add(-w * logP);
        if (gBce !== null) gBce[i] = p - 1;
        if (gFocal !== null) gFocal[i] = w * (gamma * p * logP - q) * inv;
      } else {
        const logQ = -(Math.max(x, 0) + l);
        const w = (1 - alpha) * (square ? p * p : Math.pow(p, gamma));
        bceNeg.add(-logQ);
        flNeg.add(-w * logQ);
        if (gBce !== null) gBce[i] = p;
        if (gFocal !== null) gFocal[i] = w * (p - gamma * q * logQ) * inv;
      }
    }
  }
  const lossPos = bcePos.value();
  const lossNeg = bceNeg.value();
  const loss = lossPos + lossNeg;
  const focalPos = flPos.value() * inv;
  const focalNeg = flNeg.value() * inv;
  return {
    bce: { loss, lossPos, lossNeg, negShare: loss > 0 ? lossNeg / loss : 0, nPos, nNeg },
    focal: {
      loss: focalPos + focalNeg,
      lossPos: focalPos,
      lossNeg: focalNeg,
      nPos,
      nNeg,
      normaliser: divisor,
    },
  };
}
