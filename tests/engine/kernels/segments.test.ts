import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SMOOTHINGS,
  DEFAULT_PARAMS,
  evaluateScalars,
  pool,
  resultFromSums,
  topKIndices,
} from '../../../src/engine/index.ts';
import {
  absoluteMoment,
  segmentEnds,
  tiltedSegmentSums,
} from '../../../src/engine/kernels/segments.ts';
import { sortAscending } from '../../../src/engine/sorted.ts';
import { tiltSums } from '../../../src/engine/kernels/tilted.ts';
import { randomProblem, rng } from '../rng.ts';
import {
  SEG_LEN,
  SEG_S,
  SEG_U,
  SEG_UP,
  SEG_UQ,
  SUM_LEN,
  SUM_S,
  SUM_SDP,
  SUM_SE2,
} from '../../../src/engine/kernels/layout.ts';

/** |a − b| ≤ rel·|b| (plus a floor for exact zeros). */
function expectRel(a: number, b: number, rel: number, what = ''): void {
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.abs(b) + 1e-300);
}

/** Sorted sigmoid scores of logits ~ N(mu, sd²), seeded. */
function sortedScores(n: number, seed: number, mu = -3, sd = 1.5): Float64Array {
  const u = rng(seed);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    p[i] = 1 / (1 + Math.exp(-(mu + sd * z)));
  }
  return sortAscending(p);
}

/** Reference e_j = exp(σ(p_j − p_ext)/λ) by Math.exp over p[from..n). */
function referenceE(p: Float64Array, sign: 1 | -1, lambda: number, from: number): Float64Array {
  const n = p.length;
  const ext = sign > 0 ? p[n - 1] : p[from];
  const e = new Float64Array(n);
  for (let j = from; j < n; j++) e[j] = Math.exp((sign * (p[j] - ext)) / lambda);
  return e;
}

function run(p: Float64Array, sign: 1 | -1, lambda: number, from: number, cuts: number[] = []) {
  const ends = segmentEnds(p.length, cuts);
  const seg = new Float64Array(SEG_LEN * ends.length).fill(7); // junk: every slot is written
  const sums = new Float64Array(SUM_LEN);
  tiltedSegmentSums(p, sign, lambda, from, ends, seg, sums);
  return { ends, seg, sums };
}

describe('segmentEnds', () => {
  it('are ascending and unique, hold every inside cut and n, and no segment exceeds 1024 entries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.integer({ min: -10, max: 5010 }), { maxLength: 12 }),
        (n, cuts) => {
          const ends = segmentEnds(n, cuts);
          if (n === 0) {
            expect(ends.length).toBe(0);
            return;
          }
          expect(ends[ends.length - 1]).toBe(n);
          let prev = 0;
          for (const e of ends) {
            expect(e).toBeGreaterThan(prev);
            expect(e - prev).toBeLessThanOrEqual(1024);
            prev = e;
          }
          for (const c of cuts) if (c > 0 && c < n) expect(ends).toContain(c);
        },
      ),
      { seed: 1, numRuns: 200 },
    );
  });
});

