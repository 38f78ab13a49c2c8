/**
 * Binary cross-entropy over the DR loss's entries (drloss-math.md §1), the per-entry baseline panel 1
 * compares against: how much of the total comes from the (many, easy) negatives.
 */
import { sigmoid, softplus } from '../numerics.ts';
import { checkProblem, entryLabel } from './entries.ts';
import { Neumaier } from './neumaier.ts';

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

/**
 * Binary cross-entropy summed over the entries of R×K logits,
 *   BCE = Σ_{positives} −log σ(x) + Σ_{negatives} −log(1 − σ(x)),
 * evaluated from the logits as softplus(−x) and softplus(x) so it is finite for every finite x.
 * When `gradLogits` (caller-owned, length R·K) is given, writes ∂BCE/∂x = σ(x) − y into it, with 0
 * for ignored entries. Both sums are Neumaier-compensated.
 *
 * @param logits row-major R×K logits (R = logits.length / K).
 * @param targets R targets: −1 ignored, 0 background, 1..K the class.
 * @param K number of classes (columns).
 * @throws RangeError on a malformed problem (see checkProblem).
 */
export function binaryCrossEntropy(
  logits: Float64Array,
  targets: ArrayLike<number>,
  K: number,
  gradLogits?: Float64Array,
): BCEResult {
  checkProblem(logits, targets, K, gradLogits);
  const R = targets.length;
  const sumPos = new Neumaier();
  const sumNeg = new Neumaier();
  let nPos = 0;
  let nNeg = 0;
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    for (let c = 0; c < K; c++) {
      const i = r * K + c;
      const y = entryLabel(t, c);
      if (y < 0) {
        if (gradLogits) gradLogits[i] = 0;
        continue;
      }
      const x = logits[i];
      if (y === 1) {
        nPos++;
        sumPos.add(softplus(-x));
      } else {
        nNeg++;
        sumNeg.add(softplus(x));
      }
      if (gradLogits) gradLogits[i] = sigmoid(x) - y;
    }
  }
  const lossPos = sumPos.value();
  const lossNeg = sumNeg.value();
  const loss = lossPos + lossNeg;
  return { loss, lossPos, lossNeg, negShare: loss > 0 ? lossNeg / loss : 0, nPos, nNeg };
}
