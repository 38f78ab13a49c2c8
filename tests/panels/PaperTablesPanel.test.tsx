// @vitest-environment jsdom
import { cleanup, render, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  TABLE1,
  TABLE2,
  lambdaDistance,
  nearestRow,
  surrogateDistance,
} from '../../src/panels/paperTables/paperTables.ts';
import { PaperTablesPanel } from '../../src/panels/PaperTablesPanel.tsx';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';
import { FIXTURE_PARAMS, badAttributes, panelProps, small } from './fixtures.ts';

afterEach(cleanup);

const withParams = (p: Partial<AppParams>): AppParams => ({ ...DEFAULT_APP_PARAMS, ...p });

describe('paper tables as data (docs/maths.md §7)', () => {
  it('hold the paper’s AP values, best 37.4 in both ablations', () => {
    expect(TABLE1.map((r) => r.ap)).toEqual([37.1, 37.4, 37.2, 36.6, 36.7, 35.6]);
    expect(TABLE2.map((r) => r.ap)).toEqual([36.1, 35.8, 36.9, 37.2, 37.2, 37.4, 37.1, 36.8]);
    expect(TABLE1[1]).toMatchObject({ hPos: Math.E, hNeg: 3.5 });
    expect(TABLE2[5]).toMatchObject({ kind: 'logistic', L: 6 });
  });
});

describe('nearestRow', () => {
  it('finds the paper’s best rows at the defaults, at distance 0', () => {
    const near = nearestRow(DEFAULT_APP_PARAMS);
    expect(near.table1.index).toBe(1);
    expect(near.table1.distance).toBeLessThan(1e-12);
    expect(near.table2).toEqual({ index: 5, distance: 0 });
  });

  it('follows λ± read as h± = e^{1/λ+}, e^{0.1/λ−}', () => {
    expect(nearestRow(withParams({ lambdaNeg: 0.1 / Math.log(20) })).table1.index).toBe(3);
    expect(nearestRow(withParams({ lambdaNeg: 0.1 / Math.log(5) })).table1.index).toBe(2);
    expect(nearestRow(withParams({ lambdaPos: 1 / Math.log(20) })).table1.index).toBe(5);
    expect(nearestRow(withParams({ lambdaNeg: 0.1 })).table1.index).toBe(0); // h− = e
    // On the log scale: λ− = 0.1/ln 4 is 0.13 from h− = 3.5 and 0.32 from h− = 5.5.
    expect(lambdaDistance(withParams({ lambdaNeg: 0.1 / Math.log(4) }), TABLE1[1])).toBeCloseTo(
      Math.log(Math.log(4) / Math.log(3.5)),
      12,
    );
  });

  it('compares only rows of the current surrogate, by log L or log ρ', () => {
    expect(nearestRow(withParams({ smoothing: 'hinge' })).table2).toEqual({
      index: 1,
      distance: 0,
    });
    expect(nearestRow(withParams({ smoothing: 'quad', rho: 0.3 })).table2.index).toBe(2);
    expect(nearestRow(withParams({ smoothing: 'quad', rho: 0.4 })).table2.index).toBe(3);
    expect(nearestRow(withParams({ L: 7 })).table2.index).toBe(6); // |ln 7/8| < |ln 7/6|
    expect(nearestRow(withParams({ L: 50 })).table2.index).toBe(7);
    expect(surrogateDistance(withParams({}), TABLE2[0])).toBe(Infinity);
  });

  it('for any valid parameters: a row of the current surrogate, no nearer row, finite distances', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
        fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
        fc.double({ min: 0.1, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom('logistic', 'quad', 'hinge' as const),
        (lambdaPos, lambdaNeg, L, rho, smoothing) => {
          const p = withParams({ lambdaPos, lambdaNeg, L, rho, smoothing });
          const near = nearestRow(p);
          expect(TABLE2[near.table2.index].kind).toBe(smoothing);
          expect(Number.isFinite(near.table1.distance)).toBe(true);
          for (const row of TABLE1) {
            expect(lambdaDistance(p, row)).toBeGreaterThanOrEqual(near.table1.distance);
          }
          for (const row of TABLE2) {
            expect(surrogateDistance(p, row)).toBeGreaterThanOrEqual(near.table2.distance);
          }
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('<PaperTablesPanel>', () => {
  it('marks exactly one nearest row per ablation table, visibly and with aria-current', () => {
    const { props } = panelProps(small());
    const view = render(<PaperTablesPanel {...props} />);
    const tables = view.container.querySelectorAll('table');
    expect(tables).toHaveLength(2);
    const marked = [...tables].map((tb) => tb.querySelectorAll('tr[aria-current="true"]'));
    expect(marked.map((m) => m.length)).toEqual([1, 1]);
    expect(marked[0][0].textContent).toContain('h+ = e, h− = 3.5');
    expect(marked[0][0].textContent).toContain('nearest to the current settings');
    expect(marked[1][0].textContent).toContain('logistic, L = 6');
    expect(within(tables[0]).getAllByText('37.4')).toHaveLength(1);
  });

  it('moves the mark when the parameters change', () => {
    const params = {
      ...FIXTURE_PARAMS,
      smoothing: 'quad' as const,
      rho: 0.2,
      lambdaNeg: 0.1 / Math.log(20),
    };
    const { props } = panelProps(small(), { params });
    const view = render(<PaperTablesPanel {...props} />);
    const [t1, t2] = view.container.querySelectorAll('table');
    expect(t1.querySelector('tr[aria-current="true"]')!.textContent).toContain('h− = 20');
    expect(t2.querySelector('tr[aria-current="true"]')!.textContent).toContain(
      'quadratic, ρ = 0.2',
    );
  });

  it('shows Table 3, test-dev and the threshold test from the data, in Chinese too', () => {
    const { props } = panelProps(small(), { lang: 'zh' });
    const view = render(<PaperTablesPanel {...props} />);
    const text = view.container.textContent!;
    expect(view.container.querySelector('h2')!.textContent).toBe('8 · 论文中的数字');
    for (const v of [
      '12.9',
      '37.0',
      '39.1 → Dr.Retina 41.7',
      '40.8 → Dr.Retina 43.1',
      '36.1 → 28.4',
      '37.4 → 37.2',
    ]) {
      expect(text).toContain(v);
    }
    expect(text).not.toMatch(/\{\w+\}/); // every placeholder filled
    expect(badAttributes(view)).toEqual([]);
  });

  it('reads a tiny λ as h = e^… instead of Infinity', () => {
    const params = { ...FIXTURE_PARAMS, lambdaPos: 1e-4, lambdaNeg: 1e-4 };
    const { props } = panelProps(small(), { params });
    const view = render(<PaperTablesPanel {...props} />);
    expect(view.container.textContent).toContain(
      'h+ = e^(1/λ+) = e^10000, h− = e^(0.1/λ−) = e^1000',
    );
    expect(view.container.textContent).not.toMatch(/Infinity|NaN/);
  });
});
