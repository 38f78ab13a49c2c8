import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CELL_M,
  MOMENTS,
  cellMoments,
  cellSegmentSums,
  seriesDegree,
} from '../../../src/engine/kernels/cells.ts';
import { segmentEnds, tiltedSegmentSums } from '../../../src/engine/kernels/segments.ts';
import { sortAscending } from '../../../src/engine/sorted.ts';
import { normal, rng } from '../rng.ts';
import {
  SEG_LEN,
  SEG_S,
  SEG_U,
  SEG_UP,
  SEG_UQ,
  SUM_EXT,
  SUM_LEN,
  SUM_S,
  SUM_SDP,
  SUM_SE2,
  SUM_W,
} from '../../../src/engine/kernels/layout.ts';

/**
 * Sorted sigmoid scores, seeded. `grid` > 0 snaps a fraction of them near a few grid points, so cells
 * hold many scores (as at detection scale, where 8·10⁶ scores fall in ~5·10⁴ cells).
 */
function scores(n: number, seed: number, mu = -3, sd = 1.5, clustered = true): Float64Array {
  const u = rng(seed);
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = 1 / (1 + Math.exp(-(mu + sd * normal(u))));
    // a third of them within a cell of one of 8 grid points (and some exactly on it, δ = 0)
    if (clustered && i % 3 === 0) {
      const m = Math.round(v * 8) / 8;
      p[i] = Math.min(1, Math.max(0, m + (i % 9 === 0 ? 0 : (u() - 0.5) / CELL_M)));
    } else p[i] = v;
  }
  return sortAscending(p);
}

function both(p: Float64Array, sign: 1 | -1, lambda: number, from: number, cuts: number[]) {
  const ends = segmentEnds(p.length, cuts);
  const cells = cellMoments(p, ends);
  const ref = { seg: new Float64Array(SEG_LEN * ends.length), sums: new Float64Array(SUM_LEN) };
  const got = {
    seg: new Float64Array(SEG_LEN * ends.length).fill(7),
    sums: new Float64Array(SUM_LEN).fill(7),
  };
  tiltedSegmentSums(p, sign, lambda, from, ends, ref.seg, ref.sums);
  const ok = cellSegmentSums(cells, p, sign, lambda, from, ends, got.seg, got.sums);
  return { ends, cells, ref, got, ok };
}

function close(a: number, b: number, rel: number, abs: number, what: string): void {
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.abs(b) + abs);
}

/**
 * The cell sums equal the pass per score: S, Σe² and each segment's Σe, Σu to 1e-12 relative (both
 * round exp's argument, e^{-a} terms differ by ~2^-53·a); Σe·(p − p_ext), Σu·(p − first) and
 * Σu·(last − p) to that plus an absolute ~2^-53·2^-17 of their weight (the cancellation in the cell
 * holding p_ext or a segment's first or last score).
 */
function expectSame(r: ReturnType<typeof both>): void {
  const { ref, got, ends } = r;
  expect(r.ok).toBe(true);
  const S = ref.sums[SUM_S];
  close(got.sums[SUM_S], S, 1e-12, 1e-300, 'S');
  close(got.sums[SUM_SE2], ref.sums[SUM_SE2], 1e-12, 1e-300, 'Σe²');
  close(got.sums[SUM_SDP], ref.sums[SUM_SDP], 1e-12, 1e-20 * S, 'Σe(p − ext)');
  expect(got.sums[SUM_W]).toBe(ref.sums[SUM_W]);
  expect(got.sums[SUM_EXT]).toBe(ref.sums[SUM_EXT]);
  for (let i = 0; i < ends.length; i++) {
    const at = SEG_LEN * i;
    const U = ref.seg[at + SEG_U];
    close(got.seg[at + SEG_S], ref.seg[at + SEG_S], 1e-12, 1e-300, `segment ${i} Σe`);
    close(got.seg[at + SEG_U], U, 1e-12, 1e-300, `segment ${i} Σu`);
    close(
      got.seg[at + SEG_UP],
      ref.seg[at + SEG_UP],
      1e-12,
      1e-20 * U,
      `segment ${i} Σu(p − first)`,
    );
    close(
      got.seg[at + SEG_UQ],
      ref.seg[at + SEG_UQ],
      1e-12,
      1e-20 * U,
      `segment ${i} Σu(last − p)`,
    );
    expect(got.seg[at + SEG_UP]).toBeGreaterThanOrEqual(0);
    expect(got.seg[at + SEG_UQ]).toBeGreaterThanOrEqual(0);
  }
}

