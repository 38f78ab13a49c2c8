import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDefaultChoice, stepChoice } from '../../../src/app/tour/applyStep.ts';
import { TOUR_STEPS, stepAt, stepParams } from '../../../src/app/tour/steps.ts';
import { materialize } from '../../../src/data/index.ts';
import { isPresetId } from '../../../src/data/presets.ts';
import type { CandidateSource } from '../../../src/data/types.ts';
import { explain } from '../../../src/explain/index.ts';
import { strings } from '../../../src/i18n/allStrings.ts';
import { DEFAULT_APP_PARAMS, NUMERIC_SPECS } from '../../../src/params/table.ts';
import { DEFAULT_STATE } from '../../../src/state/defaults.ts';
import { PANEL_IDS } from '../../../src/state/lesson.ts';
import type { PersistedState } from '../../../src/state/types.ts';

/** Sentences of an English text: ends of '.', '!' or '?' before a capital or the end. */
const enSentences = (text: string) =>
  text.split(/[.!?](?=\s+[A-Z“(§]|\s*$)/).filter((t) => t.trim());
const zhSentences = (text: string) => text.split(/[。！？]/).filter((t) => t.trim());

describe('the guided tour’s steps', () => {
  it('has at least 8 steps with unique ids, in the page’s panel order', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
    const order = TOUR_STEPS.map((s) => PANEL_IDS.indexOf(s.panel));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Every panel of the paper's argument is visited.
    expect(new Set(TOUR_STEPS.map((s) => s.panel))).toEqual(new Set(PANEL_IDS));
  });

  it('each step sets a known set and parameters inside the controls’ ranges', () => {
    for (const step of TOUR_STEPS) {
      if (step.preset !== null) expect(isPresetId(step.preset)).toBe(true);
      const params = stepParams(step);
      for (const spec of NUMERIC_SPECS) {
        expect(params[spec.key]).toBeGreaterThanOrEqual(spec.min);
        expect(params[spec.key]).toBeLessThanOrEqual(spec.max);
      }
    }
  });

  it('each step says in two or three sentences what to look at, and offers a try, in both languages', () => {
    for (const step of TOUR_STEPS) {
      for (const lang of ['en', 'zh'] as const) {
        const table = strings[lang];
        expect(table[step.title].length, step.id).toBeGreaterThan(0);
        expect(table[step.tryThis].length, step.id).toBeGreaterThan(0);
      }
      const en = enSentences(strings.en[step.body]).length;
      const zh = zhSentences(strings.zh[step.body]).length;
      expect(en, `${step.id}: ${strings.en[step.body]}`).toBeGreaterThanOrEqual(2);
      expect(en, step.id).toBeLessThanOrEqual(3);
      expect(zh, `${step.id}: ${strings.zh[step.body]}`).toBeGreaterThanOrEqual(2);
      expect(zh, step.id).toBeLessThanOrEqual(3);
    }
  });

  it('every step’s settings compute (the engine explains each step’s set and parameters)', () => {
    for (const step of TOUR_STEPS) {
      const choice = stepChoice(step, DEFAULT_STATE);
      const data = explain(materialize(choice.source), choice.params);
      expect(Number.isFinite(data.result.loss), step.id).toBe(true);
    }
  });

  it('the imbalance step’s text matches its set: 10 positives and 10,000 negatives', () => {
    const step = TOUR_STEPS.find((s) => s.id === 'imbalance')!;
    const data = explain(materialize(stepChoice(step, DEFAULT_STATE).source), stepParams(step));
    expect([data.pos.n, data.neg.n]).toEqual([10, 10_000]);
    expect(strings.en[step.body]).toContain('10 positives and 10,000 negatives');
  });

  it('the distribution step’s try holds on its set: λ− = 1 puts P̂− near the mean, 0.02 near the max', () => {
    const step = TOUR_STEPS.find((s) => s.id === 'distribution')!;
    const set = materialize(stepChoice(step, DEFAULT_STATE).source);
    for (const [lambdaNeg, nearMax] of [
      [1, false],
      [0.02, true],
    ] as const) {
      const d = explain(set, { ...stepParams(step), lambdaNeg });
      const toMean = d.result.pMinus - d.neg.mean;
      const toMax = d.neg.max - d.result.pMinus;
      expect(toMean).toBeGreaterThanOrEqual(0);
      expect(toMax).toBeGreaterThanOrEqual(0);
      expect(toMax < toMean, `λ− = ${lambdaNeg}`).toBe(nearMax);
    }
  });

  it('stepAt clamps a link’s step number to the tour', () => {
    expect(stepAt(0).number).toBe(1);
    expect(stepAt(4).step).toBe(TOUR_STEPS[3]);
    expect(stepAt(99).number).toBe(TOUR_STEPS.length);
  });
});

