// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { RankingPanel } from '../../src/panels/RankingPanel.tsx';
import { pairMatrix } from '../../src/panels/ranking/pairMatrix.ts';
import { badAttributes, histogramOnly, medium, panelProps, small, svgMarkup } from './fixtures.ts';

afterEach(cleanup);

describe('pairMatrix', () => {
  it('holds [p− − p+ + γ]+ for every pair, positives ascending and negatives descending', () => {
    const d = small().detail!;
    const m = pairMatrix(d, 0.5, 600)!;
    expect(m.rows).toHaveLength(3);
    expect(m.cols).toHaveLength(9);
    for (let i = 1; i < 3; i++) expect(d.p[m.rows[i]]).toBeGreaterThanOrEqual(d.p[m.rows[i - 1]]);
    for (let j = 1; j < 9; j++) expect(d.p[m.cols[j]]).toBeLessThanOrEqual(d.p[m.cols[j - 1]]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 9; j++) {
        const want = Math.max(0, d.p[m.cols[j]] - d.p[m.rows[i]] + 0.5);
        expect(m.hinge[i * 9 + j]).toBeCloseTo(want, 15);
      }
  });

  it('is null without detail, with too many cells, or when cells would be narrower than 4 px', () => {
    expect(pairMatrix(null, 0.5, 600)).toBeNull();
    expect(pairMatrix(medium().detail, 0.5, 600)).toBeNull();
    expect(pairMatrix(small().detail, 0.5, 30)).toBeNull();
  });
});

describe('RankingPanel', () => {
  it('draws one cell per pair for the 12-candidate fixture, shaded where the margin is violated (snapshot)', async () => {
    const data = small();
    const view = render(<RankingPanel {...panelProps(data).props} />);
    const cells = view.container.querySelectorAll('.cells rect');
    expect(cells).toHaveLength(data.pairwise.pairs);
    const shaded = [...cells].filter((c) => c.getAttribute('fill') === 'var(--neg)');
    expect(shaded).toHaveLength(data.pairwise.violating);
    await expect(svgMarkup(view)).toMatchFileSnapshot('./__snapshots__/RankingPanel.small.svg');
  });

  it('shows n+ × n− = pairs, the violating count and Eq. 3’s sum and Eq. 4’s mean', () => {
    const data = small();
    const view = render(<RankingPanel {...panelProps(data).props} />);
    const readout = (term: RegExp) =>
      [...view.container.querySelectorAll('.readout')]
        .find((r) => term.test(r.querySelector('dt')!.textContent!))!
        .querySelector('dd')!.textContent;
    expect(readout(/^pairs/)).toBe('3 × 9 = 27');
    expect(readout(/^violating/)).toBe('20');
    expect(Number(readout(/Eq\. 3/))).toBeCloseTo(data.pairwise.loss, 3);
    expect(Number(readout(/Eq\. 4/))).toBeCloseTo(data.pairwise.loss / 27, 4);
  });

  it('without a matrix (thousands of pairs) still states every number, and says why', () => {
    for (const data of [medium(), histogramOnly()]) {
      const view = render(<RankingPanel {...panelProps(data).props} />);
      expect(view.container.querySelector('.cells')).toBeNull();
      expect(screen.getByText(/too many to draw/)).toBeTruthy();
      expect(screen.getByText(/of the pairs violate the margin/)).toBeTruthy();
      cleanup();
    }
  });

  it('names the chart with the grid size and the violating pairs', () => {
    const view = render(<RankingPanel {...panelProps(small()).props} />);
    // a group, not an img: it holds focusable markers (an img's children are presentational)
    const svg = view.container.querySelector('svg[role="group"][aria-label]')!;
    expect(svg.getAttribute('aria-label')).toBe(
      'Chart: a grid of 3 positives by 9 negatives; 20 of 27 pairs violate the margin γ = 0.5.',
    );
  });

  it('reports hover on a row or column marker with that candidate’s flat index', () => {
    const { props, recorder } = panelProps(small());
    const view = render(<RankingPanel {...props} />);
    fireEvent.pointerEnter(view.container.querySelector('.row-markers [data-index="9"]')!);
    fireEvent.pointerLeave(view.container.querySelector('.row-markers [data-index="9"]')!);
    fireEvent.pointerEnter(view.container.querySelector('.col-markers [data-index="1"]')!);
    expect(recorder.hovers).toEqual([9, null, 1]);
  });

  it('reaches every row and column marker from the keyboard: each names its candidate, focus reports hover', () => {
    const data = small();
    const { props, recorder } = panelProps(data);
    const view = render(<RankingPanel {...props} />);
    const markers = [...view.container.querySelectorAll<SVGCircleElement>('.pair-marker')];
    expect(markers).toHaveLength(data.pos.n + data.neg.n);
    for (const m of markers) expect(m.getAttribute('tabindex')).toBe('0');
    const row9 = view.container.querySelector<SVGCircleElement>('.row-markers [data-index="9"]')!;
    expect(row9.getAttribute('aria-label')).toMatch(
      /^Candidate row 9, class 0, positive, p = 0\.\d{4}\.$/,
    );
    fireEvent.focus(row9);
    fireEvent.blur(row9);
    fireEvent.focus(view.container.querySelector('.col-markers [data-index="1"]')!);
    expect(recorder.hovers).toEqual([9, null, 1]);
  });

  it('outlines the hovered positive’s row and the hovered negative’s column', () => {
    const rowView = render(<RankingPanel {...panelProps(small(), { hovered: 9 }).props} />);
    const band = rowView.container.querySelector('.hover-band')!;
    // …and rings that candidate's marker (what a keyboard user sees on focus)
    const ringed = rowView.container.querySelectorAll('.pair-marker[stroke="var(--highlight)"]');
    expect([...ringed].map((m) => m.getAttribute('data-index'))).toEqual(['9']);
    expect(Number(band.getAttribute('width'))).toBeGreaterThan(Number(band.getAttribute('height')));
    cleanup();
    const colView = render(<RankingPanel {...panelProps(small(), { hovered: 1 }).props} />);
    const col = colView.container.querySelector('.hover-band')!;
    expect(Number(col.getAttribute('height'))).toBeGreaterThan(Number(col.getAttribute('width')));
  });

  it('a smaller margin γ leaves fewer violating cells', () => {
    const wide = render(<RankingPanel {...panelProps(small()).props} />);
    const before = wide.container.querySelectorAll('.cells rect[fill="var(--neg)"]').length;
    cleanup();
    const data = small({ margin: 0.1 });
    const narrow = render(
      <RankingPanel
        {...panelProps(data, { params: { ...panelProps(data).props.params, margin: 0.1 } }).props}
      />,
    );
    const after = narrow.container.querySelectorAll('.cells rect[fill="var(--neg)"]').length;
    expect(after).toBe(data.pairwise.violating);
    expect(after).toBeLessThan(before);
  });

  it('has no NaN or Infinity in any attribute and no KaTeX error, for every fixture', () => {
    for (const data of [small(), medium(), histogramOnly()]) {
      const view = render(<RankingPanel {...panelProps(data, { width: 360 }).props} />);
      expect(badAttributes(view)).toEqual([]);
      expect(view.container.querySelector('.katex-error')).toBeNull();
      cleanup();
    }
  });

  it('speaks Chinese when lang is zh', () => {
    render(<RankingPanel {...panelProps(small(), { lang: 'zh' }).props} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/排序/);
  });
});
