// @vitest-environment jsdom
/**
 * The paper's argument under the panels: every number a "why" sentence quotes is the engine's or the
 * paper tables', in both languages; each panel shows its sentences in a <details> reachable by keyboard.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { drLoss } from '../../src/engine/index.ts';
import { t } from '../../src/i18n/strings.ts';
import { DistributionPanel } from '../../src/panels/DistributionPanel.tsx';
import { GradientPanel } from '../../src/panels/GradientPanel.tsx';
import { PaperTablesPanel } from '../../src/panels/PaperTablesPanel.tsx';
import { RankingPanel } from '../../src/panels/RankingPanel.tsx';
import { WorstCasePanel } from '../../src/panels/WorstCasePanel.tsx';
import { TABLE1, TABLE3 } from '../../src/panels/paperTables/paperTables.ts';
import {
  fmtFactor,
  hOf,
  lossAtInit,
  whyDistribution,
  whyGradient,
  whyPaper,
  whyRanking,
  whyWorst,
} from '../../src/panels/common/whyTexts.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../../src/params/table.ts';
import { fmtCount, fmtNum, fmtP } from '../../src/viz/format.ts';
import { fakeAnimationFrames, panelProps, small } from './fixtures.ts';

fakeAnimationFrames();
afterEach(cleanup);
const en = t('en');
const zh = t('zh');
const P = DEFAULT_APP_PARAMS;

/** Latin words left in Chinese text, outside the formulas' names and the method names. */
function englishIn(text: string): string[] {
  const allowed = new Set(['DR', 'RetinaNet', 'AP', 'KL', 'Reg', 'max', 'min', 'ln', 'logit']);
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.has(w));
}

describe('why sentences', () => {
  it('ranking: the easy pairs are counted, Table 3 is quoted from the table', () => {
    const d = small();
    const [easy] = whyRanking(d, en);
    const n = d.pairwise.pairs - d.pairwise.violating;
    expect(easy).toContain(`Here ${fmtCount(n)} of the ${fmtCount(d.pairwise.pairs)} pairs`);
    expect(easy).toContain(`${TABLE3.allPairs} AP`);
  });

  it('worst case: the two candidates it rests on are the engine’s extremes', () => {
    const d = small();
    const [w] = whyWorst(d, en);
    expect(w).toContain(
      `max p− = ${fmtP(d.worstCase.maxNeg)} and min p+ = ${fmtP(d.worstCase.minPos)}`,
    );
  });

  it('distribution: the effective sample size and ε− are the engine’s; h at the defaults is 3.5 and e', () => {
    const d = small();
    const [collapse, h] = whyDistribution(d, P, en);
    expect(collapse).toContain(
      `effective ${fmtNum(d.result.essNeg)} of the ${d.result.nNeg} negatives`,
    );
    expect(collapse).toContain(`ε− = ${fmtNum(d.result.klNeg)}`);
    const { hNeg, hPos } = hOf(P);
    expect(hNeg).toBeCloseTo(3.5, 12);
    expect(hPos).toBeCloseTo(Math.E, 12);
    expect(h).toContain('h− = 3.5 times the weight');
    expect(h).toContain(`${fmtFactor(3.5 ** 10)} times across the whole of [0, 1]`);
    expect(fmtFactor(3.5 ** 10)).toBe('2.759·10⁵');
    expect(h).toContain('h+ = 2.718 times the weight');
    // the weight ratio of two negatives 0.1 apart really is h− under q− ∝ e^{p/λ−}
    expect(Math.exp(0.1 / P.lambdaNeg)).toBeCloseTo(3.5, 12);
  });

  it('initialisation: τ·ℓ(γ) is the engine’s loss at all-zero logits, ≈ 2.03 at the defaults', () => {
    const zero = drLoss(new Float64Array(4), Int32Array.of(1, 0, 0, 0), 1, toEngineParams(P));
    expect(lossAtInit(P)).toBeCloseTo(zero.result.loss, 14);
    expect(lossAtInit(P)).toBeCloseTo(2.0323916, 7);
    const tau2 = { ...P, tau: 2 };
    const [init, eq9, objective] = whyGradient(tau2, en);
    expect(init).toContain(
      `τ·ℓ(γ) = ${fmtNum(lossAtInit(tau2))} at the current settings (2.032 at`,
    );
    expect(init).toContain('π = 0.5 (RetinaNet uses π = 0.01)');
    expect(eq9).toContain('one distribution per set over whatever it is given');
    expect(objective).toContain('Σ_i τ·ℓ_DR,i + ℓ_Reg: τ (now 2;');
  });

  it('Table 1 read through h: the AP differences come from the table', () => {
    const [t1] = whyPaper(en);
    const ap = (a: number, b: number) => TABLE1.find((r) => r.hPos === a && r.hNeg === b)?.ap ?? 0;
    expect(t1).toContain(
      `costs ${fmtNum(ap(Math.E, 3.5) - ap(5.5, 3.5))} and ${fmtNum(ap(Math.E, 3.5) - ap(20, 3.5))} AP`,
    );
    expect(t1).toContain('costs 0.7 and 1.8 AP');
    expect(ap(Math.E, Math.E)).toBeLessThan(ap(Math.E, 3.5));
    expect(ap(Math.E, 20)).toBeLessThan(ap(Math.E, 3.5));
  });

  it('every why sentence is filled and Chinese has no English words', () => {
    const d = small();
    for (const s of [en, zh]) {
      const all = [
        ...whyRanking(d, s),
        ...whyWorst(d, s),
        ...whyDistribution(d, P, s),
        ...whyGradient(P, s),
        ...whyPaper(s),
        s('why.summary'),
        s('why.grad.focal'),
      ];
      for (const x of all) expect(x).not.toMatch(/\{\w+\}/);
      if (s === zh) expect(englishIn(all.join(' '))).toEqual([]);
    }
  });
});

describe('the panels show their why, closed, with a keyboard-reachable summary', () => {
  it.each([
    ['ranking', RankingPanel],
    ['worst case', WorstCasePanel],
    ['distribution', DistributionPanel],
    ['gradient', GradientPanel],
    ['paper', PaperTablesPanel],
  ] as const)('%s', (_name, Panel) => {
    const { props } = panelProps(small(), { lang: 'zh' });
    const view = render(<Panel {...props} />);
    const details = [...view.container.querySelectorAll('details.why')];
    expect(details.length).toBeGreaterThan(0);
    const why = details.find((d) => d.querySelector('summary')?.textContent === zh('why.summary'));
    expect(why).toBeDefined();
    expect(why?.hasAttribute('open')).toBe(false);
    expect(why?.querySelectorAll('p').length).toBeGreaterThan(0);
  });

  it('the gradient panel typesets the focal loss it compares', () => {
    const { props } = panelProps(small());
    const view = render(<GradientPanel {...props} />);
    const focal = view.container.querySelector('details.focal-formula');
    expect(focal?.querySelector('summary')?.textContent).toContain('p_t = p and α_t = α');
    expect(focal?.querySelector('.katex')?.textContent).toContain('FL');
  });
});
