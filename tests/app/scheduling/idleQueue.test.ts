// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enqueueIdle, pendingIdle } from '../../../src/app/scheduling/idleQueue.ts';

afterEach(() => vi.useRealTimers());

describe('idle queue', () => {
  it('runs one piece per idle period, in the order queued', () => {
    vi.useFakeTimers(); // jsdom has no requestIdleCallback: the queue falls back to timers
    const ran: string[] = [];
    const a = {};
    const b = {};
    enqueueIdle(a, () => ran.push('a'));
    enqueueIdle(b, () => ran.push('b'));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
    expect(pendingIdle()).toBe(0);
  });

  it('a key queued again runs only its newest work; cancelled work never runs', () => {
    vi.useFakeTimers();
    const ran: number[] = [];
    const key = {};
    enqueueIdle(key, () => ran.push(1));
    enqueueIdle(key, () => ran.push(2));
    const cancel = enqueueIdle({}, () => ran.push(3));
    cancel();
    vi.runAllTimers();
    expect(ran).toEqual([2]);
  });
});
