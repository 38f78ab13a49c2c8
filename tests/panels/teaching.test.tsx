// @vitest-environment jsdom
/**
 * The teaching issue's sentences around the numbers (items 3, 4, 5, 7, 10): every sentence that
 * depends on a number (a condition, a count, which side of a threshold) is computed from it; each test
 * would have caught the old wording.
 */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { generatePreset } from '../../src/data/presets.ts';
import type { CandidateSet } from '../../src/data/types.ts';
import { explain } from '../../src/explain/index.ts';
import { t } from '../../src/i18n/strings.ts';
import { DistributionPanel, limitsNote } from '../../src/panels/DistributionPanel.tsx';
import { GradientPanel } from '../../src/panels/GradientPanel.tsx';
import { raisedNegatives } from '../../src/panels/gradient/raised.ts';
import { normalise, seriesValues, SERIES } from '../../src/panels/gradient/gradientSeries.ts';
import { RankingPanel } from '../../src/panels/RankingPanel.tsx';
import { RecoveryPanel, recoveryNotes } from '../../src/panels/RecoveryPanel.tsx';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';
import { fmtCount, fmtNum, fmtP } from '../../src/viz/format.ts';
import { fakeAnimationFrames, panelProps, small, medium } from './fixtures.ts';

fakeAnimationFrames();
afterEach(cleanup);
const en = t('en');
const zh = t('zh');

const noPositives = () => explain(generatePreset('no-positives', 1), DEFAULT_APP_PARAMS);

/** One class: positives at logit `pos`, negatives at logit `neg` (each a list). */
function set(pos: number[], neg: number[]): CandidateSet {
  const logits = Float64Array.from([...pos, ...neg]);
  const targets = Int32Array.from([...pos.map(() => 1), ...neg.map(() => 0)]);
  return { R: logits.length, K: 1, logits, targets };
}

describe('item 3: descent raises the easiest negatives (gradient panel)', () => {
  it('counts the negatives with ∂DR/∂p < 0 from the gradients: 490 of 500 in "no positives"', () => {
    const data = noPositives();
    const r = raisedNegatives(data, DEFAULT_APP_PARAMS.lambdaNeg);
    expect([r.raised, r.lowered, r.total]).toEqual([490, 10, 500]);
    expect(r.threshold).toBe(data.result.pMinus - DEFAULT_APP_PARAMS.lambdaNeg);
    // the sign change is exactly at c = P̂− − λ−
    const d = data.detail;
    if (!d) throw new Error('detail');
    for (let i = 0; i < d.p.length; i++) {
      if (d.positive[i] === 0 && d.gradP[i] !== 0) {
        expect(d.gradP[i] < 0).toBe(d.p[i] < r.threshold);
      }
    }
    const { props } = panelProps(data, { params: DEFAULT_APP_PARAMS });
    const view = render(<GradientPanel {...props} />);
    const note = view.container.querySelector('.raised-negatives')?.textContent ?? '';
    expect(note).toContain('490 of the 500 negatives have ∂DR/∂p < 0');
    expect(note).toContain(`P̂− − λ− = ${fmtP(r.threshold)}`);
    expect(note).toContain('only 10 negatives above it are pushed down');
    cleanup();
    const zhView = render(<GradientPanel {...props} lang="zh" />);
    expect(zhView.container.querySelector('.raised-negatives')?.textContent).toContain(
      '500 个负样本中有 490 个',
    );
  });

  it('says so when no negative is raised, and gives the threshold without per-entry detail', () => {
    const data = explain(set([3], [0, 0.1]), DEFAULT_APP_PARAMS);
    const r = raisedNegatives(data, DEFAULT_APP_PARAMS.lambdaNeg);
    expect(r.raised).toBe(0);
    const { props } = panelProps(data, { params: DEFAULT_APP_PARAMS });
    const view = render(<GradientPanel {...props} />);
    expect(view.container.querySelector('.raised-negatives')?.textContent).toContain(
      'No negative has ∂DR/∂p < 0 now',
    );
  });
});

