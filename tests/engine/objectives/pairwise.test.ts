import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CompensatedSum } from '../../../src/engine/numerics.ts';
import {
  blockSums,
  pairwiseHinge,
  pairwiseHingeSorted,
} from '../../../src/engine/objectives/pairwise.ts';
import { lcg } from './testing.ts';

/** The definition of Eq. 3/4 with the hinge, visiting every pair (the reference; compensated sum). */
function doubleLoop(pPos: Float64Array, pNeg: Float64Array, margin: number) {
  const loss = new CompensatedSum();
  let violating = 0;
  const gradPos = new Float64Array(pPos.length);
  const gradNeg = new Float64Array(pNeg.length);
  for (let i = 0; i < pPos.length; i++) {
    for (let j = 0; j < pNeg.length; j++) {
      const d = pNeg[j] - pPos[i] + margin;
      if (d > 0) {
        loss.add(d);
        violating++;
        gradPos[i]--;
        gradNeg[j]++;
      }
    }
  }
  return { loss: loss.value(), violating, gradPos, gradNeg };
}

function run(pPos: Float64Array, pNeg: Float64Array, margin: number) {
  // Junk in the buffers proves every entry is overwritten.
  const grad = {
    gradPos: new Float64Array(pPos.length).fill(7),
    gradNeg: new Float64Array(pNeg.length).fill(7),
  };
  return { ...pairwiseHinge(pPos, pNeg, margin, grad), ...grad };
}

// Scores on a 1/8 grid produce ties, duplicates and pairs with p− − p+ + γ exactly 0.
const gridScore = fc.integer({ min: 0, max: 8 }).map((k) => k / 8);
const gridScore1024 = fc.integer({ min: 0, max: 1024 }).map((k) => k / 1024);
const anyScore = fc.double({ min: 0, max: 1, noNaN: true });
// Scores outside [0, 1] are not probabilities but exercise the end brackets of the bucket index.
const wideScore = fc.double({ min: -1, max: 2, noNaN: true });
const scores = (score: fc.Arbitrary<number>, maxLength = 40) =>
  fc.array(score, { maxLength }).map((a) => Float64Array.from(a));
const margins = fc.oneof(
  fc.constantFrom(0, 0.25, 0.5, 1),
  fc.double({ min: -0.5, max: 1.5, noNaN: true }),
);

describe('pairwiseHinge (Eq. 3/4 with the hinge, O(n log n))', () => {
  it('matches a hand-computed example: loss 1.5, 4 of 6 pairs violating, counts as gradients', () => {
    // Pairs (p+, p−): (0.9,0.6) 0.2 · (0.4,0.6) 0.7 · (0.4,0.1) 0.2 · (0.4,0.3) 0.4; the rest ≤ 0.
    const r = run(Float64Array.of(0.9, 0.4), Float64Array.of(0.6, 0.1, 0.3), 0.5);
    expect(r.loss).toBeCloseTo(1.5, 14);
    expect(r.violating).toBe(4);
    expect(r.pairs).toBe(6);
    expect(Array.from(r.gradPos)).toEqual([-1, -3]);
    expect(Array.from(r.gradNeg)).toEqual([2, 1, 1]);
  });

  it('does not count a pair whose p− − p+ + γ is exactly 0 as violating', () => {
    const r = run(Float64Array.of(0.75), Float64Array.of(0.25), 0.5);
    expect(r.violating).toBe(0);
    expect(r.loss).toBe(0);
    expect(r.gradPos[0]).toBe(0);
    expect(r.gradNeg[0]).toBe(0);
  });

  it('is 0 with no pairs when either set is empty, and zero-fills the other gradient', () => {
    const some = Float64Array.of(0.2, 0.9);
    for (const [pos, neg] of [
      [new Float64Array(0), some],
      [some, new Float64Array(0)],
      [new Float64Array(0), new Float64Array(0)],
    ]) {
      const r = run(pos, neg, 0.5);
      expect(r.loss).toBe(0);
      expect(r.violating).toBe(0);
      expect(r.pairs).toBe(pos.length * neg.length);
      expect(Array.from(r.gradPos).every((g) => g === 0)).toBe(true);
      expect(Array.from(r.gradNeg).every((g) => g === 0)).toBe(true);
    }
  });

  for (const [name, score, maxLength] of [
    ['grid scores with ties', gridScore, 40],
    ['arbitrary scores in [0,1]', anyScore, 40],
    ['up to 600 positives on a 1/1024 grid (bucket edges hit exactly)', gridScore1024, 600],
    ['scores in [−1, 2]', wideScore, 40],
  ] as const) {
    it(`equals the double loop in loss (1e-12 per pair), count and gradient (exactly): ${name}`, () => {
      fc.assert(
        fc.property(scores(score, maxLength), scores(score), margins, (pPos, pNeg, margin) => {
          const fast = run(pPos, pNeg, margin);
          const ref = doubleLoop(pPos, pNeg, margin);
          expect(fast.violating).toBe(ref.violating);
          expect(fast.pairs).toBe(pPos.length * pNeg.length);
          expect(Math.abs(fast.loss - ref.loss)).toBeLessThanOrEqual(1e-12 * (1 + ref.violating));
          expect(Array.from(fast.gradPos)).toEqual(Array.from(ref.gradPos));
          expect(Array.from(fast.gradNeg)).toEqual(Array.from(ref.gradNeg));
        }),
        { seed: 20200616, numRuns: 400 },
      );
    });
  }

  it('stays within 1e-14 relative of the compensated double loop over 6e6 pairs (a naive sum drifts ~1e-12)', () => {
    const rng = lcg(7);
    const pPos = Float64Array.from({ length: 2000 }, () => 0.3 + 0.7 * rng());
    const pNeg = Float64Array.from({ length: 3000 }, () => 0.6 * rng());
    const fast = run(pPos, pNeg, 0.5);
    const ref = doubleLoop(pPos, pNeg, 0.5);
    expect(fast.violating).toBe(ref.violating);
    expect(ref.violating).toBeGreaterThan(1e6); // the case is not trivial
    expect(Math.abs(fast.loss - ref.loss)).toBeLessThanOrEqual(1e-14 * ref.loss);
    expect(Array.from(fast.gradNeg)).toEqual(Array.from(ref.gradNeg));
    expect(Array.from(fast.gradPos)).toEqual(Array.from(ref.gradPos));
  });

  it('refuses gradient buffers shorter than their sets', () => {
    const two = Float64Array.of(0.2, 0.4);
    const short = { gradPos: new Float64Array(1), gradNeg: new Float64Array(2) };
    expect(() => pairwiseHinge(two, two, 0.5, short)).toThrow(RangeError);
  });

  it('leaves its inputs unchanged (it sorts a copy)', () => {
    const pPos = Float64Array.of(0.9, 0.1, 0.5);
    const before = Array.from(pPos);
    pairwiseHinge(pPos, Float64Array.of(0.3), 0.5);
    expect(Array.from(pPos)).toEqual(before);
  });
});

