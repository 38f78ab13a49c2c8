import { DEFAULT_SOURCE } from '../../src/state/defaults.ts';
import { t } from '../../src/i18n/strings.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/types.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import {
  createAppStore,
  MAIN_THREAD_ENTRY_LIMIT,
  NOTICE_LIMIT,
  noticeText,
  persistedOf,
} from '../../src/state/store.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import type { ClientResult } from '../../src/worker/client.ts';
import { explain } from '../../src/explain/index.ts';

/** A real (tiny) explainer snapshot for results whose numbers the tests below do not read. */
const explained = explain(
  { R: 2, K: 1, logits: Float64Array.of(1, -1), targets: Int32Array.of(1, 0) },
  DEFAULT_APP_PARAMS,
);

const result = (gen: number, loss: number, latest = true): ClientResult => ({
  type: 'result',
  gen,
  latest,
  result: {
    loss,
    pPlus: 1,
    pMinus: 0,
    z: 0,
    slope: 0,
    nPos: 1,
    nNeg: 1,
    klPos: 0,
    klNeg: 0,
    essPos: 1,
    essNeg: 1,
  },
  info: { R: 2, K: 1, nPos: 1, nNeg: 1 },
  explained,
  params: DEFAULT_APP_PARAMS,
  loadMs: 0,
  evaluateMs: 1,
  roundTripMs: 2,
});

describe('app store: the choice and its history', () => {
  it('starts from the paper defaults on the first preset', () => {
    const s = createAppStore().getState();
    expect(s.params).toEqual(DEFAULT_APP_PARAMS);
    expect(s.source).toBe(DEFAULT_SOURCE);
    expect(s.params.lambdaNeg).toBeCloseTo(DEFAULT_PARAMS.lambdaNeg, 15);
  });

  it('a slider drag (one gesture) is one undo step, and redo returns to its end', () => {
    const store = createAppStore();
    const { setParams, endGesture } = store.getState();
    for (const v of [0.2, 0.3, 0.4]) setParams({ lambdaNeg: v }, 'slider:lambdaNeg');
    endGesture();
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().params.lambdaNeg).toBe(DEFAULT_APP_PARAMS.lambdaNeg);
    store.getState().redo();
    expect(store.getState().params.lambdaNeg).toBe(0.4);
  });

  it('two drags of the same slider are two steps', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().setParams({ tau: 5 }, 'slider:tau');
    s().endGesture();
    s().setParams({ tau: 6 }, 'slider:tau');
    s().endGesture();
    s().undo();
    expect(s().params.tau).toBe(5);
    s().undo();
    expect(s().params.tau).toBe(DEFAULT_APP_PARAMS.tau);
  });

  it('a change to the same values records no step and does not notify subscribers', () => {
    const store = createAppStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.getState().setParams({ margin: DEFAULT_APP_PARAMS.margin });
    expect(calls).toBe(0);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('an import with its own params is one step that undo reverts entirely', () => {
    const store = createAppStore();
    const imported: CandidateSource = {
      kind: 'explicit',
      name: 'case.json',
      base: { R: 1, K: 1, logits: Float64Array.of(0.5), targets: Int32Array.of(1) },
      edits: [],
    };
    store.getState().setSource(imported, { ...DEFAULT_APP_PARAMS, margin: 0.9 });
    expect(store.getState().source).toBe(imported);
    expect(store.getState().candidates?.R).toBe(1);
    store.getState().undo();
    expect(persistedOf(store.getState())).toEqual({
      params: DEFAULT_APP_PARAMS,
      source: DEFAULT_SOURCE,
    });
  });

  it('a candidate edit appends to the source’s edits, shows in the candidates, and undoes', () => {
    const store = createAppStore();
    store.getState().editCandidates({ op: 'setLogit', row: 0, cls: 0, logit: 7.25 });
    const s = store.getState();
    expect(s.source.edits).toEqual([{ op: 'setLogit', row: 0, cls: 0, logit: 7.25 }]);
    expect(s.candidates?.logits[0]).toBe(7.25);
    s.undo();
    expect(store.getState().source).toBe(DEFAULT_SOURCE);
    expect(store.getState().candidates?.logits[0]).not.toBe(7.25);
  });

  it('a drag of one candidate (many setLogit edits) is one undo step and one edit in the link', () => {
    const store = createAppStore();
    const s = () => store.getState();
    for (const logit of [0.5, 1, 1.5])
      s().applyPanelEdit({ kind: 'setLogit', row: 4, cls: 1, logit });
    s().endGesture();
    expect(s().source.edits).toEqual([{ op: 'setLogit', row: 4, cls: 1, logit: 1.5 }]);
    expect(s().candidates?.logits[4 * 3 + 1]).toBe(1.5);
    expect(s().history.past).toHaveLength(1);
    s().applyPanelEdit({ kind: 'setLogit', row: 4, cls: 1, logit: 2 });
    s().endGesture();
    expect(s().source.edits).toHaveLength(2); // a second drag is a second step
    s().undo();
    s().undo();
    expect(s().source).toBe(DEFAULT_SOURCE);
  });

  it('cycling a label follows the cycle from the row’s current target, and undo reverts it', () => {
    const store = createAppStore();
    const s = () => store.getState();
    const row = Array.from(s().candidates!.targets).indexOf(0);
    s().applyPanelEdit({ kind: 'cycleLabel', row });
    expect(s().candidates?.targets[row]).toBe(1);
    s().applyPanelEdit({ kind: 'cycleLabel', row });
    expect(s().candidates?.targets[row]).toBe(2);
    expect(s().history.past).toHaveLength(2);
    s().undo();
    expect(s().candidates?.targets[row]).toBe(1);
  });

  it('an edit that cannot apply changes nothing and says why', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().applyPanelEdit({ kind: 'delete', row: 300 });
    expect(s().source).toBe(DEFAULT_SOURCE);
    expect(s().notices.at(-1)?.vars.problem).toMatch(/row 300 is not in 0\.\.299/);
    expect(s().editCandidates({ op: 'add', logits: [0], target: 1 })).toBe(false);
    expect(s().notices.at(-1)?.vars.problem).toMatch(/needs 3 logits/);
  });

  it('sets too large for the main thread refuse panel edits with a notice', () => {
    const store = createAppStore({
      params: DEFAULT_APP_PARAMS,
      source: { kind: 'generated', preset: 'detection-scale', seed: 1, edits: [] },
    });
    store.getState().applyPanelEdit({ kind: 'cycleLabel', row: 0 });
    expect(store.getState().source.edits).toEqual([]);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('the hovered entry survives a drag or relabel, not a change of which rows exist', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().setHovered(7);
    s().applyPanelEdit({ kind: 'setLogit', row: 2, cls: 1, logit: 0.5 });
    s().applyPanelEdit({ kind: 'cycleLabel', row: 2 });
    expect(s().view.hovered).toBe(7);
    s().applyPanelEdit({ kind: 'delete', row: 0 });
    expect(s().view.hovered).toBeNull();
    s().setHovered(4);
    s().undo();
    expect(s().view.hovered).toBeNull();
  });

  it('hover, language and theme are view state: no undo step, no new choice', () => {
    const store = createAppStore(undefined, { lang: 'zh', theme: 'dark' });
    const s = () => store.getState();
    expect(s().view).toEqual({ hovered: null, lang: 'zh', theme: 'dark' });
    s().setHovered(5);
    s().setLang('en');
    s().setTheme('light');
    expect(s().view).toEqual({ hovered: 5, lang: 'en', theme: 'light' });
    expect(s().history.past).toHaveLength(0);
    expect(s().source).toBe(DEFAULT_SOURCE);
  });

  it('small sets are materialised on the main thread, the detection-scale set is not', () => {
    const store = createAppStore();
    expect(store.getState().candidates?.R).toBe(300);
    store
      .getState()
      .setSource({ kind: 'generated', preset: 'detection-scale', seed: 1, edits: [] });
    expect(store.getState().candidates).toBeNull();
    expect(100_000 * 80).toBeGreaterThan(MAIN_THREAD_ENTRY_LIMIT);
  });

  it('restore replaces the choice without an undo step', () => {
    const store = createAppStore();
    store.getState().setParams({ tau: 2 });
    store.getState().restore({ params: { ...DEFAULT_APP_PARAMS, L: 9 }, source: DEFAULT_SOURCE });
    expect(store.getState().params.L).toBe(9);
    expect(store.getState().history.past).toHaveLength(0);
  });
});

