import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import { connectEngine } from '../../src/state/engineSync.ts';
import { decodePermalink, encodePermalink } from '../../src/state/permalink/index.ts';
import { createAppStore, persistedOf } from '../../src/state/store.ts';
import { syncClient } from '../worker/syncClient.ts';

describe('store: the pinned baseline A', () => {
  it('pin freezes params and candidates; swap exchanges A and now; clear forgets A; each is one undo step', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().setParams({ lambdaNeg: 0.2 });
    const source = st().source;
    st().pinBaseline();
    expect(st().baseline).toEqual({ params: st().params, source });
    expect(st().baseline!.source).toBe(source);
    st().setParams({ lambdaNeg: 0.7 }, 'slider:lambdaNeg');
    st().setParams({ lambdaNeg: 0.8 }, 'slider:lambdaNeg');
    st().endGesture();
    expect(st().baseline!.params.lambdaNeg).toBe(0.2);

    st().swapBaseline();
    expect(st().params.lambdaNeg).toBe(0.2);
    expect(st().baseline!.params.lambdaNeg).toBe(0.8);

    st().clearBaseline();
    expect(st().baseline).toBeNull();
    expect(st().params.lambdaNeg).toBe(0.2);

    st().undo(); // clear
    expect(st().baseline!.params.lambdaNeg).toBe(0.8);
    st().undo(); // swap
    expect(st().params.lambdaNeg).toBe(0.8);
    expect(st().baseline!.params.lambdaNeg).toBe(0.2);
    st().undo(); // the drag
    st().undo(); // pin
    expect(st().baseline).toBeNull();
    expect(st().params.lambdaNeg).toBe(0.2);
    st().redo();
    expect(st().baseline!.params.lambdaNeg).toBe(0.2);
  });

  it('swap and clear without a baseline change nothing and record no step', () => {
    const store = createAppStore();
    store.getState().swapBaseline();
    store.getState().clearBaseline();
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('A survives parameter and candidate changes, and the permalink carries it', () => {
    const store = createAppStore();
    const st = () => store.getState();
    st().pinBaseline();
    st().setParams({ tau: 2 });
    st().setSource({ kind: 'generated', preset: 'hard-negatives', seed: 3, edits: [] });
    const hash = encodePermalink(persistedOf(st()));
    const back = decodePermalink(hash);
    expect(back.notices).toEqual([]);
    expect(back.state.baseline!.params.tau).toBe(DEFAULT_APP_PARAMS.tau);
    expect(back.state.baseline!.source).toMatchObject({ preset: 'paper-default', seed: 1 });
    const reopened = createAppStore(back.state);
    expect(reopened.getState().baseline).toEqual(back.state.baseline);
  });

  it('the engine computes A through the same client, and a swap computes both again', () => {
    const store = createAppStore();
    const st = () => store.getState();
    connectEngine(store, syncClient);
    expect(st().baselineShown).toBeNull();
    const before = st().shown!.result.loss;
    st().pinBaseline();
    expect(st().baselineShown!.data.result.loss).toBe(before);
    expect(st().baselineShown!.latest).toBe(true);
    st().setParams({ lambdaNeg: 0.5 });
    const now = st().shown!.result.loss;
    expect(now).not.toBe(before);
    expect(st().baselineShown!.data.result.loss).toBe(before);
    st().swapBaseline();
    expect(st().shown!.result.loss).toBe(before);
    expect(st().baselineShown!.data.result.loss).toBe(now);
    st().clearBaseline();
    expect(st().baselineShown).toBeNull();
  });

  it('the lesson view is set by patch and left alone by choices and undo', () => {
    const store = createAppStore();
    store.getState().setLesson({ tour: 3 });
    const lesson = store.getState().lesson;
    expect(lesson).toEqual({ tour: 3, hide: [], embed: null });
    store.getState().setLesson({ tour: 3 });
    expect(store.getState().lesson).toBe(lesson);
    store.getState().setParams({ tau: 2 });
    store.getState().undo();
    expect(store.getState().lesson).toBe(lesson);
  });
});
