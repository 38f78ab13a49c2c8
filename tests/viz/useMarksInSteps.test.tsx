// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MARK_STEP, useMarksInSteps } from '../../src/viz/useMarksInSteps.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function Probe({ total }: { total: number }) {
  return <output>{useMarksInSteps(total)}</output>;
}

const shown = (c: HTMLElement) => Number(c.querySelector('output')!.textContent);

describe('useMarksInSteps', () => {
  it('in a browser, fills a chart a step per task once, then keeps every mark at each update', async () => {
    vi.stubGlobal('IntersectionObserver', class {});
    vi.useFakeTimers();
    const view = render(<Probe total={900} />);
    expect(shown(view.container)).toBe(MARK_STEP);
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(shown(view.container)).toBe(2 * MARK_STEP);
    for (let i = 0; i < 5; i++) await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(shown(view.container)).toBe(900);
    // An update of the same chart (a drag, a new result of the same size): all marks at once.
    view.rerender(<Probe total={900} />);
    expect(shown(view.container)).toBe(900);
    // A smaller set, then a larger one: never back to one step.
    view.rerender(<Probe total={300} />);
    expect(shown(view.container)).toBe(300);
    view.rerender(<Probe total={1020} />);
    expect(shown(view.container)).toBeGreaterThanOrEqual(900);
    for (let i = 0; i < 3; i++) await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(shown(view.container)).toBe(1020);
  });

  it('without IntersectionObserver (jsdom, where panels mount at once) draws everything at once', () => {
    expect(typeof IntersectionObserver).toBe('undefined');
    const view = render(<Probe total={1500} />);
    expect(shown(view.container)).toBe(1500);
  });
});
