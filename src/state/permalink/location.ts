/**
 * The one module that touches location, history and localStorage. Everything else goes through it,
 * so the rest of the state layer stays pure and testable without a browser.
 *
 * The URL is written with history.replaceState, debounced: a slider drag makes one URL update when it
 * pauses, not one history entry per step (and never `location.hash =`, which would add entries and
 * fire hashchange). Pending writes are flushed when the page is hidden, so a reload keeps them.
 */
import type { PersistedState } from '../types.ts';
import { decodePermalink, encodePermalink } from './codec.ts';
import { DEFAULT_STATE } from '../defaults.ts';

/** Quiet time before the URL and localStorage are written (ms). */
export const WRITE_DEBOUNCE_MS = 250;
/** localStorage key of the last state. */
export const STORAGE_KEY = 'dr-loss-explorer:state';

const hasWindow = typeof window !== 'undefined';

let pendingHash: string | null = null;
let hashTimer: ReturnType<typeof setTimeout> | null = null;
let pendingStore: {
  state: PersistedState;
  onError: ((message: string) => void) | undefined;
} | null = null;
let storeTimer: ReturnType<typeof setTimeout> | null = null;
let flushOnHide = false;

/** The current hash without its '#' ('' when there is none or outside a browser). */
export function readHash(): string {
  if (!hasWindow) return '';
  return window.location.hash.replace(/^#/, '');
}

/** The full address for a hash: this page's URL with `#hash` (what "Copy link" copies). */
export function linkFor(hash: string): string {
  if (!hasWindow) return `#${hash}`;
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${hash}`;
}

function installFlushOnHide(): void {
  if (flushOnHide || !hasWindow) return;
  flushOnHide = true;
  window.addEventListener('pagehide', flushWrites);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushWrites();
  });
}

/**
 * Set the URL hash to `hash` (without '#') after WRITE_DEBOUNCE_MS of quiet, by
 * history.replaceState: no history entry, no hashchange event. Later calls replace earlier pending
 * ones (latest wins).
 */
export function writeHash(hash: string): void {
  if (!hasWindow) return;
  installFlushOnHide();
  pendingHash = hash;
  if (hashTimer !== null) clearTimeout(hashTimer);
  hashTimer = setTimeout(flushHash, WRITE_DEBOUNCE_MS);
}

/** Write a pending hash now (e.g. before copying the link). */
export function flushHash(): void {
  if (hashTimer !== null) clearTimeout(hashTimer);
  hashTimer = null;
  if (pendingHash === null || !hasWindow) return;
  const hash = pendingHash;
  pendingHash = null;
  if (readHash() === hash) return;
  // The empty hash is written as the bare URL, not a dangling '#'.
  const url = hash === '' ? window.location.pathname + window.location.search : `#${hash}`;
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Call `listener` with the new hash when the person edits the address bar or follows a link to
 * another hash on this page (replaceState from writeHash does not fire it). Returns the unsubscribe.
 */
export function subscribeHash(listener: (hash: string) => void): () => void {
  if (!hasWindow) return () => {};
  const onChange = () => listener(readHash());
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The last state saved in this browser, or null when there is none (or storage is unavailable).
 * A stored value that is not what saveStored writes is ignored with a notice; a readable one is
 * decoded like a link (bad fields keep defaults, each with a notice starting "Saved state").
 */
export function loadStored(): { state: PersistedState; notices: string[] } | null {
  let raw: string | null;
  try {
    raw = hasWindow ? window.localStorage.getItem(STORAGE_KEY) : null;
  } catch {
    return null;
  }
  if (raw === null) return null;
  let hash: unknown = null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed !== null && typeof parsed === 'object' && 'hash' in parsed) hash = parsed.hash;
  } catch {
    hash = null;
  }
  if (typeof hash !== 'string') {
    return {
      state: DEFAULT_STATE,
      notices: ['Saved state in this browser was unreadable and was ignored; defaults used'],
    };
  }
  // Storage holds the choice only; a lesson view is a link's alone.
  const { state, notices } = decodePermalink(hash, 'Saved state');
  return { state, notices };
}

/**
 * Save `state` to localStorage after WRITE_DEBOUNCE_MS of quiet (encoded like the permalink, in a
 * small JSON envelope). A storage failure (quota, privacy mode) calls `onError` with a message.
 */
export function saveStored(state: PersistedState, onError?: (message: string) => void): void {
  if (!hasWindow) return;
  installFlushOnHide();
  pendingStore = { state, onError };
  if (storeTimer !== null) clearTimeout(storeTimer);
  storeTimer = setTimeout(flushStore, WRITE_DEBOUNCE_MS);
}

function flushStore(): void {
  if (storeTimer !== null) clearTimeout(storeTimer);
  storeTimer = null;
  if (pendingStore === null) return;
  const { state, onError } = pendingStore;
  pendingStore = null;
  try {
    const value = JSON.stringify({ v: 1, hash: encodePermalink(state) });
    window.localStorage.setItem(STORAGE_KEY, value);
  } catch (e) {
    // DOMException is not an Error subclass in every environment: read its name directly.
    const name = e !== null && typeof e === 'object' && 'name' in e ? String(e.name) : 'error';
    onError?.(`Could not save the state in this browser: ${name}`);
  }
}

/** Flush both pending writes now (page hide, tests). */
export function flushWrites(): void {
  flushHash();
  flushStore();
}
