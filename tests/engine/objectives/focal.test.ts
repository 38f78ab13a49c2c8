import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FOCAL_DEFAULTS } from '../../../src/engine/objectives/entryObjectives.ts';
import { focalLoss } from '../../../src/engine/objectives/focal.ts';
import { binaryCrossEntropy } from '../../../src/engine/objectives/bce.ts';
import { centralDifference, entryProblems } from './testing.ts';

const LN2 = Math.LN2;

const problems = entryProblems(12);

describe('focalLoss (RetinaNet, α = 0.25, γf = 2)', () => {
  it('at logit 0 costs α·¼·ln 2 for a positive and (1−α)·¼·ln 2 for a negative', () => {
    // p = ½: (1 − p_t)^2 = ¼ and −log p_t = ln 2 on either side.
    const r = focalLoss(new Float64Array(3), Int32Array.of(1, 0, 0), 1);
    expect(r.normaliser).toBe(1);
    expect(r.lossPos).toBeCloseTo(0.25 * 0.25 * LN2, 15);
    expect(r.lossNeg).toBeCloseTo(2 * 0.75 * 0.25 * LN2, 15);
    expect(r.loss).toBeCloseTo(0.4375 * LN2, 15);
  });

  it('matches a hand-computed two-class value, divided by the 2 positive anchors', () => {
    // Rows: class 1 with logits (2, −1); background (0.5, 0); ignored; class 2 with (−3, 1).
    const logits = Float64Array.of(2, -1, 0.5, 0, 7, 7, -3, 1);
    const targets = Int32Array.of(1, 0, -1, 2);
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const pos = (x: number) => -0.25 * (1 - s(x)) ** 2 * Math.log(s(x));
    const neg = (x: number) => -0.75 * s(x) ** 2 * Math.log(1 - s(x));
    const expected = (pos(2) + pos(1) + neg(-1) + neg(0.5) + neg(0) + neg(-3)) / 2;
    const r = focalLoss(logits, targets, 2);
    expect(r.nPos).toBe(2);
    expect(r.nNeg).toBe(4);
    expect(r.normaliser).toBe(2);
    expect(r.loss).toBeCloseTo(expected, 14);
  });

  it('divides by 1, not 0, when there are no positive anchors', () => {
    const r = focalLoss(Float64Array.of(0, 0), Int32Array.of(0, 0), 1);
    expect(r.normaliser).toBe(1);
    expect(r.loss).toBeCloseTo(2 * 0.75 * 0.25 * LN2, 15);
  });

  it('with γf = 0 and α = ½ equals BCE / 2 / max(1, n+), loss and gradient (1e-12 rel)', () => {
    fc.assert(
      fc.property(problems, ({ K, targets, logits }) => {
        const gF = new Float64Array(logits.length);
        const gB = new Float64Array(logits.length);
        const f = focalLoss(logits, targets, K, { alpha: 0.5, gamma: 0 }, gF);
        const b = binaryCrossEntropy(logits, targets, K, gB);
        const n = Math.max(1, b.nPos);
        expect(Math.abs(f.loss - b.loss / 2 / n)).toBeLessThanOrEqual(1e-12 * (1 + b.loss));
        for (let i = 0; i < gF.length; i++) {
          expect(Math.abs(gF[i] - gB[i] / 2 / n)).toBeLessThanOrEqual(1e-12);
        }
      }),
      { seed: 2017, numRuns: 200 },
    );
  });

  it('has a gradient equal to central finite differences (1e-7 abs) for default and random α, γf', () => {
    const params = fc.oneof(
      fc.constant(FOCAL_DEFAULTS),
      fc.record({
        alpha: fc.double({ min: 0, max: 1, noNaN: true }),
        gamma: fc.double({ min: 0, max: 5, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(problems, params, ({ K, targets, logits }, p) => {
        const grad = new Float64Array(logits.length).fill(NaN);
        focalLoss(logits, targets, K, p, grad);
        const fd = centralDifference((x) => focalLoss(x, targets, K, p).loss, logits);
        for (let i = 0; i < grad.length; i++) expect(Math.abs(grad[i] - fd[i])).toBeLessThan(1e-7);
      }),
      { seed: 2020, numRuns: 200 },
    );
  });

  it('gives 0 gradient to ignored rows', () => {
    const grad = new Float64Array(4).fill(NaN);
    focalLoss(Float64Array.of(1, 2, 3, 4), Int32Array.of(1, -1, 0, -1), 1, FOCAL_DEFAULTS, grad);
    expect(grad[1]).toBe(0);
    expect(grad[3]).toBe(0);
  });

  it('stays finite for logits of ±1e4: α·1e4 for a lost positive, (1−α)·1e4 for a lost negative', () => {
    const logits = Float64Array.of(-1e4, 1e4, 1e4, -1e4);
    const grad = new Float64Array(4);
    const r = focalLoss(logits, Int32Array.of(1, 1, 0, 0), 1, FOCAL_DEFAULTS, grad);
    expect(r.lossPos).toBeCloseTo((0.25 * 1e4) / 2, 8);
    expect(r.lossNeg).toBeCloseTo((0.75 * 1e4) / 2, 8);
    // Saturated on the wrong side, (1 − p_t)^γf = 1 and the slope is that of α_t·|x|.
    [-0.25 / 2, 0, 0.75 / 2, 0].forEach((g, i) => expect(grad[i]).toBeCloseTo(g, 15));
  });

  it('never returns NaN or ±Infinity for logits anywhere in ±1e4', () => {
    const wide = entryProblems(1e4, { maxK: 3 });
    fc.assert(
      fc.property(wide, ({ K, targets, logits }) => {
        const grad = new Float64Array(logits.length);
        const r = focalLoss(logits, targets, K, FOCAL_DEFAULTS, grad);
        expect(Number.isFinite(r.loss)).toBe(true);
        expect(grad.every(Number.isFinite)).toBe(true);
      }),
      { seed: 10000, numRuns: 300 },
    );
  });
});
