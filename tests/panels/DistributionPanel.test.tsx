// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DistributionPanel } from '../../src/panels/DistributionPanel.tsx';
import { CHART_MARGINS, scoreScale } from '../../src/viz/scales.ts';
import { explain } from '../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';
import {
  badAttributes,
  FIXTURE_PARAMS,
  histogramOnly,
  medium,
  panelProps,
  seededSet,
  small,
  svgMarkup,
} from './fixtures.ts';

afterEach(cleanup);

const x640 = scoreScale(640, { ...CHART_MARGINS, top: 34 });
const num = (el: Element | null, name: string) => Number(el!.getAttribute(name));
const withParams = (p: Partial<AppParams>) => {
  const params = { ...FIXTURE_PARAMS, ...p };
  return panelProps(small(p), { params });
};

describe('DistributionPanel', () => {
  it('draws one stem per candidate of the 12-candidate fixture, o beside q (snapshot)', async () => {
    const view = render(<DistributionPanel {...panelProps(small()).props} />);
    const neg = view.container.querySelector('.chart-distribution-neg')!;
    const pos = view.container.querySelector('.chart-distribution-pos')!;
    expect(neg.querySelectorAll('.candidate')).toHaveLength(9);
    expect(pos.querySelectorAll('.candidate')).toHaveLength(3);
    expect(neg.querySelectorAll('.o-tick')).toHaveLength(9);
    await expect(svgMarkup(view)).toMatchFileSnapshot(
      './__snapshots__/DistributionPanel.small.svg',
    );
  });

  it('puts each dot at the height of its q: the highest-scoring negative is drawn highest', () => {
    const data = small();
    const view = render(<DistributionPanel {...panelProps(data).props} />);
    const d = data.detail!;
    const negs = [...d.index.keys()].filter((k) => d.positive[k] === 0);
    const hardest = negs.reduce((a, b) => (d.p[b] > d.p[a] ? b : a));
    const cy = (k: number) =>
      num(view.container.querySelector(`.candidate[data-index="${d.index[k]}"] circle`), 'cy');
    for (const k of negs) if (k !== hardest) expect(cy(hardest)).toBeLessThan(cy(k));
    // Uniform o: every negative's o tick at the same height 1/n−.
    const ticks = [...view.container.querySelectorAll('.chart-distribution-neg .o-tick')];
    expect(new Set(ticks.map((t) => t.getAttribute('y1'))).size).toBe(1);
  });

  it('marks P̂− and P̂+ where Σ q·p puts them, and the plain means', () => {
    const data = small();
    const view = render(<DistributionPanel {...panelProps(data).props} />);
    const at = (chart: string, cls: string) =>
      num(view.container.querySelector(`${chart} .${cls} line`), 'x1');
    expect(at('.chart-distribution-neg', 'phat-marker')).toBeCloseTo(x640(data.result.pMinus), 2);
    expect(at('.chart-distribution-pos', 'phat-marker')).toBeCloseTo(x640(data.result.pPlus), 2);
    expect(at('.chart-distribution-neg', 'mean-marker')).toBeCloseTo(x640(data.neg.mean), 2);
    expect(screen.getByText(`P̂− = ${data.result.pMinus.toFixed(4)}`)).toBeTruthy();
  });

  it('follows λ−: a large λ− brings P̂− to the plain mean, a small one to max p− (Prop. 1 limits)', () => {
    const phat = (lambdaNeg: number) => {
      const { props } = withParams({ lambdaNeg });
      const view = render(<DistributionPanel {...props} />);
      const v = num(
        view.container.querySelector('.chart-distribution-neg .phat-marker line'),
        'x1',
      );
      cleanup();
      return v;
    };
    expect(phat(1e4)).toBeCloseTo(x640(small().neg.mean), 1);
    expect(phat(1e-3)).toBeCloseTo(x640(small().neg.max), 1);
    expect(phat(1e4)).toBeLessThan(phat(FIXTURE_PARAMS.lambdaNeg));
  });

  it('with the hard-negative prior draws o = 1/n̂ on the top n̂ negatives and 0 elsewhere', () => {
    const { props } = withParams({ original: 'hardNegative', hardK: 3 });
    const view = render(<DistributionPanel {...props} />);
    const ticks = [...view.container.querySelectorAll('.chart-distribution-neg .o-tick')];
    const ys = ticks.map((t) => num(t, 'y1'));
    const bottom = Math.max(...ys);
    expect(ys.filter((y) => y === bottom)).toHaveLength(6);
    expect(ys.filter((y) => y < bottom)).toHaveLength(3);
  });

  it('draws 40-bin histograms (o bars, q outline) for thousands of candidates (snapshot)', async () => {
    const view = render(<DistributionPanel {...panelProps(histogramOnly()).props} />);
    expect(view.container.querySelectorAll('.candidate')).toHaveLength(0);
    expect(view.container.querySelectorAll('.q-outline')).toHaveLength(2);
    expect(view.container.querySelectorAll('.o-bar').length).toBeGreaterThan(5);
    await expect(svgMarkup(view)).toMatchFileSnapshot(
      './__snapshots__/DistributionPanel.histogram.svg',
    );
    cleanup();
    const mid = render(<DistributionPanel {...panelProps(medium()).props} />);
    expect(mid.container.querySelectorAll('.q-outline')).toHaveLength(2);
  });

  it('names each chart with n, the mean, P̂, ε and the effective sample size', () => {
    const data = small();
    const view = render(<DistributionPanel {...panelProps(data).props} />);
    const label = view.container
      .querySelector('.chart-distribution-neg svg')!
      .getAttribute('aria-label')!;
    expect(label).toContain('9 negatives');
    expect(label).toContain(`P̂− = ${data.result.pMinus.toFixed(4)}`);
    expect(label).toContain(`ε− = ${Number(data.result.klNeg.toPrecision(4))}`);
    expect(label).toContain(`effective sample size ${Number(data.result.essNeg.toPrecision(4))}`);
  });

  it('lets a stem’s dot be hovered, nudged, relabelled and deleted', () => {
    const { props, recorder } = panelProps(small());
    const view = render(<DistributionPanel {...props} />);
    const dot = view.container.querySelector('.chart-distribution-pos .candidate[data-index="9"]')!;
    fireEvent.focus(dot);
    fireEvent.keyDown(dot, { key: 'ArrowDown' });
    fireEvent.keyDown(dot, { key: ' ' });
    fireEvent.keyDown(dot, { key: 'Backspace' });
    expect(recorder.hovers).toEqual([9]);
    expect(recorder.edits.map((e) => e.kind)).toEqual(['setLogit', 'cycleLabel', 'delete']);
    expect(recorder.edits[0]).toMatchObject({ row: 9, cls: 0 });
  });

  it('rings the hovered candidate and boxes its q and q·p terms in the equations', () => {
    const view = render(<DistributionPanel {...panelProps(small(), { hovered: 9 }).props} />);
    expect(view.container.querySelector('.chart-distribution-pos .hover-ring')).not.toBeNull();
    expect(view.container.querySelector('.chart-distribution-neg .hover-ring')).toBeNull();
    expect(view.container.querySelectorAll('.katex .boxed, .katex .fbox').length).toBeGreaterThan(
      0,
    );
  });

  it('has no NaN or Infinity in any attribute and no KaTeX error, at 360 px, for every fixture', () => {
    const none = explain(
      seededSet(20, () => false, 3),
      DEFAULT_APP_PARAMS,
    );
    for (const data of [small(), medium(), histogramOnly(), none]) {
      const view = render(<DistributionPanel {...panelProps(data, { width: 360 }).props} />);
      expect(badAttributes(view)).toEqual([]);
      expect(view.container.querySelector('.katex-error')).toBeNull();
      for (const svg of view.container.querySelectorAll('svg[width]'))
        expect(Number(svg.getAttribute('width'))).toBeLessThanOrEqual(360);
      cleanup();
    }
  });

  it('leaves out the chart of an empty set and states the convention', () => {
    const none = explain(
      seededSet(20, () => false, 3),
      DEFAULT_APP_PARAMS,
    );
    const view = render(<DistributionPanel {...panelProps(none).props} />);
    expect(view.container.querySelector('.chart-distribution-pos')).toBeNull();
    expect(view.container.querySelector('.chart-distribution-neg')).not.toBeNull();
    expect(screen.getByText(/No positive entry/)).toBeTruthy();
  });

  it('speaks Chinese when lang is zh', () => {
    render(<DistributionPanel {...panelProps(small(), { lang: 'zh' }).props} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/分布排序/);
  });
});
