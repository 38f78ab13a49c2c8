// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useGrowingCount } from '../../src/viz/useGrowingCount.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Probe({ total, keys }: { total: number; keys: readonly unknown[] }) {
  return <output>{useGrowingCount(total, 40, keys)}</output>;
}

/** One task after another (each step's timer is set once the previous step has rendered). */
async function allSteps() {
  for (let i = 0; i < 10; i++) await act(async () => vi.advanceTimersByTimeAsync(1));
}

const shown = (c: HTMLElement) => Number(c.querySelector('output')!.textContent);

describe('useGrowingCount', () => {
  it('renders one step, then one more per task until all; new keys start again', async () => {
    vi.useFakeTimers();
    const origin = {};
    const view = render(<Probe total={100} keys={[origin, 0]} />);
    expect(shown(view.container)).toBe(40);
    await act(async () => vi.advanceTimersByTimeAsync(0));
    expect(shown(view.container)).toBe(80);
    await allSteps();
    expect(shown(view.container)).toBe(100);
    // The same keys (an edit: new arrays, same origin): everything stays; a row more shows at once.
    view.rerender(<Probe total={101} keys={[origin, 0]} />);
    expect(shown(view.container)).toBe(101);
    // Another origin: one step again.
    view.rerender(<Probe total={101} keys={[{}, 0]} />);
    expect(shown(view.container)).toBe(40);
    await allSteps();
    expect(shown(view.container)).toBe(101);
  });

  it('shows a total below one step at once', () => {
    const view = render(<Probe total={5} keys={[1]} />);
    expect(shown(view.container)).toBe(5);
  });
});
