import { describe, expect, it } from 'vitest';
import { parseChecksValue } from '../../src/check/checkInput.ts';
import { evaluateReference } from '../../src/check/reference.ts';
import { drLoss } from '../../src/engine/index.ts';
import { loadGoldenCases } from '../golden/cases.ts';

describe("src/check's plain float64 reference of the official maths", () => {
  it('agrees with the engine on all 48 golden cases to 1e-12 (loss, P̂±) and 1e-12 of the largest gradient entry', () => {
    for (const g of loadGoldenCases()) {
      const t = evaluateReference(g, null);
      const { result, gradLogits } = drLoss(g.logits, g.targets, g.K, g.params);
      const close = (a: number, b: number, scale: number) =>
        expect(Math.abs(a - b), `golden ${g.index}`).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
      close(t.loss, result.loss, Math.abs(result.loss));
      close(t.pPlus!, result.pPlus, 1);
      close(t.pMinus!, result.pMinus, 1);
      const scale = Math.max(...Array.from(gradLogits, Math.abs));
      t.grad.forEach((x, i) => close(x, gradLogits[i], scale));
    }
  });

  it('per-class with K = 1 and every variant that needs what a case lacks give the official numbers', () => {
    const g = loadGoldenCases().find((c) => c.K === 1 && c.params.original.kind === 'uniform')!;
    const official = evaluateReference(g, null);
    for (const id of ['per-class', 'other-classes-excluded'] as const) {
      const v = evaluateReference(g, id);
      expect(v.loss).toBe(official.loss);
      expect(Array.from(v.grad)).toEqual(Array.from(official.grad));
    }
  });
});

describe('parseChecksValue', () => {
  const c = { logits: [0.5, -1, 2], targets: [1, 0, -1] };

  it('takes a flat gradient or an (R, 1) one for flat logits', () => {
    for (const grad of [
      [1, 2, 3],
      [[1], [2], [3]],
    ]) {
      const r = parseChecksValue({ ...c, yours: { loss: 1, grad } });
      if (!r.ok) throw new Error(r.error);
      expect(Array.from(r.checks[0].yours.grad!)).toEqual([1, 2, 3]);
    }
  });

  it('keeps only the fields given (pPlus and pMinus optional) and accepts an expected block', () => {
    const r = parseChecksValue([{ ...c, expected: {}, yours: { loss: 1, pMinus: 0.5 } }]);
    if (!r.ok) throw new Error(r.error);
    expect(r.isArray).toBe(true);
    expect(r.checks[0].yours).toEqual({ loss: 1, pMinus: 0.5 });
  });

  it('names the case in an array and the field', () => {
    const r = parseChecksValue([
      { ...c, yours: { loss: 1 } },
      { ...c, yours: { loss: 1, pPlus: null } },
    ]);
    expect(r).toEqual({
      ok: false,
      error: 'case 1: yours.pPlus is not a finite number (got null)',
    });
  });

  it('a gradient with rows for K > 1 logits must have rows', () => {
    const r = parseChecksValue({
      logits: [[1, 2]],
      targets: [0],
      yours: { loss: 1, grad: [1, 2] },
    });
    expect(r).toEqual({
      ok: false,
      error: 'case 0: yours.grad has length 2 but logits has 1 rows',
    });
  });
});
