// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DistributionPanel } from '../../src/panels/DistributionPanel.tsx';
import { GradientPanel } from '../../src/panels/GradientPanel.tsx';
import { ImbalancePanel } from '../../src/panels/ImbalancePanel.tsx';
import { SmoothingPanel } from '../../src/panels/SmoothingPanel.tsx';
import type { PanelProps } from '../../src/panels/types.ts';
import { WorstCasePanel } from '../../src/panels/WorstCasePanel.tsx';
import { RankingPanel } from '../../src/panels/RankingPanel.tsx';
import { RecoveryPanel } from '../../src/panels/RecoveryPanel.tsx';
import { PaperTablesPanel } from '../../src/panels/PaperTablesPanel.tsx';
import { badAttributes, histogramOnly, panelProps, small, svgMarkup } from './fixtures.ts';

afterEach(cleanup);

const PANELS = [
  ['imbalance', ImbalancePanel, '.ghost-lanes'],
  ['worst case', WorstCasePanel, '.ghost-lanes'],
  ['distribution', DistributionPanel, '.ghost-distribution'],
  ['smoothing', SmoothingPanel, '.ghost-z'],
  ['gradient', GradientPanel, '.ghost-gradient'],
  ['recovery', RecoveryPanel, '.ghost-lanes'],
  ['ranking', RankingPanel, '.ghost-share'],
] as const;

describe('ghosts of the pinned baseline A', () => {
  for (const [name, Panel, selector] of PANELS) {
    it(`${name}: A is drawn faintly, hidden from assistive tech, and never changes the rest`, () => {
      const now = small({ lambdaNeg: 0.5 });
      const a = small({ lambdaNeg: 0.1 });
      const { props } = panelProps(now);
      const plain = svgMarkup(render(<Panel {...props} />));
      cleanup();
      const withA: PanelProps = { ...props, baseline: a };
      const view = render(<Panel {...withA} />);
      const ghosts = view.container.querySelectorAll(selector);
      expect(ghosts.length).toBeGreaterThan(0);
      for (const g of ghosts) {
        expect(g.getAttribute('aria-hidden')).toBe('true');
        expect(g.querySelectorAll('[tabindex]')).toHaveLength(0);
      }
      expect(badAttributes(view)).toEqual([]);
      // Without the ghost groups, the drawing is the plain one (panel 4's y axis may grow to fit A).
      if (name !== 'distribution') {
        ghosts.forEach((g) => g.remove());
        expect(svgMarkup(view)).toBe(plain);
      }
    });
  }

  it('panel 4 on a set without per-entry detail draws A’s q outline and P̂ marker', () => {
    const { props } = panelProps(histogramOnly({ lambdaNeg: 0.5 }), {
      baseline: histogramOnly({ lambdaNeg: 0.1 }),
    });
    const view = render(<DistributionPanel {...props} />);
    const ghosts = view.container.querySelectorAll('.ghost-distribution');
    expect(ghosts).toHaveLength(2);
    for (const g of ghosts) expect(g.querySelectorAll('path')).toHaveLength(1);
    expect(badAttributes(view)).toEqual([]);
  });

  for (const [name, Panel] of [
    ['imbalance', ImbalancePanel],
    ['ranking', RankingPanel],
    ['worst case', WorstCasePanel],
    ['smoothing', SmoothingPanel],
    ['recovery', RecoveryPanel],
  ] as const) {
    it(`${name}: its equation names A’s numbers on hover, and has no title without A`, () => {
      const { props } = panelProps(small({ lambdaNeg: 0.5 }));
      const plain = render(<Panel {...props} />);
      expect(plain.container.querySelectorAll('.tex[title]')).toHaveLength(0);
      cleanup();
      const view = render(<Panel {...props} baseline={small({ lambdaNeg: 0.1 })} />);
      const titles = [...view.container.querySelectorAll('.tex[title]')];
      expect(titles.length).toBeGreaterThan(0);
      for (const t of titles) expect(t.getAttribute('title')).toMatch(/^Baseline A: \S/);
    });
  }

  it('panel 4’s P̂ equations name A’s values on hover, and have no title without A', () => {
    const { props } = panelProps(small({ lambdaNeg: 0.5 }));
    const plain = render(<DistributionPanel {...props} />);
    expect(plain.container.querySelectorAll('.tex[title]')).toHaveLength(0);
    cleanup();
    const a = small({ lambdaNeg: 0.1 });
    const view = render(<DistributionPanel {...props} baseline={a} />);
    const titles = [...view.container.querySelectorAll('.tex[title]')].map((e) =>
      e.getAttribute('title'),
    );
    expect(titles).toHaveLength(2);
    expect(titles[0]).toMatch(/^Baseline A: P̂− = /);
    expect(titles[1]).toMatch(/^Baseline A: P̂\+ = /);
  });

  it('panel 8 marks the ablation rows nearest A’s settings, and nothing without A', () => {
    const { props } = panelProps(small({ lambdaNeg: 0.5 }));
    const plain = render(<PaperTablesPanel {...props} />);
    expect(plain.container.querySelectorAll('.ghost-row')).toHaveLength(0);
    cleanup();
    // A at h− = e (λ− = 0.1) and L = 4: Table 1's first row and Table 2's "logistic L = 4" row.
    const aParams = { ...props.params, lambdaNeg: 0.1, L: 4 };
    const view = render(
      <PaperTablesPanel {...props} baseline={small({ lambdaNeg: 0.1 })} baselineParams={aParams} />,
    );
    const rows = [...view.container.querySelectorAll('.ghost-row')].map(
      (e) => e.closest('tr')!.querySelector('th')!.textContent ?? '',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/h− = e\b/);
    expect(rows[1]).toMatch(/L = 4/);
  });
});
