// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useFrameThrottle } from '../../src/viz/useFrameThrottle.ts';

beforeEach(() => vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] }));
afterEach(() => vi.useRealTimers());

describe('useFrameThrottle', () => {
  it('calls the function once per frame with the latest value', () => {
    const calls: number[] = [];
    const { result } = renderHook(() => useFrameThrottle<number>((v) => calls.push(v)));
    act(() => {
      result.current.schedule(1);
      result.current.schedule(2);
      result.current.schedule(3);
    });
    expect(calls).toEqual([]);
    act(() => vi.advanceTimersToNextFrame());
    expect(calls).toEqual([3]);
    act(() => vi.advanceTimersToNextFrame());
    expect(calls).toEqual([3]);
  });

  it('flush calls the pending value at once and cancels the frame', () => {
    const calls: number[] = [];
    const { result } = renderHook(() => useFrameThrottle<number>((v) => calls.push(v)));
    act(() => {
      result.current.schedule(7);
      result.current.flush();
    });
    expect(calls).toEqual([7]);
    act(() => vi.advanceTimersToNextFrame());
    expect(calls).toEqual([7]);
  });

  it('drops a pending call when the component unmounts', () => {
    const calls: number[] = [];
    const { result, unmount } = renderHook(() => useFrameThrottle<number>((v) => calls.push(v)));
    act(() => result.current.schedule(1));
    unmount();
    act(() => vi.advanceTimersToNextFrame());
    expect(calls).toEqual([]);
  });
});