describe('tiltedSegmentSums', () => {
  for (const [name, n, lambda] of [
    ['expFast path, 3,000 scores', 3000, 0.08],
    ['gridExp table path, 80,000 scores', 80_000, 0.08],
    ['positives, λ = 1', 3000, 1],
  ] as const) {
    it(`its totals equal tiltSums’ over the same support to 1e-13 (${name})`, () => {
      const p = sortedScores(n, n);
      for (const sign of [1, -1] as const) {
        for (const k of [n, 700, 1]) {
          const from = n - k;
          const { sums } = run(p, sign, lambda, from, [137, 2500]);
          const ref = new Float64Array(SUM_LEN);
          const prior = k === n ? null : { support: topKIndices(p, k) };
          tiltSums(p, sign, lambda, prior, null, ref, NaN, true);
          for (let s = 0; s < SUM_LEN; s++) expectRel(sums[s], ref[s], 1e-13, `slot ${s}`);
        }
      }
    });
  }

  it('writes each segment’s Σe, Σu, Σu(p − p_first), Σu(p_last − p) (u = e·p(1 − p)) to 1e-13, zeros below `from`', () => {
    const p = sortedScores(5000, 3);
    const from = 1800;
    const { ends, seg, sums } = run(p, 1, 0.05, from, [1500, 2049]);
    const e = referenceE(p, 1, 0.05, from);
    let start = 0;
    ends.forEach((end, i) => {
      const lo = Math.max(start, from);
      const ref = [0, 0, 0, 0];
      for (let j = lo; j < end; j++) {
        const u = e[j] * p[j] * (1 - p[j]);
        ref[SEG_S] += e[j];
        ref[SEG_U] += u;
        ref[SEG_UP] += u * (p[j] - p[lo]);
        ref[SEG_UQ] += u * (p[end - 1] - p[j]);
      }
      for (let s = 0; s < SEG_LEN; s++) expectRel(seg[SEG_LEN * i + s], ref[s], 1e-13, `seg ${i}`);
      start = end;
    });
    expect(seg[0]).toBe(0); // [0, 1024) lies below from
    expectRel(
      sums[SUM_S],
      e.reduce((a, b) => a + b, 0),
      1e-13,
      'S',
    );
  });

  it('an empty support (from = n) leaves S = 0 and every segment 0', () => {
    const p = sortedScores(100, 4);
    const { seg, sums } = run(p, 1, 0.1, 100);
    expect(sums[SUM_S]).toBe(0);
    expect(sums[SUM_SDP]).toBe(0);
    expect(sums[SUM_SE2]).toBe(0);
    expect(Array.from(seg).every((v) => v === 0)).toBe(true);
  });

  it('its sums give evaluate’s result to 1e-12 through resultFromSums (uniform and hard-negative o, each surrogate)', () => {
    const prob = randomProblem(77, 3000, 3);
    const pooled = pool(prob.logits, prob.targets, prob.K);
    const pos = sortAscending(pooled.pPos);
    const neg = sortAscending(pooled.pNeg);
    for (const smoothing of SMOOTHINGS) {
      for (const k of [0, 40]) {
        const params = {
          ...DEFAULT_PARAMS,
          smoothing,
          margin: 0.3,
          original: k > 0 ? { kind: 'hardNegative' as const, k } : { kind: 'uniform' as const },
        };
        const sp = run(pos, -1, params.lambdaPos, 0).sums;
        const sn = run(neg, 1, params.lambdaNeg, k > 0 ? neg.length - k : 0).sums;
        const r = resultFromSums(params, sp, sn, pos.length, neg.length);
        const ref = evaluateScalars(pooled, params);
        expect(r.nPos).toBe(ref.nPos);
        expect(r.nNeg).toBe(ref.nNeg);
        for (const key of [
          'loss',
          'pPlus',
          'pMinus',
          'z',
          'slope',
          'klPos',
          'essPos',
          'essNeg',
        ] as const)
          expectRel(r[key], ref[key], 1e-12, key);
        // ε is accurate in absolute terms (tilted.ts klFromSums)
        expect(Math.abs(r.klNeg - ref.klNeg)).toBeLessThan(1e-12);
      }
    }
  });
});

describe('absoluteMoment', () => {
  /** Σ_j e_j·p_j(1 − p_j)·|p_j − c| over [lo, hi) ∩ [from, n), by Math.exp. */
  function direct(p: Float64Array, e: Float64Array, c: number, lo: number, hi: number): number {
    let s = 0;
    for (let j = lo; j < hi; j++) s += e[j] * p[j] * (1 - p[j]) * Math.abs(p[j] - c);
    return s;
  }

  it('equals the direct sum to 1e-12 for thresholds below, above, at and between the scores, over any segment range', () => {
    const p = sortedScores(6000, 5, -2, 2);
    for (const [lambda, from] of [
      [0.08, 0],
      [0.5, 0],
      [0.02, 4000],
    ] as const) {
      const { ends, seg, sums } = run(p, 1, lambda, from, [3000, 5940]);
      const e = referenceE(p, 1, lambda, from);
      const cs = [-1, 0, p[0], p[2500], (p[2500] + p[2501]) / 2, p[5999], 2, 0.3];
      for (const c of cs) {
        for (const [a, b] of [
          [0, ends.length],
          [3, ends.length],
          [ends.indexOf(5940) + 1, ends.length],
        ]) {
          const lo = Math.max(a === 0 ? 0 : ends[a - 1], from);
          const got = absoluteMoment(p, sums, from, ends, seg, c, a, b);
          expectRel(got, direct(p, e, c, lo, p.length), 1e-12, `c = ${c}, segments ${a}..${b}`);
        }
      }
    }
  });
});
