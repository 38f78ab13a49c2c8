import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binaryCrossEntropy } from '../../../src/engine/objectives/bce.ts';
import { centralDifference, entryProblems } from './testing.ts';

const LN2 = Math.LN2;
const softplus = (a: number) => Math.log(1 + Math.exp(a)); // naive: fine for the moderate a used here

describe('binaryCrossEntropy over DR entries', () => {
  it('sums −log p over positives and −log(1−p) over negatives of a multi-class problem', () => {
    // Row 0 is class 2: entry (0,1) positive, (0,0) and (0,2) negative; row 1 ignored; row 2 background.
    const logits = Float64Array.of(0.3, -1.2, 2.0, 9, 9, 9, -0.5, 0, 1.5);
    const targets = Int32Array.of(2, -1, 0);
    const r = binaryCrossEntropy(logits, targets, 3);
    const pos = softplus(1.2);
    const neg = softplus(0.3) + softplus(2.0) + softplus(-0.5) + softplus(0) + softplus(1.5);
    expect(r.nPos).toBe(1);
    expect(r.nNeg).toBe(5);
    expect(r.lossPos).toBeCloseTo(pos, 13);
    expect(r.lossNeg).toBeCloseTo(neg, 13);
    expect(r.loss).toBeCloseTo(pos + neg, 13);
    expect(r.negShare).toBeCloseTo(neg / (pos + neg), 13);
  });

  it('gives ln 2 per entry at logit 0 and a negatives share equal to their count share', () => {
    const r = binaryCrossEntropy(new Float64Array(4), Int32Array.of(1, 0, 0, 0), 1);
    expect(r.loss).toBeCloseTo(4 * LN2, 14);
    expect(r.negShare).toBeCloseTo(0.75, 14);
  });

  it('has negative share 0, not NaN, when every row is ignored', () => {
    const r = binaryCrossEntropy(Float64Array.of(1, 2), Int32Array.of(-1, -1), 1);
    expect(r.loss).toBe(0);
    expect(r.negShare).toBe(0);
    expect(r.nPos + r.nNeg).toBe(0);
  });

  it('writes σ(x) − y as the gradient and 0 for ignored rows', () => {
    const logits = Float64Array.of(0, 2, -3);
    const grad = new Float64Array(3).fill(NaN);
    binaryCrossEntropy(logits, Int32Array.of(1, -1, 0), 1, grad);
    expect(grad[0]).toBeCloseTo(-0.5, 15);
    expect(grad[1]).toBe(0);
    expect(grad[2]).toBeCloseTo(1 / (1 + Math.exp(3)), 15);
  });

  it('has a gradient equal to central finite differences (1e-7 abs) on random multi-class problems', () => {
    const problem = entryProblems(12);
    fc.assert(
      fc.property(problem, ({ K, targets, logits }) => {
        const grad = new Float64Array(logits.length);
        binaryCrossEntropy(logits, targets, K, grad);
        const fd = centralDifference((x) => binaryCrossEntropy(x, targets, K).loss, logits);
        for (let i = 0; i < grad.length; i++) expect(Math.abs(grad[i] - fd[i])).toBeLessThan(1e-7);
      }),
      { seed: 1907, numRuns: 200 },
    );
  });

  it('stays finite for logits of ±1e4: loss 1e4 per wrong-side entry, gradient ±1 or 0', () => {
    const logits = Float64Array.of(-1e4, 1e4, 1e4, -1e4);
    const grad = new Float64Array(4);
    const r = binaryCrossEntropy(logits, Int32Array.of(1, 1, 0, 0), 1, grad);
    expect(r.lossPos).toBeCloseTo(1e4, 8);
    expect(r.lossNeg).toBeCloseTo(1e4, 8);
    [-1, 0, 1, 0].forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 15));
  });

  it('never returns NaN or ±Infinity for logits anywhere in ±1e4', () => {
    const wide = entryProblems(1e4, { maxK: 3 });
    fc.assert(
      fc.property(wide, ({ K, targets, logits }) => {
        const grad = new Float64Array(logits.length);
        const r = binaryCrossEntropy(logits, targets, K, grad);
        expect(Number.isFinite(r.loss)).toBe(true);
        expect(grad.every(Number.isFinite)).toBe(true);
      }),
      { seed: 10001, numRuns: 300 },
    );
  });
});
