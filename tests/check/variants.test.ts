import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VARIANT_IDS } from '../../src/check/variants.ts';
import { diagnoseJson } from './helpers.ts';
import { port } from './ports.ts';
import type { PortCase, PortOutput, PortVariant } from './ports.ts';

// Three classes, positives of every class (two of class 1), an ignored row, default parameters: every
// maths variant but no-positive-fallback gives numbers of its own here.
const MIXED: PortCase = {
  logits: [
    [1.2, -0.4, 0.3],
    [-1.5, 0.8, -2.2],
    [0.1, 1.9, -0.7],
    [2.4, -0.2, 0.9],
    [-0.3, -1.1, 0.6],
    [0.5, 0.2, 2.1],
    [-2.0, 0.4, -0.9],
    [0.9, -0.6, 1.4],
  ],
  targets: [1, 0, 2, -1, 0, 3, 0, 1],
};

// No positive entry at all (and ignored rows): where no-positive-fallback shows.
const NO_POSITIVES: PortCase = {
  logits: [
    [0.3, -1.2],
    [2.0, 0.1],
    [-0.5, -2.5],
    [1.1, 0.4],
    [-0.2, 0.7],
  ],
  targets: [0, 0, -1, 0, 0],
};

const MATHS: Exclude<PortVariant, 'official'>[] = [
  'positive-sign',
  'blog-logistic',
  'per-class',
  'divided-by-positives',
  'no-positive-fallback',
  'ignored-as-negative',
  'other-classes-excluded',
  'lambdas-swapped',
  'grad-wrt-scores',
];

/** What a port of this variant reports: P̂± only where there is one pair of distributions. */
function yoursOf(
  c: PortCase,
  variant: PortVariant,
  float32 = false,
): PortOutput | Omit<PortOutput, 'pPlus' | 'pMinus'> {
  const out = port(c, variant, float32);
  if (variant !== 'per-class') return out;
  const { loss, grad } = out;
  return { loss, grad };
}

describe('dr check names every variant of the table from an independent port of it', () => {
  it('the table lists the ids of the issue, in its order', () => {
    expect([...VARIANT_IDS]).toEqual(['official', 'float32', ...MATHS]);
  });

  it('the official maths in float64 (autograd port): verdict match, variant official', () => {
    for (const c of [MIXED, NO_POSITIVES]) {
      const d = diagnoseJson(c, port(c, 'official'));
      expect(d.verdict).toBe('match');
      expect(d.variant).toBe('official');
      expect(d.matches[0]).toBe('official');
    }
  });

  it('the official maths in float32 (autograd port, every operation rounded): match-float32, variant float32', () => {
    for (const c of [MIXED, NO_POSITIVES]) {
      const d = diagnoseJson(c, port(c, 'official', true));
      expect(d.verdict).toBe('match-float32');
      expect(d.variant).toBe('float32');
    }
  });

  it.each(MATHS)(
    '%s, in float64 and in float32: verdict mismatch and variant named, alone',
    (id) => {
      const c = id === 'no-positive-fallback' ? NO_POSITIVES : MIXED;
      for (const float32 of [false, true]) {
        const d = diagnoseJson(c, yoursOf(c, id, float32));
        expect(d.verdict, `${id} float32=${float32}`).toBe('mismatch');
        expect(d.variant).toBe(id);
        expect(d.matches).toEqual([id]);
        expect(d.hint.length).toBeGreaterThan(20);
      }
    },
  );

  it('a variant that coincides with the official maths on a case is reported beside it', () => {
    // No positives: positive-sign, divided-by-positives and other-classes-excluded change nothing.
    const d = diagnoseJson(NO_POSITIVES, port(NO_POSITIVES, 'official'));
    expect(d.verdict).toBe('match');
    expect(d.variant).toBe('official');
    expect(d.matches).toEqual(
      expect.arrayContaining([
        'official',
        'positive-sign',
        'divided-by-positives',
        'other-classes-excluded',
      ]),
    );
    expect(d.matches).not.toContain('no-positive-fallback');
  });
});

/** Random small cases: several classes, ignored rows, saturated logits, every surrogate, the prior. */
const caseArb: fc.Arbitrary<PortCase> = fc
  .record({
    R: fc.integer({ min: 1, max: 9 }),
    K: fc.integer({ min: 1, max: 3 }),
    seedLogits: fc.array(
      fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(-30, 25)),
      {
        minLength: 27,
        maxLength: 27,
      },
    ),
    seedTargets: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 9, maxLength: 9 }),
    smoothing: fc.constantFrom('logistic' as const, 'quad' as const, 'hinge' as const),
    lambdaPos: fc.double({ min: 0.05, max: 3, noNaN: true }),
    lambdaNeg: fc.double({ min: 0.02, max: 1, noNaN: true }),
    negTopK: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
  })
  .map(({ R, K, seedLogits, seedTargets, smoothing, lambdaPos, lambdaNeg, negTopK }) => ({
    logits: Array.from({ length: R }, (_, r) => seedLogits.slice(r * K, r * K + K)),
    targets: seedTargets.slice(0, R).map((t) => Math.min(t, K)),
    params: { smoothing, lambdaPos, lambdaNeg, ...(negTopK === undefined ? {} : { negTopK }) },
  }));

describe('on random cases (fast-check, seeded)', () => {
  it('the autograd port of the official maths reads match in float64 and never mismatch in float32', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        expect(diagnoseJson(c, port(c, 'official')).verdict).toBe('match');
        expect(diagnoseJson(c, port(c, 'official', true)).verdict).not.toBe('mismatch');
      }),
      { seed: 4242, numRuns: 200 },
    );
  });

  it('each variant either gives the official numbers or is among the matches named', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...MATHS), (c, id) => {
        const yours = yoursOf(c, id);
        if (![yours.loss, ...yours.grad.flat()].every(Number.isFinite)) return; // blog-logistic at z = 0
        const d = diagnoseJson(c, yours);
        if (d.verdict === 'match') return;
        expect(d.matches, JSON.stringify({ c, id, d })).toContain(id);
        expect(d.variant).toBe(d.matches[0]);
      }),
      { seed: 20260, numRuns: 300 },
    );
  });
});
