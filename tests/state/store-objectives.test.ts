/**
 * The store and a detection-scale load's BCE and FL, which come after its result (the client's
 * onObjectives): filled into the shown result they complete, ignored for any other.
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store.ts';
import { explain } from '../../src/explain/index.ts';
import { generatePreset } from '../../src/data/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { ClientResult } from '../../src/worker/client.ts';
import type { ObjectivesResponse } from '../../src/worker/protocol.ts';

const full = explain(generatePreset('paper-default', 1), DEFAULT_APP_PARAMS);

function pendingResult(gen: number): ClientResult {
  return {
    type: 'result',
    gen,
    result: full.result,
    info: { R: 1, K: 1, nPos: full.pos.n, nNeg: full.neg.n },
    params: DEFAULT_APP_PARAMS,
    explained: { ...full, bce: null, focal: null },
    loadMs: 0,
    evaluateMs: 0,
    latest: true,
    roundTripMs: 0,
  };
}

const objectives = (gen: number): ObjectivesResponse => ({
  type: 'objectives',
  gen,
  bce: full.bce!,
  focal: full.focal!,
});

describe('store: BCE and FL after their result', () => {
  it('fills them into the shown result of their generation, which is ready meanwhile', () => {
    const store = createAppStore();
    store.getState().engineResult(pendingResult(3));
    expect(store.getState().status).toBe('ready');
    expect(store.getState().shown!.data.bce).toBeNull();
    const before = store.getState().shown!;
    store.getState().engineObjectives(objectives(3));
    const after = store.getState().shown!;
    expect(after.data).toEqual(full);
    // everything else is the result as it was: the same objects, nothing recomputed
    expect(after.result).toBe(before.result);
    expect(after.data.neg).toBe(before.data.neg);
    expect(after.generation).toBe(3);
  });

  it('ignores objectives of another generation, before or after a newer result', () => {
    const store = createAppStore();
    store.getState().engineResult(pendingResult(3));
    store.getState().engineObjectives(objectives(2));
    expect(store.getState().shown!.data.bce).toBeNull();
    store.getState().engineResult(pendingResult(5));
    store.getState().engineObjectives(objectives(3));
    expect(store.getState().shown!.data.bce).toBeNull();
    store.getState().engineObjectives(objectives(5));
    expect(store.getState().shown!.data.bce).toEqual(full.bce);
  });

  it('never replaces objectives a result already has', () => {
    const store = createAppStore();
    store.getState().engineResult({ ...pendingResult(4), explained: full });
    const shown = store.getState().shown;
    store.getState().engineObjectives({ ...objectives(4), bce: { total: 1, fromNeg: 1 } });
    expect(store.getState().shown).toBe(shown);
  });
});