describe('item 4: recovery is stated per pair and each conclusion says whether its premise holds', () => {
  it('at the defaults the premise fails for the fixtures and every preset: no unconditional claim', () => {
    for (const data of [small(), medium(), noPositives()]) {
      const notes = recoveryNotes(data, 0.5, en).join(' ');
      expect(notes).not.toContain('one global threshold 0.5 separates');
      expect(notes).not.toMatch(/ambiguous/);
      expect(data.result.z).toBeGreaterThan(0);
      expect(notes).toContain('DR’s constraint fails now');
    }
    const data = small();
    const notes = recoveryNotes(data, 0.5, en);
    const w = data.worstCase;
    expect(notes[0]).toContain(`min p+ − max p− = ${fmtNum(w.minPos - w.maxNeg)} < γ = 0.5`);
    const wrong =
      data.recovery.posTotal -
      data.recovery.posAbove +
      data.recovery.negTotal -
      data.recovery.negBelow;
    expect(notes[2]).toContain(`It does not now: ${wrong} candidates are on the wrong side`);
    expect(recoveryNotes(noPositives(), 0.5, en)[0]).toContain('There is no pair');
  });

  it('when every pair meets the margin it draws the conclusions, counted', () => {
    const data = explain(set([3, 2.5], [-3, -2]), DEFAULT_APP_PARAMS);
    expect(data.worstCase.minPos - data.worstCase.maxNeg).toBeGreaterThanOrEqual(0.5);
    const notes = recoveryNotes(data, 0.5, en);
    expect(notes[0]).toContain('Now every pair satisfies it');
    expect(notes[1]).toContain('DR’s constraint holds now');
    expect(notes[2]).toContain('the single threshold 0.5 separates the classes');
    expect(data.recovery.posAbove).toBe(2);
    expect(data.recovery.negBelow).toBe(2);
    const g = 0.6;
    const hi = recoveryNotes(
      explain(set([3, 2.5], [-3, -2]), { ...DEFAULT_APP_PARAMS, margin: g }),
      g,
      en,
    );
    expect(hi[2]).toContain('no candidate scores between 0.4 and 0.6');
    const lo = recoveryNotes(data, 0.3, en);
    expect(lo[2]).toContain('no single threshold follows');
  });

  it('with γ > 0.5 and the premise failing, the gap is stated as a conditional, never "ambiguous"', () => {
    const params: AppParams = { ...DEFAULT_APP_PARAMS, margin: 0.7 };
    const data = explain(generatePreset('paper-default', 1), params);
    const notes = recoveryNotes(data, 0.7, en);
    expect(notes[2]).toBe(
      'With γ = 0.7 > 0.5 the thresholds differ: if every pair met the margin, no candidate would score between 0.3 and 0.7. The premise fails now, so that does not follow.',
    );
    for (const s of [en, zh]) {
      for (const n of recoveryNotes(data, 0.7, s)) expect(n).not.toMatch(/ambiguous|无法判定/);
    }
  });

  it('the caption states the implication per pair and for P̂±, in both languages; the panel shows the notes', () => {
    expect(en('recovery.caption')).toContain('if every pair satisfies p+ − p− ≥ γ');
    expect(zh('recovery.caption')).toContain('若每一对都满足 p+ − p− ≥ γ');
    const { props } = panelProps(small(), { lang: 'zh' });
    const view = render(<RecoveryPanel {...props} />);
    const notes = [...view.container.querySelectorAll('.recovery-note')].map((n) => n.textContent);
    expect(notes).toEqual(recoveryNotes(small(), props.params.margin, zh));
    expect(notes.join('')).toContain('目前前提不成立');
  });
});

describe('item 5: the λ → ∞ limit with the hard-negative prior', () => {
  it('is the mean of the top n̂ negatives, not the plain mean over all negatives', () => {
    const params: AppParams = { ...DEFAULT_APP_PARAMS, original: 'hardNegative', hardK: 30 };
    const setHN = generatePreset('hard-negatives', 1);
    const data = explain(setHN, params);
    const negScores = Array.from(setHN.logits.subarray(20))
      .map((x) => 1 / (1 + Math.exp(-x)))
      .sort((a, b) => b - a);
    const top = negScores.slice(0, 30).reduce((a, b) => a + b, 0) / 30;
    expect(data.neg.priorMean).toBeCloseTo(top, 12);
    expect(Math.abs(data.neg.priorMean - data.neg.mean)).toBeGreaterThan(0.5);
    // P̂− at a huge λ− is the o-mean: the engine agrees with the text
    const far = explain(setHN, { ...params, lambdaNeg: 1e6 });
    expect(far.result.pMinus).toBeCloseTo(top, 5);
    const note = limitsNote({ data, params, lang: 'en' });
    expect(note).toContain(`top n̂ = 30 negatives, ${fmtP(top)}`);
    expect(note).toContain(`not to the plain mean over all negatives (${fmtP(data.neg.mean)}`);
    expect(note).not.toContain('P̂ → the plain mean');
    expect(limitsNote({ data, params, lang: 'zh' })).toContain(
      `n̂ = 30 个负样本的均值 ${fmtP(top)}`,
    );
    const uniform = limitsNote({ data: small(), params: DEFAULT_APP_PARAMS, lang: 'en' });
    expect(uniform).toContain(
      `with the uniform prior P̂ → the plain mean (${fmtP(small().neg.mean)}`,
    );
    const { props } = panelProps(data, { params });
    const view = render(<DistributionPanel {...props} />);
    expect(view.container.querySelector('.dist-limits')?.textContent).toBe(note);
  });
});

