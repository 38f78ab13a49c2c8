import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { precisionRecallAt, rankingMetrics } from '../../src/train/index.ts';

/**
 * AP by its definition, O(n²): the distinct scores in descending order; at each threshold t,
 * TP = #{p+ ≥ t}, FP = #{p− ≥ t}, R = TP/n+, P = TP/(TP + FP); AP = Σ (R_n − R_{n−1})·P_n, summed in
 * that order (terms with R_n = R_{n−1} left out: they add 0).
 */
function bruteAP(pos: number[], neg: number[]): number {
  if (pos.length === 0) return 0;
  const thresholds = [...new Set([...pos, ...neg])].sort((a, b) => b - a);
  let ap = 0;
  let prev = 0;
  for (const t of thresholds) {
    const tp = pos.filter((p) => p >= t).length;
    const fp = neg.filter((p) => p >= t).length;
    const recall = tp / pos.length;
    if (recall === prev) continue;
    ap += (recall - prev) * (tp / (tp + fp));
    prev = recall;
  }
  return ap;
}

/** AUC by its definition over all pairs: (#{p+ > p−} + ½·#{p+ = p−})/(n+·n−); 0.5 without pairs. */
function bruteAUC(pos: number[], neg: number[]): number {
  if (pos.length === 0 || neg.length === 0) return 0.5;
  let greater = 0;
  let equal = 0;
  for (const p of pos) {
    for (const n of neg) {
      if (p > n) greater++;
      else if (p === n) equal++;
    }
  }
  return (greater + 0.5 * equal) / (pos.length * neg.length);
}

function metrics(pos: number[], neg: number[]): { ap: number; auc: number } {
  return rankingMetrics(Float64Array.from(pos), Float64Array.from(neg));
}

// scores from a handful of values, so ties within and across the sets are common
const tiedScore = fc.constantFrom(0, 0.05, 0.1, 0.3, 0.5, 0.5000000000000001, 0.7, 1);
const anyScore = fc.double({ min: 0, max: 1, noNaN: true });
// and sometimes beyond [0, 1] (raw logits, say), which skips the bucketed search
const score = fc.oneof(tiedScore, anyScore, fc.double({ min: -3, max: 3, noNaN: true }));

describe('AP and AUC', () => {
  it('equal the brute-force definitions bit for bit, ties included (sklearn AP; AUC with ½ per tie)', () => {
    fc.assert(
      fc.property(
        fc.array(score, { maxLength: 40 }),
        fc.array(score, { maxLength: 60 }),
        (pos, neg) => {
          const m = metrics(pos, neg);
          expect(m.ap).toBe(bruteAP(pos, neg));
          expect(m.auc).toBe(bruteAUC(pos, neg));
        },
      ),
      { seed: 2020, numRuns: 2000 },
    );
  });

  it('give known values: perfect, reversed, all tied', () => {
    expect(metrics([0.9, 0.8], [0.1, 0.2, 0.3])).toEqual({ ap: 1, auc: 1 });
    expect(metrics([0.1], [0.5, 0.9])).toEqual({ ap: 1 / 3, auc: 0 });
    // every score equal: one threshold, R = 1, P = n+/n; AUC = ½
    expect(metrics([0.5, 0.5], [0.5, 0.5, 0.5])).toEqual({ ap: 0.4, auc: 0.5 });
    // sklearn's docstring example: y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8] → AP 0.8333…
    expect(metrics([0.35, 0.8], [0.1, 0.4]).ap).toBeCloseTo(0.8333333333333333, 15);
  });

  it('are AP 0 without positives and AUC ½ without pairs', () => {
    expect(metrics([], [0.3, 0.1])).toEqual({ ap: 0, auc: 0.5 });
    expect(metrics([0.3], [])).toEqual({ ap: 1, auc: 0.5 });
  });

  it('do not reorder their inputs (they sort a copy of the positives)', () => {
    const pos = Float64Array.of(0.3, 0.9, 0.1);
    const neg = Float64Array.of(0.8, 0.2);
    rankingMetrics(pos, neg);
    expect(Array.from(pos)).toEqual([0.3, 0.9, 0.1]);
    expect(Array.from(neg)).toEqual([0.8, 0.2]);
  });
});

describe('precision and recall at thresholds', () => {
  it('count an entry as called when p ≥ t, with precision 0 when nothing is called', () => {
    fc.assert(
      fc.property(
        fc.array(score, { maxLength: 30 }),
        fc.array(score, { maxLength: 30 }),
        fc.array(fc.oneof(tiedScore, anyScore), { minLength: 1, maxLength: 3 }),
        (pos, neg, thresholds) => {
          const precision: number[] = [];
          const recall: number[] = [];
          precisionRecallAt(
            Float64Array.from(pos),
            Float64Array.from(neg),
            thresholds,
            precision,
            recall,
          );
          thresholds.forEach((t, m) => {
            const tp = pos.filter((p) => p >= t).length;
            const fp = neg.filter((p) => p >= t).length;
            expect(precision[m]).toBe(tp + fp === 0 ? 0 : tp / (tp + fp));
            expect(recall[m]).toBe(pos.length === 0 ? 0 : tp / pos.length);
          });
        },
      ),
      { seed: 7, numRuns: 500 },
    );
  });
});
