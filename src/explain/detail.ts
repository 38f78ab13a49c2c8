/**
 * Per-entry arrays for sets small enough to draw candidate by candidate (viz/types.ts EntryDetail):
 * the positive and negative sets merged back into flat-index order, every array freshly allocated
 * (the result may be transferred out of a worker; nothing aliases the engine's workspace).
 */
import type { Pooled, Workspace } from '../engine/index.ts';
import type { EntryDetail } from './types.ts';

/** Per-set inputs of the detail that the engine's workspace does not hold. */
export interface DetailInputs {
  /** o_j per positive / negative entry (pooled order). */
  readonly oPos: Float64Array;
  readonly oNeg: Float64Array;
  /** ∂/∂p of the pairwise hinge per positive / negative entry (pooled order). */
  readonly pairPos: Float64Array;
  readonly pairNeg: Float64Array;
  /** ∂BCE/∂logit and ∂FL/∂logit per flat entry (length R·K). */
  readonly bceGrad: Float64Array;
  readonly focalGrad: Float64Array;
}

/**
 * The EntryDetail of a pooled problem after `evaluate` filled `ws`: entries in ascending flat index
 * r·K + c (positives and negatives interleaved as in the logits), ignored entries absent.
 */
export function buildDetail(
  pooled: Pooled,
  logits: Float64Array,
  ws: Workspace,
  inputs: DetailInputs,
): EntryDetail {
  const { K, pPos, pNeg, posIndex, negIndex } = pooled;
  const n = pPos.length + pNeg.length;
  const d = {
    index: new Int32Array(n),
    row: new Int32Array(n),
    cls: new Int32Array(n),
    positive: new Uint8Array(n),
    p: new Float64Array(n),
    logit: new Float64Array(n),
    q: new Float64Array(n),
    o: new Float64Array(n),
    gradP: new Float64Array(n),
    gradLogit: new Float64Array(n),
    focalGrad: new Float64Array(n),
    bceGrad: new Float64Array(n),
    pairGradP: new Float64Array(n),
  };
  // The per-set columns each entry reads from, by label.
  const pos = { p: pPos, q: ws.qPos, o: inputs.oPos, gradP: ws.gradPPos, pair: inputs.pairPos };
  const neg = { p: pNeg, q: ws.qNeg, o: inputs.oNeg, gradP: ws.gradPNeg, pair: inputs.pairNeg };
  // Merge of two ascending index lists.
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const takePos = j >= negIndex.length || (i < posIndex.length && posIndex[i] < negIndex[j]);
    const flat = takePos ? posIndex[i] : negIndex[j];
    const set = takePos ? pos : neg;
    const at = takePos ? i++ : j++;
    d.index[k] = flat;
    d.row[k] = Math.floor(flat / K);
    d.cls[k] = flat - d.row[k] * K;
    d.positive[k] = takePos ? 1 : 0;
    d.logit[k] = logits[flat];
    d.gradLogit[k] = ws.gradLogits[flat];
    d.bceGrad[k] = inputs.bceGrad[flat];
    d.focalGrad[k] = inputs.focalGrad[flat];
    d.p[k] = set.p[at];
    d.q[k] = set.q[at];
    d.o[k] = set.o[at];
    d.gradP[k] = set.gradP[at];
    d.pairGradP[k] = set.pair[at];
  }
  return d;
}
