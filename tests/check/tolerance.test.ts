import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/check/diagnose.ts';
import type { Yours } from '../../src/check/checkInput.ts';
import { evaluateReference } from '../../src/check/reference.ts';
import { errorBounds, FLOAT32, FLOAT64 } from '../../src/check/tolerance.ts';
import type { Precision } from '../../src/check/tolerance.ts';
import { drLoss } from '../../src/engine/index.ts';
import type { DRParams } from '../../src/engine/index.ts';
import type { ParsedCase } from '../../src/io/case.ts';
import { randomCase } from './random.ts';

/** The engine's own float64 outputs for `c`, as yours. */
function engineYours(c: ParsedCase): Yours {
  const { result, gradLogits } = drLoss(c.logits, c.targets, c.K, c.params);
  return { loss: result.loss, pPlus: result.pPlus, pMinus: result.pMinus, grad: gradLogits };
}

/** The official maths in float32 (src/check's reference with Math.fround after every operation). */
function float32Yours(
  c: ParsedCase,
  variant: Parameters<typeof evaluateReference>[1] = null,
): Yours {
  const t = evaluateReference(c, variant, Math.fround);
  return { loss: t.loss, pPlus: t.pPlus ?? NaN, pMinus: t.pMinus ?? NaN, grad: t.grad };
}

/** max over fields and entries of |yours − official| / bound at `precision` (≤ 1 means within). */
function worstRatio(c: ParsedCase, y: Yours, precision: Precision): number {
  const official = engineYours(c);
  const b = errorBounds(evaluateReference(c, null), c.params, precision);
  let worst = Math.abs(y.loss - official.loss) / b.loss;
  worst = Math.max(worst, Math.abs((y.pPlus ?? 0) - (official.pPlus ?? 0)) / (b.pPlus ?? Infinity));
  worst = Math.max(
    worst,
    Math.abs((y.pMinus ?? 0) - (official.pMinus ?? 0)) / (b.pMinus ?? Infinity),
  );
  const g = y.grad ?? new Float64Array(0);
  for (let i = 0; i < g.length; i++) {
    worst = Math.max(worst, Math.abs(g[i] - official.grad![i]) / b.grad[i]);
  }
  return worst;
}

const paramsArb: fc.Arbitrary<Partial<DRParams>> = fc.record({
  lambdaPos: fc.double({ min: 0.01, max: 5, noNaN: true }),
  lambdaNeg: fc.double({ min: 0.005, max: 2, noNaN: true }),
  L: fc.double({ min: 1, max: 12, noNaN: true }),
  tau: fc.double({ min: 0, max: 8, noNaN: true }),
  margin: fc.double({ min: -0.5, max: 1, noNaN: true }),
  rho: fc.double({ min: 0.1, max: 1, noNaN: true }),
  smoothing: fc.constantFrom('logistic' as const, 'quad' as const, 'hinge' as const),
  original: fc.oneof(
    fc.constant({ kind: 'uniform' as const }),
    fc.integer({ min: 1, max: 50 }).map((k) => ({ kind: 'hardNegative' as const, k })),
  ),
});

const problemArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    R: fc.integer({ min: 1, max: 300 }),
    K: fc.integer({ min: 1, max: 5 }),
    scale: fc.constantFrom(0.5, 2, 8, 30),
    pIgnored: fc.constantFrom(0, 0.1, 0.5),
    pPositive: fc.constantFrom(0, 0.02, 0.3, 1),
    params: paramsArb,
  })
  .map(({ seed, R, K, params, ...opts }) => randomCase(seed, R, K, params, opts));

describe('property (fast-check, seeded): the official engine never reads as anything else', () => {
  it("the engine's own float64 outputs always read match, variant official", () => {
    fc.assert(
      fc.property(problemArb, (c) => {
        const d = diagnose({ problem: c, yours: engineYours(c) });
        expect(d.verdict).toBe('match');
        expect(d.variant).toBe('official');
      }),
      { seed: 1907, numRuns: 150 },
    );
  });

  it('the official maths computed in float32 always reads match-float32 (or match when float32 happens to be exact), never mismatch', () => {
    let exact = 0;
    fc.assert(
      fc.property(problemArb, (c) => {
        const d = diagnose({ problem: c, yours: float32Yours(c) });
        expect(d.verdict, JSON.stringify(d.fields)).not.toBe('mismatch');
        if (d.verdict === 'match') exact++;
        else expect(d.variant).toBe('float32');
      }),
      { seed: 10156, numRuns: 150 },
    );
    // Exact float32 results are the exception (e.g. τ = 0), not the rule.
    expect(exact).toBeLessThan(30);
  });
});

describe('the float32 bound at 10⁵ entries (measured)', () => {
  const cases: [string, ParsedCase][] = [
    ['defaults, 25000 × 4', randomCase(1, 25_000, 4)],
    [
      'λ− = 0.01, λ+ = 0.05, 10⁵ × 1',
      randomCase(2, 100_000, 1, { lambdaNeg: 0.01, lambdaPos: 0.05 }, { pPositive: 0.01 }),
    ],
    [
      'hard-negative prior k = 1000, quad, 20000 × 5',
      randomCase(3, 20_000, 5, { smoothing: 'quad', original: { kind: 'hardNegative', k: 1000 } }),
    ],
    [
      'saturated logits (scale 30), 50000 × 2',
      randomCase(4, 50_000, 2, {}, { scale: 30, pPositive: 0.2 }),
    ],
  ];

  it.each(cases)(
    '%s: float32 reads match-float32, positive-sign in float32 does not',
    (_name, c) => {
      const f32 = float32Yours(c);
      const d = diagnose({ problem: c, yours: f32 });
      const ratio32 = worstRatio(c, f32, FLOAT32);
      const ratio64 = worstRatio(c, f32, FLOAT64);
      console.log(
        `${_name}: float32 error / float32 bound ≤ ${ratio32.toExponential(2)}; / float64 bound ≤ ${ratio64.toExponential(2)}; loss rel err ${d.fields.loss.relError?.toExponential(2)}`,
      );
      expect(d.verdict).toBe('match-float32');
      expect(ratio32).toBeLessThan(1);
      const wrong = diagnose({ problem: c, yours: float32Yours(c, 'positive-sign') });
      expect(wrong.verdict).toBe('mismatch');
      expect(wrong.variant).toBe('positive-sign');
    },
  );
});
