import { describe, expect, it } from 'vitest';
import {
  EMPTY_HISTORY,
  HISTORY_LIMIT,
  samePersisted,
  withChange,
  withGestureEnd,
  withRedo,
  withUndo,
} from '../../src/state/history.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import type { PersistedState } from '../../src/state/types.ts';

const source: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };
const at = (margin: number, src: CandidateSource = source): PersistedState => ({
  params: { ...DEFAULT_APP_PARAMS, margin },
  source: src,
});

describe('undo/redo transitions', () => {
  it('undo restores the state before a change and redo the state after it', () => {
    const a = at(0.5);
    const b = at(0.7);
    const h = withChange(EMPTY_HISTORY, a, b);
    const back = withUndo(h, b);
    expect(back?.state).toBe(a);
    const forth = withRedo(back!.history, a);
    expect(forth?.state).toBe(b);
    expect(forth?.history.future).toEqual([]);
  });

  it('changes with one gesture tag make one undo step that returns to before the gesture', () => {
    const states = [0.5, 0.51, 0.52, 0.53].map((m) => at(m));
    let h = EMPTY_HISTORY;
    for (let i = 1; i < states.length; i++) h = withChange(h, states[i - 1], states[i], 'drag:γ');
    expect(h.past).toHaveLength(1);
    expect(withUndo(h, states[3])?.state.params.margin).toBe(0.5);
  });

  it('a change after the gesture ended is a new step, even with the same tag', () => {
    let h = withChange(EMPTY_HISTORY, at(0.5), at(0.6), 'drag:γ');
    h = withGestureEnd(h);
    h = withChange(h, at(0.6), at(0.7), 'drag:γ');
    expect(h.past.map((s) => s.params.margin)).toEqual([0.5, 0.6]);
  });

  it('a different tag or no tag starts a new step', () => {
    let h = withChange(EMPTY_HISTORY, at(0.5), at(0.6), 'drag:γ');
    h = withChange(h, at(0.6), at(0.7), 'drag:τ');
    h = withChange(h, at(0.7), at(0.8));
    h = withChange(h, at(0.8), at(0.9));
    expect(h.past).toHaveLength(4);
  });

  it('an identical choice records nothing', () => {
    const h = withChange(EMPTY_HISTORY, at(0.5), at(0.5));
    expect(h).toBe(EMPTY_HISTORY);
  });

  it('a new change clears the redo list', () => {
    const h = withChange(EMPTY_HISTORY, at(0.5), at(0.6));
    const back = withUndo(h, at(0.6))!;
    expect(back.history.future).toHaveLength(1);
    expect(withChange(back.history, at(0.5), at(0.9)).future).toEqual([]);
  });

  it('undo and redo on an empty side do nothing', () => {
    expect(withUndo(EMPTY_HISTORY, at(0.5))).toBeNull();
    expect(withRedo(EMPTY_HISTORY, at(0.5))).toBeNull();
  });

  it(`keeps at most ${HISTORY_LIMIT} steps, dropping the oldest`, () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < HISTORY_LIMIT + 10; i++)
      h = withChange(h, at(i / 1000), at((i + 1) / 1000));
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0].params.margin).toBeCloseTo(10 / 1000, 15);
  });

  it('the same choice means equal parameters and the very same source object', () => {
    expect(samePersisted(at(0.5), at(0.5))).toBe(true);
    expect(samePersisted(at(0.5), at(0.5, { ...source }))).toBe(false);
    expect(samePersisted(at(0), at(-0))).toBe(false);
  });
});
