// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  hardestShareOf,
  negativesByHardness,
  normalise,
  orderByScore,
  paneLayout,
  seriesValues,
} from '../../src/panels/gradient/gradientSeries.ts';
import {
  PANE_SCALES,
  denseIds,
  denseMarks,
  seriesOf,
} from '../../src/panels/gradient/gradientMarks.ts';
import { GradientPanel } from '../../src/panels/GradientPanel.tsx';
import { CHART_MARGINS, scoreScale } from '../../src/viz/scales.ts';
import { explain } from '../../src/explain/index.ts';
import {
  FIXTURE_PARAMS,
  badAttributes,
  histogramOnly,
  medium,
  panelProps,
  small,
  smallSet,
  svgMarkup,
  fakeAnimationFrames,
  logit,
  candidateMark,
} from './fixtures.ts';

fakeAnimationFrames();
afterEach(cleanup);

/** The editable DR dot of flat entry `flat`. */
const drDot = (container: HTMLElement, flat: number) => candidateMark(container, flat, '.marks-dr');

describe('gradient series', () => {
  it('normalising divides by the largest |value|: the extreme is ±1, signs kept, zeros stay zero', () => {
    const { scaled, maxAbs } = normalise(Float64Array.from([0.5, -2, 1, 0]));
    expect(maxAbs).toBe(2);
    expect(Array.from(scaled)).toEqual([0.25, -1, 0.5, 0]);
    const zero = normalise(new Float64Array(3));
    expect(zero.maxAbs).toBe(0);
    expect(Array.from(zero.scaled)).toEqual([0, 0, 0]);
  });

  it('orders by score, ties by position', () => {
    expect(Array.from(orderByScore(Float64Array.from([0.3, 0.1, 0.3, 0.2])))).toEqual([1, 3, 0, 2]);
  });

  it('ranks the negatives hardest first, ties to the lower position, positives left out', () => {
    const p = Float64Array.from([0.3, 0.9, 0.5, 0.5, 0.1]);
    const positive = Uint8Array.from([0, 1, 0, 0, 0]);
    expect(Array.from(negativesByHardness(p, positive))).toEqual([2, 3, 0, 4]);
    // One ranking per score array and labels (cached), a new one when the labels change.
    expect(negativesByHardness(p, positive)).toBe(negativesByHardness(p, positive));
    const relabelled = Uint8Array.from([0, 0, 0, 0, 1]);
    expect(Array.from(negativesByHardness(p, relabelled))).toEqual([1, 2, 3, 0]);
  });

  it('dense marks put pane k’s dot of entry j at k·n + j, from its score and normalised value', () => {
    const d = medium().detail!;
    const n = d.p.length;
    const x = scoreScale(700);
    const marks = denseMarks(d, 'p', 700);
    const ids = denseIds(d);
    expect(marks.x).toHaveLength(3 * n);
    const dr = normalise(seriesValues(d, 'dr', 'p')).scaled;
    const bce = normalise(seriesValues(d, 'bce', 'p')).scaled;
    for (const j of [0, 1, 17, n - 1]) {
      for (const k of [0, 1, 2]) {
        expect(marks.x[k * n + j]).toBe(x(d.p[j]));
        expect(marks.positive[k * n + j]).toBe(d.positive[j]);
        expect(ids.index[k * n + j]).toBe(d.index[j]);
        expect(ids.row[k * n + j]).toBe(d.row[j]);
      }
      expect(marks.y[j]).toBe(PANE_SCALES[0](dr[j]));
      expect(marks.y[2 * n + j]).toBe(PANE_SCALES[2](bce[j]));
    }
    // Cached per snapshot and arguments: the same arrays again, new ones for another width.
    expect(denseMarks(d, 'p', 700)).toBe(marks);
    expect(seriesOf(d, 'p')).toBe(seriesOf(d, 'p'));
    expect(denseMarks(d, 'p', 360)).not.toBe(marks);
  });

  it('the hardest-1 % share of DR’s ∂/∂logit agrees with explain’s hardestShare (5,000 candidates)', () => {
    const data = medium();
    const d = data.detail!;
    const fromPanel = hardestShareOf(d, d.gradLogit);
    expect(Math.abs(fromPanel - data.hardestShare)).toBeLessThan(1e-12);
    // …and with the share of ∂DR/∂p taken through the sigmoid, ∂/∂logit = ∂/∂p·p(1 − p).
    const throughSigmoid = Float64Array.from(d.gradP, (g, i) => g * d.p[i] * (1 - d.p[i]));
    expect(Math.abs(hardestShareOf(d, throughSigmoid) - data.hardestShare)).toBeLessThan(1e-12);
    expect(fromPanel).toBeGreaterThan(0.05); // DR concentrates on the hard negatives
  });

  it('the focal and cross-entropy shares are in [0, 1] and 0 without negatives', () => {
    const d = medium().detail!;
    for (const g of [d.focalGrad, d.bceGrad]) {
      const share = hardestShareOf(d, g);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    const onlyPos = { ...d, positive: new Uint8Array(d.p.length).fill(1) };
    expect(hardestShareOf(onlyPos, d.focalGrad)).toBe(0);
  });
});

describe('<GradientPanel>', () => {
  it('matches the snapshot on the small fixture (∂/∂logit)', async () => {
    const view = render(<GradientPanel {...panelProps(small()).props} />);
    expect(view.container.querySelectorAll('.marks-dr .candidate')).toHaveLength(12);
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/GradientPanel.small.svg');
  });

  it('matches the snapshot at 360 px with ∂/∂p selected and a hovered candidate', async () => {
    const data = small();
    const { props } = panelProps(data, { width: 360, hovered: data.detail!.index[4] });
    const view = render(<GradientPanel {...props} />);
    fireEvent.click(screen.getByLabelText('score p'));
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/GradientPanel.p360.svg');
  });

  it('puts each DR dot at its normalised ∂DR/∂logit and switches to ∂DR/∂p on request', () => {
    const data = small();
    const d = data.detail!;
    const view = render(<GradientPanel {...panelProps(data).props} />);
    const pane = paneLayout().panes[0];
    const yOf = (v: number) => pane.bottom - ((v + 1) / 2) * (pane.bottom - pane.top);
    const cyOf = (j: number) =>
      Number(drDot(view.container, d.index[j]).querySelectorAll('circle')[1].getAttribute('cy'));
    const byLogit = normalise(d.gradLogit);
    const byP = normalise(d.gradP);
    for (let j = 0; j < d.index.length; j++) expect(cyOf(j)).toBeCloseTo(yOf(byLogit.scaled[j]), 1);
    fireEvent.click(screen.getByLabelText('score p'));
    for (let j = 0; j < d.index.length; j++) expect(cyOf(j)).toBeCloseTo(yOf(byP.scaled[j]), 1);
    expect(view.container.textContent).toContain('∂DR/∂p (score): largest |value|');
  });

  it('walks the keyboard through the candidates from the lowest score to the highest', () => {
    const data = small();
    const view = render(<GradientPanel {...panelProps(data).props} />);
    const values = [...view.container.querySelectorAll('.marks-dr .candidate')].map((el) =>
      Number(el.getAttribute('aria-valuenow')),
    );
    expect(values).toEqual([...values].sort((a, b) => a - b));
    for (const el of view.container.querySelectorAll('.marks-dr .candidate')) {
      expect(el.getAttribute('tabindex')).toBe('0');
      expect(el.getAttribute('aria-label')).toMatch(
        /^Candidate row \d+, class 0, (positive|negative), p = 0\.\d{4}, ∂DR\/∂x = /,
      );
    }
  });

  it('reports hover with the candidate’s flat index from every pane, and null on leave', () => {
    const data = small();
    const { props, recorder } = panelProps(data);
    const view = render(<GradientPanel {...props} />);
    const flat = data.detail!.index[7];
    fireEvent.pointerEnter(drDot(view.container, flat));
    fireEvent.pointerLeave(drDot(view.container, flat));
    const focalMark = view.container.querySelector(`.marks-focal [data-index="${flat}"]`)!;
    fireEvent.pointerEnter(focalMark);
    fireEvent.focus(drDot(view.container, data.detail!.index[2]));
    expect(recorder.hovers).toEqual([flat, null, flat, data.detail!.index[2]]);
  });

  it('highlights the hovered candidate in all three panes and draws a guide at its score', () => {
    const data = small();
    const j = 9;
    const flat = data.detail!.index[j];
    const view = render(<GradientPanel {...panelProps(data, { hovered: flat }).props} />);
    const guide = view.container.querySelector('line.hover-guide')!;
    expect(Number(guide.getAttribute('x1'))).toBeCloseTo(scoreScale(640)(data.detail!.p[j]), 1);
    for (const id of ['focal', 'bce']) {
      const circle = view.container.querySelector(`.marks-${id} [data-index="${flat}"] circle`)!;
      expect(circle.getAttribute('stroke')).toBe('var(--highlight)');
    }
    expect(drDot(view.container, flat).querySelectorAll('circle')[1].getAttribute('stroke')).toBe(
      'var(--highlight)',
    );
    // …and the equation shows that candidate's own gradient (a boxed term, rendered by KaTeX).
    expect(view.container.querySelector('.fbox, .boxpad')).not.toBeNull();
  });

  it('nudges a score with the arrow keys, cycles with Enter and deletes with Delete', () => {
    const data = small();
    // A candidate with room both ways (p ± 0.1 stays inside (0, 1)).
    const j = [...data.detail!.p.keys()].find(
      (i) => data.detail!.p[i] > 0.15 && data.detail!.p[i] < 0.85,
    )!;
    const flat = data.detail!.index[j];
    const p = data.detail!.p[j];
    const { props, recorder } = panelProps(data);
    const view = render(<GradientPanel {...props} />);
    fireEvent.keyDown(drDot(view.container, flat), { key: 'ArrowRight' });
    fireEvent.keyDown(drDot(view.container, flat), { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(drDot(view.container, flat), { key: 'Enter' });
    fireEvent.keyDown(drDot(view.container, flat), { key: 'Delete' });
    const [up, down, cycle, del] = recorder.edits;
    if (up.kind !== 'setLogit' || down.kind !== 'setLogit') throw new Error('expected setLogit');
    expect(up).toMatchObject({ row: data.detail!.row[j], cls: 0 });
    expect(Math.abs(up.logit - logit(p + 0.01))).toBeLessThan(1e-9);
    expect(Math.abs(down.logit - logit(p - 0.1))).toBeLessThan(1e-9);
    expect(cycle).toEqual({ kind: 'cycleLabel', row: data.detail!.row[j] });
    expect(del).toEqual({ kind: 'delete', row: data.detail!.row[j] });
  });

  it('drags a DR dot along the score axis into one setLogit per frame', () => {
    const data = small();
    const flat = data.detail!.index[5];
    const { props, recorder } = panelProps(data);
    const view = render(<GradientPanel {...props} />);
    const x = scoreScale(640, CHART_MARGINS);
    const dot = drDot(view.container, flat);
    fireEvent.pointerDown(dot, { pointerId: 1, button: 0, clientX: x(0.2), clientY: 50 });
    fireEvent.pointerMove(dot, { pointerId: 1, clientX: x(0.6), clientY: 50 });
    fireEvent.pointerMove(dot, { pointerId: 1, clientX: x(0.7), clientY: 50 });
    expect(recorder.edits).toHaveLength(0);
    act(() => vi.advanceTimersToNextFrame());
    expect(recorder.edits).toHaveLength(1);
    const edit = recorder.edits[0];
    if (edit.kind !== 'setLogit') throw new Error(`unexpected ${edit.kind}`);
    expect(edit.row).toBe(data.detail!.row[5]);
    expect(Math.abs(edit.logit - logit(0.7))).toBeLessThan(1e-9);
  });

  it('after an edit raises a negative’s score, its ∂DR/∂p grows and its dot moves (re-explained set)', () => {
    const set = smallSet();
    const base = explain(set, FIXTURE_PARAMS);
    // The lowest-scoring negative: raising its score raises its weight q− and its ∂DR/∂p.
    const d0 = base.detail!;
    const j = [...d0.p.keys()]
      .filter((i) => d0.positive[i] === 0)
      .reduce((a, b) => (d0.p[a] <= d0.p[b] ? a : b));
    const flat = base.detail!.index[j];
    const before = render(<GradientPanel {...panelProps(base).props} />);
    const cyBefore = drDot(before.container, flat).querySelectorAll('circle')[1].getAttribute('cy');
    cleanup();
    // What the app does on setLogit: the set with that logit changed, explained again.
    const logits = Float64Array.from(set.logits);
    logits[flat] += 2;
    const after = explain({ ...set, logits }, FIXTURE_PARAMS);
    expect(after.detail!.gradP[j]).toBeGreaterThan(d0.gradP[j]);
    const view = render(<GradientPanel {...panelProps(after).props} />);
    const dot = drDot(view.container, flat);
    expect(dot.querySelectorAll('circle')[1].getAttribute('cy')).not.toBe(cyBefore);
    expect(dot.getAttribute('aria-label')).toContain(`p = ${after.detail!.p[j].toFixed(4)}`);
  });

  it('names the chart with the loss and the hardest share, and says how it normalises', () => {
    const data = small();
    render(<GradientPanel {...panelProps(data).props} />);
    const chart = screen.getByRole('group', { name: /^Chart: gradients of 12 candidates/ });
    expect(chart.getAttribute('aria-label')).toContain('DR loss');
    expect(screen.getByText(/each curve is divided by its largest absolute value/)).toBeTruthy();
    expect(screen.getByText(/The hardest 1 % of negatives receive \d+\.\d%/)).toBeTruthy();
  });

  it('paints 5,000 candidates on a canvas over an aria-hidden SVG of axes, with no slider per dot', () => {
    const view = render(<GradientPanel {...panelProps(medium()).props} />);
    const canvas = view.container.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toMatch(/^Chart: gradients of 5,000 candidates/);
    expect(view.container.querySelector('svg + canvas')).toBe(canvas);
    expect(canvas.previousElementSibling!.getAttribute('aria-hidden')).toBe('true');
    expect(view.container.querySelectorAll('.candidate')).toHaveLength(0);
    expect(badAttributes(view)).toEqual([]);
  });

  it('without per-entry detail shows a note and the summary numbers instead of a chart', () => {
    const data = histogramOnly();
    const view = render(<GradientPanel {...panelProps(data).props} />);
    expect(view.container.querySelector('canvas')).toBeNull();
    expect(view.container.querySelector('figure')).toBeNull();
    expect(view.container.textContent).toContain('With 30,000 entries');
    expect(view.container.querySelector('dl.summary')!.textContent).toContain('DR loss');
    expect(badAttributes(view)).toEqual([]);
  });

  it('draws no NaN or Infinity for extreme parameters, in Chinese', () => {
    for (const extra of [
      { lambdaNeg: 1e-4, lambdaPos: 1e-4, L: 50 },
      { lambdaNeg: 1e4, lambdaPos: 1e4, smoothing: 'hinge' as const, tau: 0 },
    ]) {
      const params = { ...FIXTURE_PARAMS, ...extra };
      const view = render(
        <GradientPanel {...panelProps(small(params), { params, lang: 'zh' }).props} />,
      );
      expect(badAttributes(view)).toEqual([]);
      expect(view.container.querySelector('h2')!.textContent).toBe('6 · DR 损失及其梯度');
      cleanup();
    }
  });
});
