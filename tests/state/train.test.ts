import { describe, expect, it } from 'vitest';
import { toEngineParams } from '../../src/params/table.ts';
import { decodePermalink, encodePermalink } from '../../src/state/permalink/index.ts';
import { createAppStore, persistedOf } from '../../src/state/store.ts';
import { DEFAULT_TRAIN } from '../../src/state/train.ts';
import { trainRuns } from '../../src/train/index.ts';
import {
  DEFAULT_TRAIN_SETUP,
  trainDataOf,
  trainSpecOf,
  type TrainSetup,
} from '../../src/worker/trainSetup.ts';

describe('store: the train choice', () => {
  it('a setup change is one undo step (a gesture coalesces); the shown step is not', () => {
    const store = createAppStore();
    const st = () => store.getState();
    expect(st().train).toBe(DEFAULT_TRAIN);
    st().setTrainSetup({ lrDr: 0.01 }, 'train:lrDr');
    st().setTrainSetup({ lrDr: 0.02 }, 'train:lrDr');
    st().endGesture();
    st().setTrainSetup({ model: 'mlp' });
    st().setTrainStep(150);
    expect(st().train.step).toBe(150);
    expect(st().history.past).toHaveLength(2);
    st().undo();
    expect(st().train.setup.model).toBe('linear');
    expect(st().train.setup.lrDr).toBe(0.02);
    st().undo();
    expect(st().train).toBe(DEFAULT_TRAIN);
    st().redo();
    st().redo();
    expect(st().train.setup.model).toBe('mlp');
  });

  it('a parameter change keeps the train choice; a bad setup value changes nothing and says so', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().setTrainSetup({ steps: 50 });
    st().setTrainStep(80);
    expect(st().train.step).toBe(50);
    const train = st().train;
    st().setParams({ lambdaNeg: 0.3 });
    expect(st().train).toBe(train);
    st().setTrainSetup({ priorDr: 1 });
    expect(st().train).toBe(train);
    expect(st().notices.at(-1)!.vars.text).toMatch(/priorDr/);
  });
});

describe('permalink: train rows', () => {
  it('the default choice adds nothing to the link', () => {
    expect(encodePermalink(persistedOf(createAppStore().getState()))).not.toMatch(/\bt[a-z]*=/);
  });

  it('round-trips every field exactly, and the step', () => {
    const store = createAppStore();
    const setup: Partial<TrainSetup> = {
      anchors: 2345,
      imbalance: 1000,
      overlap: 0.1 + 0.2,
      classes: 2,
      dataSeed: 77,
      model: 'mlp',
      hidden: 5,
      optimizer: 'sgd',
      lrDr: 1 / 3,
      lrFocal: 0.07,
      lrBce: 1e-3,
      priorDr: 0.4,
      priorFocal: 0.02,
      priorBce: 0.03,
      alpha: 0.5,
      gamma: 1.5,
      steps: 321,
      speed: 7,
    };
    store.getState().setTrainSetup(setup);
    store.getState().setTrainStep(123);
    const hash = encodePermalink(persistedOf(store.getState()));
    const { state, notices } = decodePermalink(hash);
    expect(notices).toEqual([]);
    expect(state.train).toEqual({ setup: { ...DEFAULT_TRAIN_SETUP, ...setup }, step: 123 });
  });

  it('bad values keep their defaults with a notice naming the field; the rest applies', () => {
    const { state, notices } = decodePermalink(
      'v=1&tn=abc&tm=deep&tpd=1&tk=3&ts=40&tstep=41&tlrd=0.5',
    );
    expect(state.train!.setup).toEqual({ ...DEFAULT_TRAIN_SETUP, steps: 40, lrDr: 0.5 });
    expect(state.train!.step).toBe(0);
    expect(notices).toHaveLength(5);
    for (const key of ['tn', 'tm', 'tpd', 'tk', 'tstep']) {
      expect(notices.some((n) => n.includes(`field ${key} (train`))).toBe(true);
    }
  });

  it('runs are deterministic across a link round-trip: the same numbers bit for bit', () => {
    const setup: TrainSetup = {
      ...DEFAULT_TRAIN_SETUP,
      anchors: 700,
      imbalance: 30,
      overlap: 0.45,
      lrDr: 0.07,
      steps: 15,
      model: 'mlp',
      hidden: 4,
    };
    const store = createAppStore();
    store.getState().setTrainSetup(setup);
    store.getState().setParams({ lambdaNeg: 0.2 });
    const { state } = decodePermalink(encodePermalink(persistedOf(store.getState())));
    const runOf = (s: TrainSetup, params: typeof state.params) =>
      trainRuns(trainSpecOf(s, toEngineParams(params), trainDataOf(s, null).data));
    const a = runOf(setup, store.getState().params);
    const b = runOf(state.train!.setup, state.params);
    for (const name of ['dr', 'focal', 'bce'] as const) {
      for (const key of ['loss', 'ap', 'auc', 'pPlus'] as const) {
        const x = a.runs[name]![key];
        const y = b.runs[name]![key];
        expect(x.every((v, i) => Object.is(v, y[i]))).toBe(true);
      }
    }
  });
});
