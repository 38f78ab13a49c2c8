import { describe, expect, it } from 'vitest';
import { evaluateReference } from '../../src/check/reference.ts';
import { buildVectors } from '../../src/check/vectors.ts';
import type { Vector } from '../../src/check/vectors.ts';
import { parseCasesValue } from '../../src/io/case.ts';
import { GOLDEN_JSON } from '../golden/cases.ts';

const file = buildVectors(GOLDEN_JSON);
const byName = new Map(file.cases.map((c) => [c.name, c]));
const flat = (g: number[] | number[][]) => g.flat();

describe('dr_loss_vectors.json', () => {
  it('holds every golden case (golden-0…47) then the edge cases, with unique names', () => {
    expect(file.cases.slice(0, 48).map((c) => c.name)).toEqual(
      GOLDEN_JSON.map((_, i) => `golden-${i}`),
    );
    expect(new Set(file.cases.map((c) => c.name)).size).toBe(file.cases.length);
    expect(file.cases.length).toBeGreaterThan(60);
  });

  it("the golden cases' expected values agree with the independent ones of the golden file to 1e-9", () => {
    GOLDEN_JSON.forEach((g, i) => {
      const v = file.cases[i];
      expect(Math.abs(v.expected.loss - g.expected.loss)).toBeLessThanOrEqual(
        1e-9 * Math.abs(g.expected.loss) + 1e-300,
      );
      const want = flat(g.expected.grad);
      const got = flat(v.expected.grad);
      const scale = Math.max(...want.map(Math.abs));
      got.forEach((x, j) =>
        expect(Math.abs(x - want[j])).toBeLessThanOrEqual(1e-9 * scale + 1e-300),
      );
    });
  });

  it('covers the edge cases of the issue: no positives, ignored rows, saturated logits, several classes, every surrogate, the prior', () => {
    const cases = [...byName.values()];
    const has = (pred: (v: Vector) => boolean) => cases.some(pred);
    expect(byName.get('no-positives-one-ignored')?.expected.pPlus).toBe(1);
    expect(byName.get('no-negatives')?.expected.pMinus).toBe(0);
    expect(has((v) => v.targets.filter((t) => t < 0).length >= v.targets.length / 3)).toBe(true);
    expect(has((v) => flat(v.logits).some((x) => Math.abs(x) >= 35))).toBe(true);
    expect(has((v) => Array.isArray(v.logits[0]) && (v.logits[0] as number[]).length >= 5)).toBe(
      true,
    );
    for (const s of ['logistic', 'quad', 'hinge']) expect(byName.has(`surrogate-${s}`)).toBe(true);
    expect(has((v) => typeof v.params.negTopK === 'number')).toBe(true);
  });

  it('reproduces the sanity values of docs/maths.md §6', () => {
    expect(byName.get('sanity-two-positives')?.expected.loss).toBeCloseTo(2.5625233, 6);
    expect(byName.get('all-logits-zero')?.expected.loss).toBeCloseTo(
      (4 * Math.log(1 + Math.exp(3))) / 6,
      12,
    );
  });

  it('gives every field a finite tolerance, float32 looser than float64, shaped like the gradient', () => {
    for (const v of file.cases) {
      const t64 = v.tolerance.float64;
      const t32 = v.tolerance.float32;
      expect(t64.loss).toBeGreaterThan(0);
      expect(t32.loss).toBeGreaterThanOrEqual(t64.loss);
      expect(flat(t32.grad)).toHaveLength(flat(v.expected.grad).length);
      flat(t32.grad).forEach((t, j) => {
        expect(Number.isFinite(t)).toBe(true);
        expect(t).toBeGreaterThanOrEqual(flat(t64.grad)[j]);
      });
    }
  });

  it("the official maths in float32 (src/check's Math.fround reference) stays within every vector's float32 tolerance", () => {
    const parsed = parseCasesValue(
      file.cases.map(({ logits, targets, params }) => ({ logits, targets, params })),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    parsed.cases.forEach((c, i) => {
      const v = file.cases[i];
      const t = evaluateReference(c, null, Math.fround);
      expect(Math.abs(t.loss - v.expected.loss), v.name).toBeLessThanOrEqual(
        v.tolerance.float32.loss,
      );
      const want = flat(v.expected.grad);
      const tol = flat(v.tolerance.float32.grad);
      t.grad.forEach((x, j) =>
        expect(Math.abs(x - want[j]), `${v.name} grad ${j}`).toBeLessThanOrEqual(tol[j]),
      );
    });
  });
});
