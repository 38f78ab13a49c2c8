// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { WorstCasePanel } from '../../src/panels/WorstCasePanel.tsx';
import { lanesLayout } from '../../src/panels/common/lanes.ts';
import { scoreScale } from '../../src/viz/scales.ts';
import { explain } from '../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import {
  badAttributes,
  histogramOnly,
  medium,
  panelProps,
  seededSet,
  small,
  svgMarkup,
} from './fixtures.ts';

afterEach(cleanup);

const x640 = scoreScale(640, lanesLayout(640, 40).margins);
const attr = (el: Element | null, name: string) => Number(el!.getAttribute(name));

describe('WorstCasePanel', () => {
  it('marks max p− and min p+ on the score axis of the 12-candidate fixture (snapshot)', async () => {
    const data = small();
    const view = render(<WorstCasePanel {...panelProps(data).props} />);
    const maxNeg = view.container.querySelector('.max-neg');
    const minPos = view.container.querySelector('.min-pos');
    expect(attr(maxNeg, 'x1')).toBeCloseTo(x640(data.worstCase.maxNeg), 2);
    expect(attr(minPos, 'x1')).toBeCloseTo(x640(data.worstCase.minPos), 2);
    const d = data.detail!;
    const negs = Array.from(d.p).filter((_, k) => d.positive[k] === 0);
    const poss = Array.from(d.p).filter((_, k) => d.positive[k] === 1);
    expect(data.worstCase.maxNeg).toBe(Math.max(...negs));
    expect(data.worstCase.minPos).toBe(Math.min(...poss));
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/WorstCasePanel.small.svg');
  });

  it('shades the margin band from min p+ − γ to min p+', () => {
    const data = small();
    const view = render(<WorstCasePanel {...panelProps(data).props} />);
    const band = view.container.querySelector('.margin-band')!;
    const lo = Math.max(0, data.worstCase.minPos - 0.5);
    expect(attr(band, 'x')).toBeCloseTo(x640(lo), 2);
    expect(attr(band, 'x') + attr(band, 'width')).toBeCloseTo(x640(data.worstCase.minPos), 1);
  });

  it('shows z = max p− − min p+ + γ and the worst-case loss beside the DR loss', () => {
    const data = small();
    const view = render(<WorstCasePanel {...panelProps(data).props} />);
    const readout = (term: string) =>
      [...view.container.querySelectorAll('.readout')]
        .find((r) => r.querySelector('dt')!.textContent === term)!
        .querySelector('dd')!.textContent;
    const z = data.worstCase.maxNeg - data.worstCase.minPos + 0.5;
    expect(Number(readout('z = max p− − min p+ + γ'))).toBeCloseTo(z, 3);
    expect(Number(readout('worst-case loss τ·ℓ(z)'))).toBeCloseTo(data.worstCase.loss, 3);
    expect(Number(readout('DR loss, for comparison'))).toBeCloseTo(data.result.loss, 3);
    expect(data.worstCase.loss).toBeGreaterThan(data.result.loss);
  });

  it('names the chart with the worst pair, γ, z and the loss', () => {
    const data = small();
    const view = render(<WorstCasePanel {...panelProps(data).props} />);
    const label = view.container.querySelector('svg[role="group"]')!.getAttribute('aria-label')!;
    expect(label).toContain(`max p− = ${data.worstCase.maxNeg.toFixed(4)}`);
    expect(label).toContain(`min p+ = ${data.worstCase.minPos.toFixed(4)}`);
    expect(label).toContain('margin γ = 0.5');
  });

  it('candidates here are editable too: a key nudge asks for the new logit of that row', () => {
    const { props, recorder } = panelProps(small());
    const view = render(<WorstCasePanel {...props} />);
    const dot = view.container.querySelector('.candidate[data-index="1"]')!;
    fireEvent.keyDown(dot, { key: 'ArrowUp' });
    fireEvent.pointerEnter(dot);
    expect(recorder.edits[0]).toMatchObject({ kind: 'setLogit', row: 1, cls: 0 });
    expect(recorder.hovers).toEqual([1]);
  });

  it('draws no worst-pair marks for an empty set, and says which convention applies', () => {
    const none = explain(
      seededSet(20, () => false, 3),
      DEFAULT_APP_PARAMS,
    );
    const view = render(<WorstCasePanel {...panelProps(none).props} />);
    expect(view.container.querySelector('.min-pos')).toBeNull();
    expect(view.container.querySelector('.margin-band')).toBeNull();
    expect(view.container.querySelector('.max-neg')).not.toBeNull();
    expect(screen.getByText(/No positive entry/)).toBeTruthy();
  });

  it('works from histograms alone: marks still drawn, no candidate elements (snapshot)', async () => {
    const view = render(<WorstCasePanel {...panelProps(histogramOnly()).props} />);
    expect(view.container.querySelector('.max-neg')).not.toBeNull();
    expect(view.container.querySelectorAll('.candidate')).toHaveLength(0);
    await expect(svgMarkup(view)).toMatchFileSnapshot(
      './__snapshots__/WorstCasePanel.histogram.svg',
    );
  });

  it('has no NaN or Infinity in any attribute and no KaTeX error, at 360 px and for every fixture', () => {
    for (const data of [small(), medium(), histogramOnly()]) {
      const view = render(<WorstCasePanel {...panelProps(data, { width: 360 }).props} />);
      expect(badAttributes(view)).toEqual([]);
      expect(view.container.querySelector('.katex-error')).toBeNull();
      cleanup();
    }
  });

  it('speaks Chinese when lang is zh', () => {
    render(<WorstCasePanel {...panelProps(small(), { lang: 'zh' }).props} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/最坏情况/);
  });
});
