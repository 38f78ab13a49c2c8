import { DEFAULT_LESSON } from '../../src/state/lesson.ts';
import { DEFAULT_STATE } from '../../src/state/defaults.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import { encodePermalink } from '../../src/state/permalink/index.ts';
import {
  connectPersistence,
  loadInitial,
  type PersistenceIO,
} from '../../src/state/persistence.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { PersistedState } from '../../src/state/types.ts';

/** An in-memory stand-in for location.ts: records writes, lets the test "type" a hash. */
function memoryIO(hash = '', stored: PersistedState | null = null) {
  const io = {
    hash,
    stored,
    hashWrites: [] as string[],
    saves: 0,
    listeners: [] as ((h: string) => void)[],
    readHash: () => io.hash,
    writeHash: (h: string) => {
      io.hash = h;
      io.hashWrites.push(h);
    },
    loadStored: () => (io.stored ? { state: io.stored, notices: [] } : null),
    saveStored: (s: PersistedState) => {
      io.stored = s;
      io.saves++;
    },
    flushWrites: () => {},
    subscribeHash: (listener: (h: string) => void) => {
      io.listeners.push(listener);
      return () => io.listeners.splice(io.listeners.indexOf(listener), 1);
    },
  };
  return io satisfies PersistenceIO;
}

const tuned: PersistedState = {
  params: { ...DEFAULT_APP_PARAMS, lambdaNeg: 0.25, tau: 2 },
  source: { kind: 'generated', preset: 'hard-negatives', seed: 42, edits: [] },
};

describe('start-up state', () => {
  it('a hash wins over storage', () => {
    const io = memoryIO(encodePermalink(tuned), DEFAULT_STATE);
    const init = loadInitial(io);
    expect(init.from).toBe('hash');
    expect(init.state).toEqual(tuned);
  });

  it('without a hash the stored state comes back', () => {
    const init = loadInitial(memoryIO('', tuned));
    expect(init.from).toBe('storage');
    expect(init.state).toEqual(tuned);
  });

  it('with neither, the defaults apply and nothing is reported', () => {
    expect(loadInitial(memoryIO())).toEqual({
      state: null,
      notices: [],
      from: 'default',
      lesson: DEFAULT_LESSON,
    });
  });

  it('a bad field in the hash keeps its default, says which, and the rest still applies', () => {
    const hash = encodePermalink(tuned).replace(/tau=[^&]*/, 'tau=banana');
    const init = loadInitial(memoryIO(hash));
    expect(init.state?.params.tau).toBe(DEFAULT_APP_PARAMS.tau);
    expect(init.state?.params.lambdaNeg).toBe(0.25);
    expect(init.notices.join(' ')).toMatch(/τ|tau/);
  });
});

describe('saving the choice', () => {
  it('writes the canonical hash at once and after every change of the choice only', () => {
    const store = createAppStore(tuned);
    const io = memoryIO();
    connectPersistence(store, io);
    expect(io.hashWrites).toEqual([encodePermalink(tuned)]);
    store.getState().setParams({ margin: 0.3 });
    expect(io.hashWrites).toHaveLength(2);
    expect(loadInitial(io).state?.params.margin).toBe(0.3);
    store.getState().notify('not a choice');
    store.getState().setHovered(2);
    expect(io.hashWrites).toHaveLength(2);
    expect(io.saves).toBe(2);
  });

  it('a hash typed by the person applies as one undo step; our own writes are ignored', () => {
    const store = createAppStore();
    const io = memoryIO();
    connectPersistence(store, io);
    io.listeners.forEach((l) => l(io.hash));
    expect(store.getState().history.past).toHaveLength(0);
    io.listeners.forEach((l) => l(encodePermalink(tuned)));
    expect(store.getState().params.tau).toBe(2);
    expect(store.getState().source).toEqual(tuned.source);
    store.getState().undo();
    expect(store.getState().params).toEqual(DEFAULT_APP_PARAMS);
  });

  it('the decoder’s notices of a typed hash are shown', () => {
    const store = createAppStore();
    const io = memoryIO();
    connectPersistence(store, io);
    io.listeners.forEach((l) => l('v=1&gamma=2&margin=x'));
    expect(store.getState().notices.length).toBeGreaterThan(0);
  });
});
