/**
 * Pooling: the parameter-independent half of the DR loss. Splits the R×K entries into the positive
 * and the negative set of drloss-math.md §1 and evaluates every sigmoid once.
 */
import { sigmoidFast } from './fastExp.ts';

// Module-local alias: read a transpiler's getter-backed import once, not per entry.
const sigmoid = sigmoidFast;
import type { Pooled } from './types.ts';

/**
 * Pools one problem. Entry (r, c), flat index r·K + c, is positive iff targets[r] = c+1, negative iff
 * targets[r] ≥ 0 and ≠ c+1; rows with targets[r] < 0 are ignored (official SigmoidDRLoss). Stores
 * p = σ(logit) of each positive / negative entry in flat-index order with its flat index.
 *
 * @throws RangeError when K is not a positive integer, logits.length ≠ R·K (R = targets.length), a
 *   target exceeds K, or a logit of a non-ignored row is NaN (±Infinity is allowed: p = 0 or 1).
 */
export function pool(logits: Float64Array, targets: Int32Array, K: number): Pooled {
  if (!Number.isInteger(K) || K < 1) throw new RangeError(`K must be an integer ≥ 1, got ${K}`);
  const R = targets.length;
  if (logits.length !== R * K) {
    throw new RangeError(
      `logits.length (${logits.length}) must equal targets.length × K = ${R} × ${K} = ${R * K}`,
    );
  }
  let nPos = 0;
  let nRows = 0;
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    if (t > K) throw new RangeError(`targets[${r}] = ${t} exceeds K = ${K} (classes are 1..K)`);
    if (t >= 0) {
      nRows++;
      if (t > 0) nPos++;
    }
  }
  const nNeg = nRows * K - nPos;
  const pPos = new Float64Array(nPos);
  const posIndex = new Int32Array(nPos);
  const pNeg = new Float64Array(nNeg);
  const negIndex = new Int32Array(nNeg);
  let ip = 0;
  let ineg = 0;
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    if (t < 0) continue;
    const base = r * K;
    for (let c = 0; c < K; c++) {
      const i = base + c;
      const x = logits[i];
      if (x !== x) throw new RangeError(`logits[${i}] (row ${r}, class ${c}) is NaN`);
      const p = sigmoid(x);
      if (t === c + 1) {
        pPos[ip] = p;
        posIndex[ip++] = i;
      } else {
        pNeg[ineg] = p;
        negIndex[ineg++] = i;
      }
    }
  }
  return { R, K, pPos, pNeg, posIndex, negIndex };
}
