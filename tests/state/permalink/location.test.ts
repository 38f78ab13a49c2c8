// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodePermalink } from '../../../src/state/permalink/codec.ts';
import {
  STORAGE_KEY,
  WRITE_DEBOUNCE_MS,
  flushHash,
  flushWrites,
  linkFor,
  loadStored,
  readHash,
  saveStored,
  subscribeHash,
  writeHash,
} from '../../../src/state/permalink/location.ts';
import { DEFAULT_STATE } from '../../../src/state/defaults.ts';
import type { PersistedState } from '../../../src/state/types.ts';

const withTau = (tau: number): PersistedState => ({
  ...DEFAULT_STATE,
  params: { ...DEFAULT_STATE.params, tau },
});

beforeEach(() => {
  vi.useFakeTimers();
  window.history.replaceState(null, '', '/');
  window.localStorage.clear();
});
afterEach(() => {
  flushWrites();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('writeHash', () => {
  it('writes only the latest of a burst, once, after the debounce, without a history entry', () => {
    const replace = vi.spyOn(window.history, 'replaceState');
    const push = vi.spyOn(window.history, 'pushState');
    const length = window.history.length;
    for (let i = 0; i < 50; i++) writeHash(`v=1&tau=${i / 10}`);
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(WRITE_DEBOUNCE_MS - 1);
    expect(replace).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(readHash()).toBe('v=1&tau=4.9');
    expect(push).not.toHaveBeenCalled();
    expect(window.history.length).toBe(length);
  });

  it('flushHash writes a pending hash at once; linkFor gives the full address', () => {
    writeHash('v=1&tau=2');
    flushHash();
    expect(window.location.hash).toBe('#v=1&tau=2');
    expect(linkFor('v=1&tau=2')).toBe(`${window.location.origin}/#v=1&tau=2`);
  });

  it('does not fire hashchange for its own writes, but subscribeHash sees the person’s edits', () => {
    const seen: string[] = [];
    const stop = subscribeHash((h) => seen.push(h));
    writeHash('v=1&tau=2');
    flushHash();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    stop();
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(seen).toEqual(['v=1&tau=2']);
  });
});

describe('saveStored / loadStored', () => {
  it('returns null when nothing is stored', () => {
    expect(loadStored()).toBeNull();
  });

  it('brings back the last saved state after the debounce', () => {
    saveStored(withTau(1));
    saveStored(withTau(2.5));
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
    vi.advanceTimersByTime(WRITE_DEBOUNCE_MS);
    expect(loadStored()).toEqual({ state: withTau(2.5), notices: [] });
  });

  it('flushes a pending save when the page is hidden', () => {
    saveStored(withTau(3));
    window.dispatchEvent(new Event('pagehide'));
    expect(loadStored()?.state.params.tau).toBe(3);
  });

  it.each([
    ['not JSON', '{oops'],
    ['JSON without a hash', '{"v":1}'],
    ['a hash that is not text', '{"v":1,"hash":42}'],
    ['null', 'null'],
  ])('ignores a corrupt stored value (%s) with a notice', (_, raw) => {
    window.localStorage.setItem(STORAGE_KEY, raw);
    const r = loadStored();
    expect(r?.state).toEqual(DEFAULT_STATE);
    expect(r?.notices).toEqual([expect.stringContaining('Saved state')]);
  });

  it('keeps the good fields of a stored value and names the bad one', () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({ v: 1, hash: `${encodePermalink(withTau(2))}&lambdaNeg=oops` }),
    );
    const r = loadStored();
    expect(r?.state.params.tau).toBe(2);
    expect(r?.notices).toEqual([expect.stringMatching(/^Saved state field λ− /)]);
  });

  it('reports a storage failure through onError instead of throwing', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const errors: string[] = [];
    saveStored(withTau(2), (m) => errors.push(m));
    vi.advanceTimersByTime(WRITE_DEBOUNCE_MS);
    expect(errors).toEqual([expect.stringContaining('QuotaExceededError')]);
  });
});
