// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { logisticLoss, quadraticLoss } from '../../src/engine/surrogates.ts';
import {
  maxGap,
  sampleSurrogate,
  surrogatesAt,
  zDomain,
} from '../../src/panels/smoothing/smoothingCurves.ts';
import { SmoothingPanel } from '../../src/panels/SmoothingPanel.tsx';
import { fmtNum } from '../../src/viz/format.ts';
import { FIXTURE_PARAMS, badAttributes, panelProps, small, svgMarkup } from './fixtures.ts';

afterEach(cleanup);

describe('smoothing curves (Eq. 7–8)', () => {
  it('the largest gap to the hinge is log 2 / L (logistic) and ρ/4 (quadratic), reached at z = 0', () => {
    for (const [L, rho] of [
      [6, 0.5],
      [0.3, 0.02],
      [50, 1],
    ]) {
      expect(maxGap('logistic', L, rho)).toBeCloseTo(Math.LN2 / L, 15);
      expect(maxGap('quad', L, rho)).toBeCloseTo(rho / 4, 15);
      // A dense scan never exceeds it (to 1e-12) and z = 0 attains it.
      let worstLog = 0;
      let worstQuad = 0;
      for (let i = 0; i <= 4000; i++) {
        const z = -2 + i / 1000;
        const [, quad, logistic] = surrogatesAt(z, L, rho);
        worstLog = Math.max(worstLog, logistic.gap);
        worstQuad = Math.max(worstQuad, quad.gap);
        expect(logistic.gap).toBeGreaterThanOrEqual(0);
        expect(quad.gap).toBeGreaterThanOrEqual(-1e-15);
      }
      expect(Math.abs(worstLog - Math.LN2 / L)).toBeLessThan(1e-12);
      expect(Math.abs(worstQuad - rho / 4)).toBeLessThan(1e-12);
    }
  });

  it('the logistic gap keeps its digits far from 0, where ℓ(z) − [z]+ would cancel', () => {
    const [, , logistic] = surrogatesAt(10, 6, 0.5);
    // log1p(e^{−60})/6 ≈ 1.4e-27: the naive difference ℓ(z) − z is exactly 0 in float64.
    expect(logisticLoss(10, 6) - 10).toBe(0);
    expect(logistic.gap / (Math.exp(-60) / 6)).toBeCloseTo(1, 12);
  });

  it('samples include the kinks at 0 (hinge) and ±ρ (quadratic) exactly', () => {
    expect(sampleSurrogate('hinge', -1.5, 1.5, 6, 0.5)).toEqual([
      [-1.5, 0],
      [0, 0],
      [1.5, 1.5],
    ]);
    const quad = sampleSurrogate('quad', -1.5, 1.5, 6, 0.37, 10);
    expect(quad.map((p) => p[0])).toContain(-0.37);
    expect(quad.map((p) => p[0])).toContain(0.37);
    for (const [z, v] of quad) expect(v).toBe(quadraticLoss(z, 0.37));
  });

  it('the z axis always holds the current z', () => {
    expect(zDomain(0.2)).toEqual([-1.5, 1.5]);
    expect(zDomain(1.9)[1]).toBeCloseTo(2.0, 12);
    expect(zDomain(NaN)).toEqual([-1.5, 1.5]);
  });
});

describe('<SmoothingPanel>', () => {
  it('matches the snapshot on the small fixture (logistic, defaults)', async () => {
    const { props } = panelProps(small());
    const view = render(<SmoothingPanel {...props} />);
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/SmoothingPanel.small.svg');
  });

  it('matches the snapshot with the quadratic surrogate at 360 px', async () => {
    const params = { ...FIXTURE_PARAMS, smoothing: 'quad' as const, rho: 0.2 };
    const { props } = panelProps(small(params), { params, width: 360 });
    const view = render(<SmoothingPanel {...props} />);
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/SmoothingPanel.quad360.svg');
  });

  it('names the chart with the current z and each surrogate’s value there', () => {
    const data = small();
    const { props } = panelProps(data);
    render(<SmoothingPanel {...props} />);
    const chart = screen.getByRole('img');
    const label = chart.getAttribute('aria-label')!;
    const z = data.result.z;
    expect(label).toContain(`z = ${fmtNum(z)}`);
    expect(label).toContain(fmtNum(logisticLoss(z, FIXTURE_PARAMS.L)));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('5 · Smoothing (Eq. 7–8)');
  });

  it('marks the surrogate in use in the table and lists each one’s gap', () => {
    const { props } = panelProps(small());
    render(<SmoothingPanel {...props} />);
    const current = document.querySelector('tr[aria-current="true"]')!;
    expect(current.textContent).toContain('logistic, L = 6');
    expect(current.textContent).toContain(fmtNum(Math.LN2 / 6));
    const rows = [...document.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows.some((r) => r!.includes(`quadratic, ρ = 0.5`) && r!.includes('0.125'))).toBe(true);
  });

  it('moves the current-z rule when γ moves z', () => {
    const xOf = (margin: number) => {
      const params = { ...FIXTURE_PARAMS, margin };
      const { props } = panelProps(small(params), { params });
      const view = render(<SmoothingPanel {...props} />);
      const x = Number(view.container.querySelector('line.current-z')!.getAttribute('x1'));
      view.unmount();
      return x;
    };
    expect(xOf(0.8)).toBeGreaterThan(xOf(0.2) + 10);
  });

  it('draws no NaN or Infinity at extreme parameters, in Chinese', () => {
    for (const extra of [
      { L: 50, rho: 0.01, margin: 1 },
      { L: 0.1, rho: 1, margin: 0, lambdaNeg: 1e-4, lambdaPos: 1e4 },
    ]) {
      const params = { ...FIXTURE_PARAMS, ...extra };
      const { props } = panelProps(small(params), { params, lang: 'zh', width: 360 });
      const view = render(<SmoothingPanel {...props} />);
      expect(badAttributes(view)).toEqual([]);
      expect(view.container.querySelector('h2')!.textContent).toBe('5 · 平滑（式 7–8）');
      view.unmount();
    }
  });
});
