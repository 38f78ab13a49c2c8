// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lanesLayout } from '../../src/panels/common/lanes.ts';
import { RecoveryPanel } from '../../src/panels/RecoveryPanel.tsx';
import { scoreScale } from '../../src/viz/scales.ts';
import type { ExplainerData } from '../../src/explain/types.ts';
import {
  FIXTURE_PARAMS,
  badAttributes,
  histogramOnly,
  medium,
  panelProps,
  small,
  svgMarkup,
} from './fixtures.ts';

afterEach(cleanup);

/** Render at margin γ (the data does not depend on γ except for the recovery counts). */
function renderAt(margin: number, data: ExplainerData, width = 640, lang: 'en' | 'zh' = 'en') {
  const params = { ...FIXTURE_PARAMS, margin };
  const { props, recorder } = panelProps(data, { params, width, lang });
  return { view: render(<RecoveryPanel {...props} />), recorder };
}

const text = (root: Element, cls: string) => root.querySelector(`.${cls}`)!.textContent;
const x1 = (root: Element, cls: string) =>
  Number(root.querySelector(`.${cls}`)!.getAttribute('x1'));

describe('<RecoveryPanel>', () => {
  it('matches the snapshot at γ = 0.5 (one threshold)', async () => {
    const { view } = renderAt(0.5, small());
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/RecoveryPanel.small.svg');
  });

  it('matches the snapshot at γ = 0.7, 360 px wide', async () => {
    const { view } = renderAt(0.7, small({ margin: 0.7 }), 360);
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/RecoveryPanel.gap360.svg');
  });

  it('matches the snapshot with histograms when there is no per-entry detail', async () => {
    const { view } = renderAt(0.5, histogramOnly());
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/RecoveryPanel.hist.svg');
  });

  it('counts each side of each threshold, agreeing with the candidates themselves', () => {
    for (const margin of [0.5, 0.7, 0.2]) {
      const data = small({ margin });
      const d = data.detail!;
      let posAbove = 0;
      let posBelow = 0;
      let negBelow = 0;
      let negAbove = 0;
      for (let i = 0; i < d.p.length; i++) {
        if (d.positive[i] === 1) {
          if (d.p[i] >= margin) posAbove++;
          else posBelow++;
        } else if (d.p[i] <= 1 - margin) negBelow++;
        else negAbove++;
      }
      expect(data.recovery).toMatchObject({ posAbove, negBelow, posTotal: posAbove + posBelow });
      const { view } = renderAt(margin, data);
      const c = view.container;
      expect(text(c, 'count-pos-above')).toBe(`p ≥ γ: ${posAbove}`);
      expect(text(c, 'count-pos-below')).toBe(`p < γ: ${posBelow}`);
      expect(text(c, 'count-neg-below')).toBe(`p ≤ 1 − γ: ${negBelow}`);
      expect(text(c, 'count-neg-above')).toBe(`p > 1 − γ: ${negAbove}`);
      expect(c.textContent).toContain(
        `positives with p ≥ γ: ${posAbove} of ${posAbove + posBelow}`,
      );
      cleanup();
    }
  });

  it('puts γ over the positives and 1 − γ over the negatives on the shared score axis', () => {
    const x = scoreScale(640, lanesLayout(640, 40).margins);
    const { view } = renderAt(0.7, small({ margin: 0.7 }));
    expect(x1(view.container, 'threshold-pos')).toBeCloseTo(x(0.7), 1);
    expect(x1(view.container, 'threshold-neg')).toBeCloseTo(x(0.3), 1);
    // At γ = 0.5 they coincide and their labels sit on different rows.
    cleanup();
    const { view: v2 } = renderAt(0.5, small());
    expect(x1(v2.container, 'threshold-pos')).toBeCloseTo(x1(v2.container, 'threshold-neg'), 6);
    const y = (cls: string) => v2.container.querySelector(`.${cls}`)!.getAttribute('y');
    expect(y('label-pos')).not.toBe(y('label-neg'));
  });

  it('says what γ implies, conditionally: the premise fails for the fixture, so nothing is claimed', () => {
    const note = (margin: number) => {
      const { view } = renderAt(margin, small({ margin }));
      const t = [...view.container.querySelectorAll('p.recovery-note')].map((p) => p.textContent);
      cleanup();
      return t.join(' ');
    };
    expect(note(0.5)).toMatch(
      /if every pair met the margin, the single threshold 0\.5 would separate/,
    );
    expect(note(0.7)).toMatch(
      /no candidate would score between 0\.3 and 0\.7\. The premise fails now/,
    );
    expect(note(0.3)).toMatch(/a score between 0\.3 and 0\.7 is allowed for both labels/);
    for (const g of [0.3, 0.5, 0.7]) expect(note(g)).not.toMatch(/ambiguous|separates the classes/);
  });

  it('names the chart with both thresholds and the counts', () => {
    const data = small();
    renderAt(0.5, data);
    const chart = screen.getByRole('group', { name: /thresholds γ = 0\.5 and 1 − γ = 0\.5/ });
    expect(chart.getAttribute('aria-label')).toContain(
      `${data.recovery.posAbove} of ${data.recovery.posTotal} positives at or above γ`,
    );
  });

  it('reports hover of a candidate with its flat index', () => {
    const data = small();
    const { view, recorder } = renderAt(0.5, data);
    const flat = data.detail!.index[6];
    fireEvent.pointerEnter(view.container.querySelector(`.candidate[data-index="${flat}"]`)!);
    expect(recorder.hovers).toEqual([flat]);
  });

  it('draws no NaN or Infinity for every fixture and for γ at 0 and 1, in Chinese', () => {
    for (const data of [small(), medium(), histogramOnly()]) {
      for (const margin of [0, 1]) {
        const { view } = renderAt(margin, data, 360, 'zh');
        expect(badAttributes(view)).toEqual([]);
        expect(view.container.querySelector('h2')!.textContent).toBe('7 · 恢复分类（§3.3）');
        cleanup();
      }
    }
  });
});