describe('item 7: no pairs is not "too many to draw"', () => {
  it('no positives: says there is no pair, both languages', () => {
    const data = noPositives();
    const { props } = panelProps(data);
    const view = render(<RankingPanel {...props} />);
    const text = view.container.textContent ?? '';
    expect(text).not.toContain('too many');
    expect(text).toContain('There are no positives, so there is no pair to rank');
    expect(text).toContain(`DR still has a loss (${fmtNum(data.result.loss)})`);
    cleanup();
    const zhView = render(<RankingPanel {...props} lang="zh" />);
    expect(zhView.container.textContent).toContain('没有正样本，因此没有可排序的样本对');
    expect(zhView.container.textContent).not.toContain('太多');
  });

  it('a set that is too large still says so, with its count', () => {
    const { props } = panelProps(medium());
    const view = render(<RankingPanel {...props} />);
    expect(view.container.textContent).toContain(
      `${fmtCount(medium().pairwise.pairs)} pairs are too many to draw`,
    );
  });
});

describe('item 10: gradient normalisation', () => {
  it('each curve lies within [−1, 1] with its largest |value| at 1, not "from −1 to 1"', () => {
    const d = small().detail;
    if (!d) throw new Error('detail');
    let oneSided = false;
    for (const id of SERIES) {
      const { scaled } = normalise(seriesValues(d, id, 'logit'));
      const max = Math.max(...Array.from(scaled, Math.abs));
      expect(max).toBeCloseTo(1, 14);
      const lo = Math.min(...scaled);
      const hi = Math.max(...scaled);
      expect(lo).toBeGreaterThanOrEqual(-1);
      expect(hi).toBeLessThanOrEqual(1);
      if (lo > -1 || hi < 1) oneSided = true; // a curve that does not run from −1 to 1
    }
    expect(oneSided).toBe(true);
    expect(en('gradient.normalisation')).toContain(
      'lies within [−1, 1] with its largest |value| scaled to 1',
    );
    expect(en('gradient.normalisation')).not.toContain('run from −1 to 1');
    expect(zh('gradient.normalisation')).toContain('位于 [−1, 1] 之内');
  });
});

describe('words inside the equations come from the string table', () => {
  it('\\text{…} follows the language; no English word is typeset in Chinese', async () => {
    const { EQUATIONS } = await import('../../src/panels/tex/equations.ts');
    const data = small();
    for (const [id, eq] of Object.entries(EQUATIONS)) {
      const zhTex = eq({ data, params: DEFAULT_APP_PARAMS, hovered: null, lang: 'zh' });
      const words = [...zhTex.matchAll(/\\text\{([^}]*)\}/g)].map((m) => m[1]);
      for (const w of words) expect(w, `${id}: ${w}`).not.toMatch(/[A-Za-z]{2,}/);
    }
    const en = EQUATIONS.imbalance({ data, params: DEFAULT_APP_PARAMS, hovered: null });
    expect(en).toContain('\\frac{\\text{negatives}}{\\text{total}}');
    const zhImb = EQUATIONS.imbalance({
      data,
      params: DEFAULT_APP_PARAMS,
      hovered: null,
      lang: 'zh',
    });
    expect(zhImb).toContain('\\frac{\\text{负样本}}{\\text{总和}}');
    const { props } = panelProps(data, { lang: 'zh' });
    const view = render(<RankingPanel {...props} />);
    expect(view.container.querySelector('.katex')?.textContent).toContain('违反间隔');
  });
});
