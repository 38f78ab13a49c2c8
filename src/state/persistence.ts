/**
 * Start-up state and saving: the URL hash wins, else the last state from localStorage, else defaults;
 * afterwards every change of the choice is handed to the permalink writers, which debounce (a drag
 * writes the URL once when it pauses, by replaceState). All browser access goes through
 * `PersistenceIO`, which the app fills from src/state/permalink/location.ts (the one module touching
 * location, history and storage).
 */
import { decodePermalink, encodePermalink } from './permalink/index.ts';
import { persistedOf, type AppStore } from './store.ts';
import type { PersistedState } from './types.ts';
import { DEFAULT_LESSON, type Lesson } from './lesson.ts';

export interface PersistenceIO {
  /** The current hash without '#', '' when there is none. */
  readHash(): string;
  /** Replace the hash, debounced, without a history entry. */
  writeHash(hash: string): void;
  /** The last saved state and the notices of decoding it; null when nothing is stored. */
  loadStored(): { state: PersistedState; notices: string[] } | null;
  /** Save, debounced; `onError` hears of a storage failure (quota, privacy mode). */
  saveStored(state: PersistedState, onError?: (message: string) => void): void;
  /** Write anything pending now. */
  flushWrites(): void;
  /** Listen for hash changes the person makes (address bar, a link on the page). */
  subscribeHash(listener: (hash: string) => void): () => void;
}

export interface InitialState {
  /** null: neither a hash nor a stored state; the store's defaults apply. */
  readonly state: PersistedState | null;
  readonly notices: readonly string[];
  readonly from: 'hash' | 'storage' | 'default';
  /** The lesson view of the link (tour step, hidden blocks, embed); never from storage. */
  readonly lesson: Lesson;
}

/** Decide the start-up state. Never throws: the decoders are total and report what they dropped. */
export function loadInitial(io: Pick<PersistenceIO, 'readHash' | 'loadStored'>): InitialState {
  const hash = io.readHash().replace(/^#/, '');
  if (hash !== '') {
    const { state, notices, lesson } = decodePermalink(hash);
    return { state, notices, from: 'hash', lesson };
  }
  const stored = io.loadStored();
  if (stored) {
    return {
      state: stored.state,
      notices: stored.notices,
      from: 'storage',
      lesson: DEFAULT_LESSON,
    };
  }
  return { state: null, notices: [], from: 'default', lesson: DEFAULT_LESSON };
}

/**
 * Write the store's choice to the hash and to storage now (so the URL is canonical from the start) and
 * on every change of it. A hash the person types in is applied as one undo step, with the decoder's
 * notices. Returns `dispose`.
 */
export function connectPersistence(store: AppStore, io: PersistenceIO): () => void {
  const onStorageError = (message: string) => store.getState().notify(message, 'error');
  let lastWritten = '';
  const write = () => {
    const state = persistedOf(store.getState());
    // The codec caches the encoded candidates per source object: a parameter step re-encodes only
    // the short parameter part. The lesson view goes to the link only, never to storage.
    lastWritten = encodePermalink(state, store.getState().lesson);
    io.writeHash(lastWritten);
    io.saveStored(state, onStorageError);
  };
  write();
  const unsubscribe = store.subscribe((state, prev) => {
    if (
      state.params !== prev.params ||
      state.source !== prev.source ||
      state.baseline !== prev.baseline ||
      state.train !== prev.train ||
      state.lesson !== prev.lesson
    ) {
      write();
    }
  });
  const unlisten = io.subscribeHash((hash) => {
    if (hash === lastWritten) return;
    const { state, notices, lesson } = decodePermalink(hash);
    notices.forEach((n) => store.getState().notify(n, 'error'));
    store.getState().setChoice(state);
    store.getState().setLesson(lesson);
  });
  return () => {
    unsubscribe();
    unlisten();
  };
}