/** pairwiseHingeSorted on ascending copies of the sets. */
const sortedRun = (pPos: Float64Array, pNeg: Float64Array, margin: number) =>
  pairwiseHingeSorted(Float64Array.from(pPos).sort(), Float64Array.from(pNeg).sort(), margin);

describe('pairwiseHingeSorted (the same loss from sorted sets, per γ without a pass)', () => {
  it('matches the hand-computed example: loss 1.5, 4 of 6 pairs violating', () => {
    const r = sortedRun(Float64Array.of(0.9, 0.4), Float64Array.of(0.6, 0.1, 0.3), 0.5);
    expect(r.loss).toBeCloseTo(1.5, 14);
    expect(r.violating).toBe(4);
    expect(r.pairs).toBe(6);
  });

  for (const [name, score] of [
    ['grid scores with ties', gridScore],
    ['arbitrary scores in [0,1]', anyScore],
    ['scores in [−1, 2]', wideScore],
  ] as const) {
    it(`equals the double loop in count (exactly) and loss (1e-12 per pair): ${name}`, () => {
      fc.assert(
        fc.property(scores(score), scores(score, 60), margins, (pPos, pNeg, margin) => {
          const r = sortedRun(pPos, pNeg, margin);
          const ref = doubleLoop(pPos, pNeg, margin);
          expect(r.violating).toBe(ref.violating);
          expect(r.pairs).toBe(pPos.length * pNeg.length);
          expect(Math.abs(r.loss - ref.loss)).toBeLessThanOrEqual(1e-12 * (1 + ref.violating));
        }),
        { seed: 20200617, numRuns: 400 },
      );
    });
  }

  it('agrees with pairwiseHinge to 1e-14 relative over 3·10⁷ pairs, whole blocks of negatives taken from their sums', () => {
    const rng = lcg(11);
    const pPos = Float64Array.from({ length: 300 }, () => rng());
    // 10⁵ negatives: ~98 blocks of 1024, most of them skipped whole by the suffix walk
    const pNeg = Float64Array.from({ length: 100_000 }, () => rng() ** 3);
    for (const margin of [0, 0.2, 0.5, 1]) {
      const ref = pairwiseHinge(pPos, pNeg, margin);
      const r = sortedRun(pPos, pNeg, margin);
      expect(r.violating).toBe(ref.violating);
      expect(Math.abs(r.loss - ref.loss)).toBeLessThanOrEqual(1e-14 * ref.loss);
    }
    expect(pairwiseHinge(pPos, pNeg, 0.5).violating).toBeGreaterThan(1e7); // not trivial
  });

  it('blockSums: Σ of each run of 1024 values (the last one shorter), compensated', () => {
    const a = new Float64Array(2500).fill(0.1);
    const s = blockSums(a);
    expect(s.length).toBe(3);
    expect(Math.abs(s[0] - 102.4)).toBeLessThan(1e-12);
    expect(Math.abs(s[2] - 45.2)).toBeLessThan(1e-12);
    expect(blockSums(new Float64Array(0)).length).toBe(0);
  });
});
