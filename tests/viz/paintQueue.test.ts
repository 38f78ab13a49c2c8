import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { schedulePaint } from '../../src/viz/paintQueue.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('schedulePaint', () => {
  it('runs one repaint per task, in the order asked', () => {
    const ran: string[] = [];
    const [a, b, c] = [{}, {}, {}];
    schedulePaint(a, () => ran.push('a'));
    schedulePaint(b, () => ran.push('b'));
    schedulePaint(c, () => ran.push('c'));
    expect(ran).toEqual([]); // never in the caller's task
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a canvas asking again runs once, its newest repaint, behind those already waiting', () => {
    const ran: string[] = [];
    const [a, b] = [{}, {}];
    schedulePaint(a, () => ran.push('a1'));
    schedulePaint(b, () => ran.push('b'));
    schedulePaint(a, () => ran.push('a2'));
    vi.runAllTimers();
    expect(ran).toEqual(['b', 'a2']);
  });

  it('a cancelled repaint does not run; cancelling a replaced one keeps its replacement', () => {
    const ran: string[] = [];
    const [a, b] = [{}, {}];
    const cancelA = schedulePaint(a, () => ran.push('a'));
    const cancelB1 = schedulePaint(b, () => ran.push('b1'));
    schedulePaint(b, () => ran.push('b2'));
    cancelA();
    cancelB1();
    vi.runAllTimers();
    expect(ran).toEqual(['b2']);
  });

  it('a repaint asked while another runs waits for a task of its own', () => {
    const ran: string[] = [];
    const [a, b] = [{}, {}];
    schedulePaint(a, () => {
      ran.push('a');
      schedulePaint(b, () => ran.push('b'));
    });
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a']);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual(['a', 'b']);
  });
});
