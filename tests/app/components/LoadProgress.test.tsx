// @vitest-environment jsdom
/**
 * The load progress under the readouts (jsdom): absent until the engine reports a pool build, then a
 * progress bar of the blocks generated of all and the sort, in English and Chinese, gone with the
 * result. The real worker's messages are checked in tests/e2e/pool.spec.ts.
 */
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveReadouts } from '../../../src/app/components/LiveReadouts.tsx';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { createAppStore } from '../../../src/state/store.ts';
import type { ClientResult } from '../../../src/worker/client.ts';
import type { ProgressResponse } from '../../../src/worker/protocol.ts';

const services: AppServices = { copyLink: async () => 'link' };

function setup() {
  const store = createAppStore();
  render(
    <AppContext.Provider value={{ store, services }}>
      <LiveReadouts />
    </AppContext.Provider>,
  );
  return store;
}

const progress = (p: Partial<ProgressResponse>): ProgressResponse => ({
  type: 'progress',
  gen: 1,
  phase: 'shards',
  done: 0,
  total: 8,
  entries: 8_000_000,
  ...p,
});

afterEach(cleanup);

describe('the load progress of a large set', () => {
  it('shows the blocks generated, then the sort, and goes with the result', () => {
    const store = setup();
    expect(screen.queryByRole('progressbar')).toBeNull();
    act(() => store.getState().engineProgress(progress({ done: 3 })));
    const bar = screen.getByRole('progressbar', { name: 'Building the large set' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('8');
    expect(bar.getAttribute('aria-valuetext')).toBe(
      '3 of 8 blocks generated (8,000,000 entries in all)',
    );
    act(() => store.getState().engineProgress(progress({ phase: 'sort', done: 8 })));
    expect(bar.getAttribute('aria-valuenow')).toBe('8');
    expect(bar.getAttribute('aria-valuetext')).toBe(
      'Sorting 8,000,000 scores and computing the loss',
    );
    const result = { gen: 1, latest: true } as unknown as ClientResult;
    act(() => store.getState().engineResult({ ...result, info: { R: 1, K: 1, nPos: 1, nNeg: 0 } }));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('goes when the load fails', () => {
    const store = setup();
    act(() => store.getState().engineProgress(progress({ done: 5 })));
    expect(screen.getByRole('progressbar')).toBeTruthy();
    act(() =>
      store.getState().engineFailed({ type: 'error', gen: 1, message: 'x', latest: false }),
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('speaks Chinese, with no English word', async () => {
    const store = setup();
    act(() => store.getState().setLang('zh'));
    act(() => store.getState().engineProgress(progress({ done: 2 })));
    const bar = await waitFor(() =>
      screen.getByRole('progressbar', { name: '正在构建大规模候选集' }),
    );
    expect(bar.getAttribute('aria-valuetext')).toBe('已生成 2 / 8 个分块（共 8,000,000 个条目）');
    act(() => store.getState().engineProgress(progress({ phase: 'sort', done: 8 })));
    const text = bar.getAttribute('aria-valuetext') ?? '';
    expect(text).toBe('正在对 8,000,000 个分数排序并计算损失');
    expect(text).not.toMatch(/[A-Za-z]/);
  });
});
