// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ImbalancePanel } from '../../src/panels/ImbalancePanel.tsx';
import { scoreScale } from '../../src/viz/scales.ts';
import { lanesLayout } from '../../src/panels/common/lanes.ts';
import {
  badAttributes,
  histogramOnly,
  medium,
  panelProps,
  seededSet,
  small,
  svgMarkup,
  fakeAnimationFrames,
  logit,
  candidateMark,
} from './fixtures.ts';
import { explain } from '../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';

fakeAnimationFrames();
afterEach(cleanup);

const candidate = (container: HTMLElement, flat: number) => candidateMark(container, flat);

describe('ImbalancePanel', () => {
  it('draws the 12-candidate fixture as SVG dots (snapshot)', async () => {
    const view = render(<ImbalancePanel {...panelProps(small()).props} />);
    expect(view.container.querySelectorAll('.candidate')).toHaveLength(12);
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/ImbalancePanel.small.svg');
  });

  it('draws per-lane histograms when there is no per-entry detail (snapshot)', async () => {
    const view = render(<ImbalancePanel {...panelProps(histogramOnly()).props} />);
    expect(view.container.querySelectorAll('.candidate')).toHaveLength(0);
    expect(view.container.querySelectorAll('.hist-neg rect').length).toBeGreaterThan(5);
    expect(view.container.querySelectorAll('.hist-pos rect').length).toBeGreaterThan(2);
    await expect(svgMarkup(view)).toMatchFileSnapshot(
      './__snapshots__/ImbalancePanel.histogram.svg',
    );
  });

  it('draws 5,000 candidates on a canvas with an accessible name, not as SVG elements', () => {
    const view = render(<ImbalancePanel {...panelProps(medium()).props} />);
    expect(view.container.querySelectorAll('.candidate')).toHaveLength(0);
    const canvas = view.container.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toMatch(/5,000 candidates/);
  });

  it('has a heading, a named chart stating the counts and means, and a named slider per candidate', () => {
    const data = small();
    const view = render(<ImbalancePanel {...panelProps(data).props} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/Imbalance/);
    const chart = view.container.querySelector('svg[role="group"]')!;
    expect(chart.getAttribute('aria-label')).toContain('3 positives and 9 negatives');
    const sliders = screen.getAllByRole('slider');
    expect(sliders).toHaveLength(12);
    for (const s of sliders) expect(s.getAttribute('aria-label')).toMatch(/^Candidate row \d+/);
  });

  it('states the negatives’ share of the cross-entropy as fromNeg / total', () => {
    const data = small();
    render(<ImbalancePanel {...panelProps(data).props} />);
    const pct = ((100 * data.bce!.fromNeg) / data.bce!.total).toFixed(1);
    expect(screen.getByText(new RegExp(`contribute ${pct}%`))).toBeTruthy();
  });

  it('reports hover and focus with the candidate’s flat index, and null on leave and blur', () => {
    const { props, recorder } = panelProps(small());
    const view = render(<ImbalancePanel {...props} />);
    const dot = candidate(view.container, 4);
    fireEvent.pointerEnter(dot);
    fireEvent.pointerLeave(dot);
    fireEvent.focus(dot);
    fireEvent.blur(dot);
    expect(recorder.hovers).toEqual([4, null, 4, null]);
  });

  it('highlights the hovered candidate (bigger dot and a ring) and boxes its term in Eq. 1–2', () => {
    const view = render(<ImbalancePanel {...panelProps(small(), { hovered: 4 }).props} />);
    const dots = candidate(view.container, 4).querySelectorAll('circle');
    expect(Number(dots[1].getAttribute('r'))).toBe(7);
    expect(view.container.querySelector('.hover-ring')).not.toBeNull();
    expect(view.container.querySelector('.katex .boxed, .katex .fbox')).not.toBeNull();
    expect(view.container.querySelector('.katex-error')).toBeNull();
  });

  it('nudges a score by ±0.01 with the arrow keys and asks for the matching logit', () => {
    const data = small();
    const { props, recorder } = panelProps(data);
    const view = render(<ImbalancePanel {...props} />);
    const k = Array.from(data.detail!.index).indexOf(5);
    const p = data.detail!.p[k];
    fireEvent.keyDown(candidate(view.container, 5), { key: 'ArrowRight' });
    fireEvent.keyDown(candidate(view.container, 5), { key: 'ArrowLeft', shiftKey: true });
    expect(recorder.edits).toHaveLength(2);
    const [up, down] = recorder.edits;
    expect(up).toMatchObject({ kind: 'setLogit', row: 5, cls: 0 });
    expect(down).toMatchObject({ kind: 'setLogit', row: 5, cls: 0 });
    if (up.kind !== 'setLogit' || down.kind !== 'setLogit') throw new Error('unreachable');
    expect(Math.abs(up.logit - logit(p + 0.01))).toBeLessThan(1e-9);
    expect(Math.abs(down.logit - logit(p - 0.1))).toBeLessThan(1e-9);
  });

  it('cycles the label on Enter and deletes on Delete', () => {
    const { props, recorder } = panelProps(small());
    const view = render(<ImbalancePanel {...props} />);
    fireEvent.keyDown(candidate(view.container, 3), { key: 'Enter' });
    fireEvent.keyDown(candidate(view.container, 3), { key: 'Delete' });
    expect(recorder.edits).toEqual([
      { kind: 'cycleLabel', row: 3 },
      { kind: 'delete', row: 3 },
    ]);
  });

  it('drags a candidate along the score axis: one setLogit per frame with logit of the pointer’s score', () => {
    const { props, recorder } = panelProps(small());
    const view = render(<ImbalancePanel {...props} />);
    const x = scoreScale(640, lanesLayout(640).margins);
    const dot = candidate(view.container, 2);
    fireEvent.pointerDown(dot, { pointerId: 1, button: 0, clientX: x(0.09), clientY: 100 });
    fireEvent.pointerMove(dot, { pointerId: 1, clientX: x(0.5), clientY: 100 });
    fireEvent.pointerMove(dot, { pointerId: 1, clientX: x(0.8), clientY: 100 });
    expect(recorder.edits).toHaveLength(0); // throttled to the next frame
    act(() => vi.advanceTimersToNextFrame());
    expect(recorder.edits).toHaveLength(1);
    const edit = recorder.edits[0];
    if (edit.kind !== 'setLogit') throw new Error(`unexpected ${edit.kind}`);
    expect(edit).toMatchObject({ row: 2, cls: 0 });
    expect(Math.abs(edit.logit - logit(0.8))).toBeLessThan(1e-9);
    fireEvent.pointerUp(dot, { pointerId: 1, clientX: x(0.8) });
    expect(recorder.edits).toHaveLength(1);
  });

  it('treats a press and release without movement as a click that cycles the label', () => {
    const { props, recorder } = panelProps(small());
    const view = render(<ImbalancePanel {...props} />);
    const dot = candidate(view.container, 7);
    fireEvent.pointerDown(dot, { pointerId: 1, button: 0, clientX: 200, clientY: 100 });
    fireEvent.pointerUp(dot, { pointerId: 1, clientX: 201, clientY: 100 });
    expect(recorder.edits).toEqual([{ kind: 'cycleLabel', row: 7 }]);
  });

  it('without onEdit the dots stay focusable, are marked read-only and promise no keys', () => {
    const { props } = panelProps(small());
    const { onEdit: _drop, ...readOnly } = props;
    const view = render(<ImbalancePanel {...readOnly} />);
    const dot = candidate(view.container, 1);
    expect(dot.getAttribute('tabindex')).toBe('0');
    expect(dot.getAttribute('aria-readonly')).toBe('true');
    fireEvent.keyDown(dot, { key: 'ArrowRight' });
    expect(dot.getAttribute('aria-label')).not.toMatch(/Arrow keys/);
  });

  it('has no NaN or Infinity in any attribute, for every fixture and for a set without positives', () => {
    const none = explain(
      seededSet(20, () => false, 3),
      DEFAULT_APP_PARAMS,
    );
    for (const data of [small(), medium(), histogramOnly(), none]) {
      const view = render(<ImbalancePanel {...panelProps(data).props} />);
      expect(badAttributes(view)).toEqual([]);
      cleanup();
    }
  });

  it('says that a set without positives uses P̂+ = 1', () => {
    const none = explain(
      seededSet(20, () => false, 3),
      DEFAULT_APP_PARAMS,
    );
    render(<ImbalancePanel {...panelProps(none).props} />);
    expect(screen.getByText(/No positive entry/)).toBeTruthy();
  });

  it('draws to the given width: 360 px wide keeps every SVG at 360 px', () => {
    const view = render(<ImbalancePanel {...panelProps(small(), { width: 360 }).props} />);
    const chart = view.container.querySelector('svg[role="group"]')!;
    expect(chart.getAttribute('width')).toBe('360');
    const xs = [...chart.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    expect(Math.max(...xs)).toBeLessThanOrEqual(360);
  });

  it('speaks Chinese when lang is zh', () => {
    render(<ImbalancePanel {...panelProps(small(), { lang: 'zh' }).props} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/不平衡/);
    expect(screen.getAllByRole('slider')[0].getAttribute('aria-label')).toMatch(/^候选/);
  });
});
