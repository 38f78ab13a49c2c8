// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  detailPositions,
  labelTargets,
  PAGE_ENTRIES,
  pageCount,
  pageOfRow,
  pageRows,
  rowsPerPage,
  tableHeightEstimate,
} from '../../src/app/tableRows.ts';
import { explain } from '../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';

describe('candidate table paging', () => {
  it('pages hold PAGE_ENTRIES entries: 200 one-class rows, 66 three-class rows, one 80-class row… at least one row', () => {
    expect(rowsPerPage(1)).toBe(PAGE_ENTRIES);
    expect(rowsPerPage(3)).toBe(66);
    expect(rowsPerPage(80)).toBe(2);
    expect(rowsPerPage(500)).toBe(1);
  });

  it('a set of at most 200 one-class rows is one page', () => {
    expect(pageCount(200, 1)).toBe(1);
    expect(pageCount(201, 1)).toBe(2);
    expect(pageCount(0, 1)).toBe(1);
  });

  it('pages cover every row once, in order, and clamp out-of-range pages', () => {
    const R = 300;
    const K = 3;
    const seen: number[] = [];
    for (let p = 0; p < pageCount(R, K); p++) {
      const { from, to } = pageRows(p, R, K);
      for (let r = from; r < to; r++) seen.push(r);
    }
    expect(seen).toEqual(Array.from({ length: R }, (_, r) => r));
    expect(pageRows(99, R, K)).toEqual({ page: 4, from: 264, to: 300 });
    expect(pageRows(-3, R, K).page).toBe(0);
    expect(pageOfRow(299, K)).toBe(4);
  });

  it('label choices run in the cycle order: background, classes, ignored', () => {
    expect(labelTargets(1)).toEqual([0, 1, -1]);
    expect(labelTargets(3)).toEqual([0, 1, 2, 3, -1]);
  });
});

describe('detail positions', () => {
  it('map each listed entry to its detail slot and ignored ones to −1', () => {
    const set = {
      R: 3,
      K: 2,
      logits: Float64Array.of(0, 1, 2, 3, 4, 5),
      targets: Int32Array.of(1, -1, 0),
    };
    const { detail } = explain(set, DEFAULT_APP_PARAMS);
    const pos = detailPositions(detail, 6);
    expect(Array.from(pos)).toEqual([0, 1, -1, -1, 2, 3]);
    for (let flat = 0; flat < 6; flat++) {
      if (pos[flat] >= 0) expect(detail!.logit[pos[flat]]).toBe(set.logits[flat]);
    }
    expect(Array.from(detailPositions(null, 3))).toEqual([-1, -1, -1]);
  });
});

describe('tableHeightEstimate', () => {
  it('grows with the lines of the page (rows × classes), header included', () => {
    expect(tableHeightEstimate(0, 1)).toBe(40);
    expect(tableHeightEstimate(200, 1)).toBe(tableHeightEstimate(40, 5));
    expect(tableHeightEstimate(200, 1)).toBeGreaterThan(6000); // ≈ the 7,059 px measured at 1280 px
    expect(tableHeightEstimate(200, 1)).toBeLessThan(8000);
  });
});
