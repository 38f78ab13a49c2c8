import { describe, expect, it } from 'vitest';
import { connectEngine, type ClientCallbacks } from '../../src/state/engineSync.ts';
import { createAppStore, noticeText } from '../../src/state/store.ts';
import { t } from '../../src/i18n/strings.ts';
import type { AppParams } from '../../src/params/types.ts';
import { syncClient } from '../worker/syncClient.ts';

describe('store ↔ engine wiring', () => {
  it('sends the initial state, then one request per change of params or candidates', () => {
    const store = createAppStore();
    const log: { params: AppParams; load: boolean }[] = [];
    const { dispose } = connectEngine(store, (cb) => syncClient(cb, log));
    expect(log).toHaveLength(1);
    expect(store.getState().status).toBe('ready');
    const first = store.getState().shown!.result.loss;

    store.getState().setParams({ lambdaNeg: 0.5 }, 'slider:lambdaNeg');
    expect(log).toHaveLength(2);
    expect(log[1].load).toBe(false);
    expect(log[1].params.lambdaNeg).toBe(0.5);
    expect(store.getState().shown!.result.loss).not.toBeCloseTo(first, 6);

    store.getState().setHovered(3);
    store.getState().notify('not a choice');
    expect(log).toHaveLength(2);

    store.getState().setSource({ kind: 'generated', preset: 'hard-negatives', seed: 4, edits: [] });
    expect(log).toHaveLength(3);
    expect(log[2].load).toBe(true);
    dispose();
    store.getState().setParams({ tau: 1 });
    expect(log).toHaveLength(3);
  });

  it('the hard-negative choice reaches the engine with its n̂', () => {
    const store = createAppStore();
    const log: { params: AppParams; load: boolean }[] = [];
    connectEngine(store, (cb) => syncClient(cb, log));
    store.getState().setParams({ original: 'hardNegative', hardK: 7 });
    expect(log.at(-1)?.params).toMatchObject({ original: 'hardNegative', hardK: 7 });
    // …and the engine's answer is the top-7 prior's: q− lives on 7 negatives only.
    const q = store.getState().shown!.data.neg.hist.oMass;
    expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const d = store.getState().shown!.data.detail!;
    const support = d.o.filter((o, i) => d.positive[i] === 0 && o > 0).length;
    expect(support).toBe(7);
  });

  it('a notice from the client lands in the store with its mode', () => {
    const store = createAppStore();
    let callbacks: ClientCallbacks | null = null;
    const { client } = connectEngine(store, (cb) => {
      callbacks = cb;
      return { ...syncClient(cb, []), mode: 'fallback' };
    });
    callbacks!.onNotice('worker gone', 'error');
    expect(client.mode).toBe('fallback');
    expect(store.getState().engineMode).toBe('fallback');
    expect(store.getState().notices.map((n) => noticeText(n, t('en')))).toEqual(['worker gone']);
  });
});
