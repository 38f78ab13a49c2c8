// @vitest-environment jsdom
/**
 * The panels that show BCE or FL while a detection-scale load's objectives are still computed by the
 * pool (ExplainerData bce / focal null): a "computing…" state in either language, never a number for
 * them nor NaN, and everything else at once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { ImbalancePanel } from '../../src/panels/ImbalancePanel.tsx';
import { GradientPanel } from '../../src/panels/GradientPanel.tsx';
import { texFocal, texImbalance } from '../../src/panels/tex/equations.ts';
import { fmtCount, fmtNum } from '../../src/viz/format.ts';
import { t } from '../../src/i18n/strings.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { fakeAnimationFrames, FIXTURE_PARAMS, histogramOnly, panelProps } from './fixtures.ts';

fakeAnimationFrames();
afterEach(cleanup);

const complete = histogramOnly();
const pending = { ...complete, bce: null, focal: null };
const langs: Lang[] = ['en', 'zh'];

describe('panels while BCE and FL are pending', () => {
  for (const lang of langs) {
    const s = t(lang);
    it(`Imbalance (${lang}): computing… for CE and its share, the counts at once`, () => {
      const view = render(<ImbalancePanel {...panelProps(pending, { lang }).props} />);
      const text = view.container.textContent!;
      expect(text).toContain(s('readout.pending'));
      expect(text).toContain(s('imbalance.sharePending'));
      expect(text).toContain(fmtCount(complete.neg.n));
      expect(text).not.toContain(fmtNum(complete.bce!.total));
      expect(text).not.toMatch(/NaN|undefined|null/);
      // no share bar, which would read as 0 %
      expect(view.container.querySelector('[data-testid="imbalance-pending"]')).not.toBeNull();
      if (lang === 'zh') expect(text).not.toMatch(/computing/i);
    });

    it(`Gradient (${lang}): the summary says computing… for FL and BCE, the DR numbers at once`, () => {
      const view = render(<GradientPanel {...panelProps(pending, { lang }).props} />);
      const rows = [...view.container.querySelectorAll('dl.summary > div')].map((d) => [
        d.querySelector('dt')!.textContent,
        d.querySelector('dd')!.textContent,
      ]);
      const value = (key: 'readout.focalLoss' | 'readout.bceTotal' | 'readout.loss') =>
        rows.find(([k]) => k === s(key))?.[1];
      expect(value('readout.focalLoss')).toBe(s('readout.pending'));
      expect(value('readout.bceTotal')).toBe(s('readout.pending'));
      expect(value('readout.loss')).toBe(fmtNum(complete.result.loss));
      expect(view.container.textContent).not.toMatch(/NaN|undefined|null/);
    });

    it(`the CE and FL equations (${lang}) say computing… in place of their values`, () => {
      const input = { data: pending, params: FIXTURE_PARAMS, hovered: null, lang };
      const word = `\\text{${s('tex.pending')}}`;
      expect(texImbalance(input)).toContain(`= ${word}`);
      expect(texFocal(input)).toContain(`= ${word}`);
      for (const tex of [texImbalance(input), texFocal(input)]) {
        expect(tex).not.toMatch(/NaN|undefined|null/);
      }
    });
  }

  it('with them, the panels are as before (the pending state leaves nothing behind)', () => {
    const a = render(<ImbalancePanel {...panelProps(complete).props} />).container.textContent;
    cleanup();
    const view = render(<ImbalancePanel {...panelProps(pending).props} />);
    view.rerender(<ImbalancePanel {...panelProps(complete).props} />);
    expect(view.container.textContent).toBe(a);
    expect(view.container.querySelector('.share-bar')).not.toBeNull();
  });
});
