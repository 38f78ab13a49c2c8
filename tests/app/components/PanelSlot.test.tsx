// @vitest-environment jsdom
/**
 * How panel slots mount and follow results in a browser with IntersectionObserver (faked here; jsdom
 * has none, and then everything mounts at once and stays live, which the app tests rely on).
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelSlot } from '../../../src/app/components/PanelSlot.tsx';
import { SETTLE_MS } from '../../../src/app/scheduling/settle.ts';
import { useOnScreen } from '../../../src/app/hooks/useOnScreen.ts';
import { useVisibleValue } from '../../../src/app/hooks/useVisibleValue.ts';
import type { PanelProps } from '../../../src/panels/types.ts';

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

/** A stand-in panel that shows its width (the props field the tests change). */
function Panel(props: PanelProps) {
  return <p>panel {props.width}</p>;
}
const props = (width: number) => ({ width }) as unknown as PanelProps;

function slots(names: readonly string[], width: number) {
  return (
    <>
      {names.map((n) => (
        <PanelSlot key={n} Panel={Panel} props={props(width)} />
      ))}
    </>
  );
}

describe('PanelSlot', () => {
  it('mounts the slots on screen one per idle period in page order, the others once changes pause', () => {
    const view = render(slots(['a', 'b', 'c'], 1));
    const slotEls = Array.from(view.container.querySelectorAll('.panel-slot'));
    const text = () => slotEls.map((el) => el.textContent || 'pending');
    // Nothing mounts on a guess before the observer reports.
    expect(text()).toEqual(['pending', 'pending', 'pending']);
    act(() => {
      FakeObserver.report(slotEls[0], true);
      FakeObserver.report(slotEls[1], true);
      FakeObserver.report(slotEls[2], false);
    });
    act(() => vi.advanceTimersToNextTimer());
    expect(text()).toEqual(['panel 1', 'pending', 'pending']);
    act(() => vi.advanceTimersToNextTimer());
    expect(text()).toEqual(['panel 1', 'panel 1', 'pending']);

    // A drag: new props every few ms keep the off-screen slot waiting.
    for (let w = 2; w < 10; w++) {
      view.rerender(slots(['a', 'b', 'c'], w));
      act(() => vi.advanceTimersByTime(SETTLE_MS / 2));
    }
    expect(text()).toEqual(['panel 9', 'panel 9', 'pending']);
    act(() => vi.runAllTimers());
    expect(text()).toEqual(['panel 9', 'panel 9', 'panel 9']);
  });
});

describe('PanelSlot with a chunked panel', () => {
  it('fetches the chunk at its turn and mounts each panel in an idle period of its own once here', async () => {
    const arrive: (() => void)[] = [];
    const renders: string[] = [];
    const chunked = (name: string) =>
      Object.assign(
        (p: PanelProps) => {
          renders.push(name);
          return <p>{`${name} ${p.width}`}</p>;
        },
        { preload: vi.fn(() => new Promise<void>((done) => arrive.push(done))) },
      );
    const A = chunked('a');
    const B = chunked('b');
    const view = render(
      <>
        <PanelSlot Panel={A} props={props(1)} />
        <PanelSlot Panel={B} props={props(1)} />
      </>,
    );
    const slotEls = Array.from(view.container.querySelectorAll('.panel-slot'));
    const text = () => slotEls.map((el) => el.textContent || 'pending');
    act(() => {
      FakeObserver.report(slotEls[0], true);
      FakeObserver.report(slotEls[1], true);
    });
    act(() => vi.advanceTimersToNextTimer());
    act(() => vi.advanceTimersToNextTimer());
    // Both turns came: both chunks are asked for, nothing mounted before they arrive.
    expect(A.preload).toHaveBeenCalledTimes(1);
    expect(B.preload).toHaveBeenCalledTimes(1);
    act(() => vi.runAllTimers());
    expect(text()).toEqual(['pending', 'pending']);
    // Both arrive at once: they still mount one per idle period, never suspended.
    await act(async () => arrive.splice(0).forEach((done) => done()));
    expect(text()).toEqual(['pending', 'pending']);
    act(() => vi.advanceTimersToNextTimer());
    expect(text()).toEqual(['a 1', 'pending']);
    act(() => vi.advanceTimersToNextTimer());
    expect(text()).toEqual(['a 1', 'b 1']);
    expect(renders).toEqual(['a', 'b']);
  });

  it('does not re-render a slot whose props are the same when its parent re-renders', () => {
    let renders = 0;
    function Counted() {
      renders++;
      return <p>counted</p>;
    }
    const same = props(1);
    const view = render(<PanelSlot Panel={Counted} props={same} />);
    act(() => FakeObserver.report(view.container.querySelector('.panel-slot')!, true));
    act(() => vi.runAllTimers());
    expect(renders).toBe(1);
    view.rerender(<PanelSlot Panel={Counted} props={same} />);
    expect(renders).toBe(1);
    view.rerender(<PanelSlot Panel={Counted} props={props(2)} />);
    expect(renders).toBeGreaterThan(1);
  });
});

function Follower({ value }: { value: number }) {
  const [ref, visible] = useOnScreen<HTMLDivElement>();
  return <div ref={ref}>{useVisibleValue(value, visible)}</div>;
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