describe('app store: engine results and notices', () => {
  it('shows a result and reports ready only when it answers the newest request', () => {
    const store = createAppStore();
    expect(store.getState().status).toBe('computing');
    store.getState().engineResult(result(1, 2.5, false));
    expect(store.getState().shown?.result.loss).toBe(2.5);
    expect(store.getState().status).toBe('computing');
    store.getState().engineResult(result(3, 2.0));
    expect(store.getState().status).toBe('ready');
  });

  it('never replaces a shown result by an older one', () => {
    const store = createAppStore();
    store.getState().engineResult(result(5, 1.5));
    store.getState().engineResult(result(4, 9.9, false));
    expect(store.getState().shown?.generation).toBe(5);
    expect(store.getState().shown?.result.loss).toBe(1.5);
  });

  it('an error of the newest request sets status error with an alert; a superseded one is ignored', () => {
    const store = createAppStore();
    store.getState().engineFailed({ type: 'error', gen: 1, message: 'old', latest: false });
    expect(store.getState().notices).toHaveLength(0);
    store
      .getState()
      .engineFailed({ type: 'error', gen: 2, message: 'λ− must be > 0', latest: true });
    expect(store.getState().status).toBe('error');
    expect(store.getState().notices[0]).toMatchObject({
      level: 'error',
      key: 'notice.engineFailed',
      vars: { error: 'λ− must be > 0' },
    });
    expect(noticeText(store.getState().notices[0], t('zh'))).toBe('引擎无法计算：λ− must be > 0');
  });

  it('repeated notices stay one line and at most NOTICE_LIMIT are kept', () => {
    const store = createAppStore();
    const { notify } = store.getState();
    notify('same');
    notify('same');
    expect(store.getState().notices).toHaveLength(1);
    for (let i = 0; i < NOTICE_LIMIT + 3; i++) notify(`n${i}`);
    const texts = store.getState().notices.map((n) => noticeText(n, t('en')));
    expect(texts).toHaveLength(NOTICE_LIMIT);
    expect(texts.at(-1)).toBe(`n${NOTICE_LIMIT + 2}`);
  });

  it('a dismissed notice is gone', () => {
    const store = createAppStore();
    store.getState().notify('bye');
    const id = store.getState().notices[0].id;
    store.getState().dismissNotice(id);
    expect(store.getState().notices).toEqual([]);
  });
});