describe('cellMoments', () => {
  it('cuts the sorted scores into runs of one grid cell inside one segment, with D_k = Σ δ^k', () => {
    const p = scores(20_000, 1);
    const ends = segmentEnds(p.length, [137, 5000, 19_800]);
    const cells = cellMoments(p, ends);
    expect(cells.start[0]).toBe(0);
    expect(cells.start[cells.count]).toBe(p.length);
    expect(cells.count).toBeLessThan(p.length / 2); // the clustered scores share cells
    let maxDelta = 0;
    for (let c = 0; c < cells.count; c++) {
      const lo = cells.start[c];
      const hi = cells.start[c + 1];
      expect(hi).toBeGreaterThan(lo);
      const i = cells.segment[c];
      expect(lo).toBeGreaterThanOrEqual(i === 0 ? 0 : ends[i - 1]);
      expect(hi).toBeLessThanOrEqual(ends[i]);
      const d = new Float64Array(MOMENTS);
      let offGrid = 0;
      for (let j = lo; j < hi; j++) {
        if (Math.round(p[j] * CELL_M) / CELL_M !== cells.centre[c]) offGrid++;
        const delta = p[j] - cells.centre[c];
        maxDelta = Math.max(maxDelta, Math.abs(delta));
        for (let k = 0; k < MOMENTS; k++) d[k] += delta ** k;
      }
      expect(offGrid).toBe(0);
      expect(cells.moments[MOMENTS * c]).toBe(hi - lo);
      let worst = 0; // |error of D_k| / (count·(2^-17)^k), since Σ|δ|^k ≤ count·(2^-17)^k
      for (let k = 1; k < MOMENTS; k++) {
        const err = Math.abs(cells.moments[MOMENTS * c + k] - d[k]);
        worst = Math.max(worst, err / ((hi - lo) * 2 ** (-17 * k)));
      }
      expect(worst, `cell ${c}`).toBeLessThanOrEqual(1e-14);
      // a new cell starts where the grid index or the segment changes, nowhere else
      if (c > 0 && cells.segment[c - 1] === i) {
        expect(cells.centre[c]).toBeGreaterThan(cells.centre[c - 1]);
      }
    }
    expect(cells.maxDelta).toBe(maxDelta);
    expect(maxDelta).toBeLessThanOrEqual(2 ** -17);
  });

  it('summarises an empty set as no cells', () => {
    const cells = cellMoments(new Float64Array(0), segmentEnds(0, []));
    expect(cells.count).toBe(0);
    expect(Array.from(cells.start)).toEqual([0]);
  });
});

describe('seriesDegree', () => {
  it('is the least K with y^{K+1}/(K+1)!·e^y ≤ 2^-58, or −1 beyond K = 12', () => {
    const bound = (y: number, K: number) => {
      let t = 1;
      for (let k = 1; k <= K + 1; k++) t *= y / k;
      return t * Math.exp(y);
    };
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 2, noNaN: true }), (y) => {
        const K = seriesDegree(y);
        if (K < 0) {
          expect(bound(y, 12)).toBeGreaterThan(2 ** -58);
          return;
        }
        expect(bound(y, K)).toBeLessThanOrEqual(2 ** -58 * (1 + 1e-12));
        if (K > 0) expect(bound(y, K - 1)).toBeGreaterThan(2 ** -58 * (1 - 1e-12));
      }),
      { seed: 2, numRuns: 500 },
    );
    expect(seriesDegree(0)).toBe(0);
    // the app's smallest λ (10⁻⁴) at the grid's largest |δ| (2^-17), doubled for Σe²
    expect(seriesDegree(2 * 1e4 * 2 ** -17)).toBeGreaterThan(0);
  });
});

describe('cellSegmentSums', () => {
  it('equals the pass per score for both signs, λ from 10⁻⁴ to 10⁴, any support start and cuts', () => {
    const sets = [scores(6000, 3), scores(6000, 4, -1, 3), scores(3000, 5, 0, 0.3, false)];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sets.length - 1 }),
        fc.constantFrom(1 as const, -1 as const),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 5999 }), { maxLength: 6 }),
        (which, sign, log10Lambda, fromFraction, cuts) => {
          const p = sets[which];
          const from = Math.floor(fromFraction * p.length);
          expectSame(both(p, sign, 10 ** log10Lambda, from, cuts));
        },
      ),
      { seed: 3, numRuns: 150 },
    );
  });

  it('handles the ends: the whole set, the last score alone, an empty support, scores at 0 and 1', () => {
    const p = scores(4000, 6);
    for (const from of [0, 1, 3999]) {
      for (const lambda of [1e-4, 0.1, 1e4]) {
        expectSame(both(p, 1, lambda, from, [2000]));
        expectSame(both(p, -1, lambda, from, [2000]));
      }
    }
    const r = both(p, 1, 0.1, 4000, []);
    expect(r.ok).toBe(true);
    expect(Array.from(r.got.sums.subarray(0, 2))).toEqual([0, 0]);
    expect(Array.from(r.got.seg).every((v) => v === 0)).toBe(true);
    const edges = sortAscending(Float64Array.from([0, 0, 0, 1e-300, 0.5, 1 - 2 ** -53, 1, 1]));
    for (const lambda of [1e-4, 0.3]) {
      expectSame(both(edges, 1, lambda, 0, [3]));
      expectSame(both(edges, -1, lambda, 2, [3]));
    }
  });

  it('declines (and writes nothing) below the series’ reach or for cells cut at other ends', () => {
    const p = scores(2000, 7);
    const ends = segmentEnds(p.length, [500]);
    const cells = cellMoments(p, ends);
    const seg = new Float64Array(SEG_LEN * ends.length).fill(7);
    const sums = new Float64Array(SUM_LEN).fill(7);
    expect(cellSegmentSums(cells, p, 1, 1e-6, 0, ends, seg, sums)).toBe(false);
    expect(cellSegmentSums(cells, p, 1, 0.1, 0, segmentEnds(p.length, []), seg, sums)).toBe(false);
    expect(cellSegmentSums(cells, p, 1, 0.1, 0, ends.slice(), seg, sums)).toBe(false);
    expect(Array.from(seg).every((v) => v === 7)).toBe(true);
    expect(Array.from(sums).every((v) => v === 7)).toBe(true);
  });
});
