/**
 * How panel slots mount and follow results in a browser with IntersectionObserver (faked here; jsdom
 * has none, and then everything mounts at once and stays live, which the app tests rely on).
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMountInTurn } from '../../src/app/useMountInTurn.ts';
import { SETTLE_MS, useVisibleValue } from '../../src/app/useVisibleValue.ts';

/** A fake IntersectionObserver whose entries the test reports. */
class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets: Element[] = [];
  constructor(readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.targets.push(el);
  }
  disconnect() {}
  static report(el: Element, isIntersecting: boolean) {
    for (const o of FakeObserver.all) if (o.targets.includes(el)) o.callback([{ isIntersecting }]);
  }
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.useFakeTimers(); // idle periods are timers where requestIdleCallback is missing (jsdom)
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function Turn({ name }: { name: string }) {
  return useMountInTurn() ? <p>{name}</p> : <p>waiting {name}</p>;
}

describe('useMountInTurn', () => {
  it('mounts one child per idle period, in page order', () => {
    const view = render(
      <>
        <Turn name="a" />
        <Turn name="b" />
        <Turn name="c" />
      </>,
    );
    const text = () => Array.from(view.container.querySelectorAll('p'), (p) => p.textContent);
    expect(text()).toEqual(['waiting a', 'waiting b', 'waiting c']);
    act(() => vi.advanceTimersToNextTimer());
    expect(text()).toEqual(['a', 'waiting b', 'waiting c']);
    act(() => vi.advanceTimersToNextTimer());
    expect(text()).toEqual(['a', 'b', 'waiting c']);
    act(() => vi.runAllTimers());
    expect(text()).toEqual(['a', 'b', 'c']);
  });
});

function Follower({ value }: { value: number }) {
  const [ref, shown] = useVisibleValue(value);
  return <div ref={ref}>{shown}</div>;
}

describe('useVisibleValue', () => {
  it('follows every value on screen; off screen it waits for changes to pause, then catches up', () => {
    const view = render(<Follower value={1} />);
    const el = view.container.firstElementChild!;
    view.rerender(<Follower value={2} />);
    expect(el.textContent).toBe('2');

    act(() => FakeObserver.report(el, false));
    view.rerender(<Follower value={3} />);
    act(() => vi.advanceTimersByTime(SETTLE_MS - 50));
    view.rerender(<Follower value={4} />); // still changing: the wait starts again
    act(() => vi.advanceTimersByTime(SETTLE_MS - 50));
    expect(el.textContent).toBe('2');
    act(() => vi.runAllTimers());
    expect(el.textContent).toBe('4');

    view.rerender(<Follower value={5} />);
    expect(el.textContent).toBe('4');
    act(() => FakeObserver.report(el, true)); // scrolled into view: the latest at once
    expect(el.textContent).toBe('5');
  });
});