describe('applying a step', () => {
  const a: PersistedState['baseline'] = {
    params: { ...DEFAULT_APP_PARAMS, tau: 2 },
    source: DEFAULT_STATE.source,
  };

  it('sets the step’s set and resets the other parameters; a pinned baseline stays', () => {
    const current: PersistedState = {
      params: { ...DEFAULT_APP_PARAMS, tau: 9, lambdaNeg: 3 },
      source: DEFAULT_STATE.source,
      baseline: a!,
    };
    const step = TOUR_STEPS.find((s) => s.id === 'imbalance')!;
    const next = stepChoice(step, current);
    expect(next.params).toEqual(stepParams(step));
    expect(next.source).toMatchObject({ kind: 'generated', preset: 'imbalance-1000', edits: [] });
    expect(next.baseline).toBe(a);
  });

  it('keeps the very same source object when the step’s set is already loaded', () => {
    const step = TOUR_STEPS.find((s) => s.preset === 'paper-default')!;
    expect(stepChoice(step, DEFAULT_STATE).source).toBe(DEFAULT_STATE.source);
    const edited: CandidateSource = { ...DEFAULT_STATE.source, edits: [{ op: 'delete', row: 0 }] };
    expect(stepChoice(step, { ...DEFAULT_STATE, source: edited }).source).not.toBe(edited);
  });

  it('a link without settings of its own is the default choice; one with a baseline or a λ is not', () => {
    expect(isDefaultChoice(DEFAULT_STATE)).toBe(true);
    expect(isDefaultChoice({ ...DEFAULT_STATE, params: { ...DEFAULT_APP_PARAMS } })).toBe(true);
    expect(
      isDefaultChoice({ ...DEFAULT_STATE, params: { ...DEFAULT_APP_PARAMS, lambdaNeg: 0.5 } }),
    ).toBe(false);
    expect(isDefaultChoice({ ...DEFAULT_STATE, baseline: a! })).toBe(false);
  });
});

/** docs/tour.md: what the tour says at each step, from the string table (UPDATE_TOUR_DOC=1 rewrites it). */
function tourDoc(): string {
  const lines = [
    '# The guided tour, step by step',
    '',
    '<!-- Generated from src/app/tour/steps.ts and src/i18n/{en,zh}/tour.ts by tests/app/tour/steps.test.ts',
    '     (UPDATE_TOUR_DOC=1 npx vitest run tests/app/tour). Do not edit by hand. -->',
    '',
    'Open it with the “Guided tour” button, or send a step as a link: `#v=1&tour=<n>` opens step n with',
    'its own settings (a link that also carries parameters keeps them). “Back” and “Next” (上一步, 下一步)',
    'move; Escape leaves the tour and keeps the step’s settings.',
    '',
  ];
  TOUR_STEPS.forEach((step, i) => {
    const changed = Object.entries(step.params)
      .map(([k, v]) => `${k} = ${String(v)}`)
      .join(', ');
    const en = strings.en;
    const zh = strings.zh;
    lines.push(
      `## ${i + 1}. ${en[step.title]} (${zh[step.title]})`,
      '',
      `- Panel: \`${step.panel}\`; set: \`${step.preset ?? 'unchanged'}\`; parameters: the paper’s defaults${changed ? `, ${changed}` : ''}.`,
      `- Link: \`#v=1&tour=${i + 1}\``,
      '',
      en[step.body],
      '',
      `**${en['tour.try']}** ${en[step.tryThis]}`,
      '',
      `> ${zh[step.body]}`,
      '>',
      `> **${zh['tour.try']}** ${zh[step.tryThis]}`,
      '',
    );
  });
  return lines.join('\n');
}

describe('docs/tour.md', () => {
  it('lists what the tour says at each step, word for word', () => {
    const path = new URL('../../../docs/tour.md', import.meta.url);
    const expected = tourDoc();
    if (process.env.UPDATE_TOUR_DOC === '1' || !existsSync(path)) writeFileSync(path, expected);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });
});
