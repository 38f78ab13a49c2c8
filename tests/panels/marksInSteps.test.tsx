// @vitest-environment jsdom
// In a browser, a chart's first render draws its editable dots a step per task (viz/useMarksInSteps):
// 900 dots in one task made each panel's mount a main-thread task of ~300 ms with the CPU throttled 4×.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { ImbalancePanel } from '../../src/panels/ImbalancePanel.tsx';
import { WorstCasePanel } from '../../src/panels/WorstCasePanel.tsx';
import { DistributionPanel } from '../../src/panels/DistributionPanel.tsx';
import { GradientPanel } from '../../src/panels/GradientPanel.tsx';
import type { PanelProps } from '../../src/panels/types.ts';
import { explain } from '../../src/explain/index.ts';
import { MARK_STEP } from '../../src/viz/useMarksInSteps.ts';
import { FIXTURE_PARAMS, fakeAnimationFrames, panelProps, seededSet } from './fixtures.ts';

fakeAnimationFrames();
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The paper's default size: 900 candidates, every 10th positive. */
const data = explain(
  seededSet(900, (r) => r % 10 === 0, 3),
  FIXTURE_PARAMS,
);

const panels: [string, ComponentType<PanelProps>][] = [
  ['ImbalancePanel', ImbalancePanel],
  ['WorstCasePanel', WorstCasePanel],
  ['DistributionPanel', DistributionPanel],
  ['GradientPanel', GradientPanel],
];

describe('a chart fills with its dots a step per task', () => {
  it.each(panels)('%s: one step of dots first, all 900 a few tasks later', async (_, Panel) => {
    vi.stubGlobal('IntersectionObserver', class {});
    vi.useFakeTimers();
    const view = render(<Panel {...panelProps(data).props} />);
    const dots = () => view.container.querySelectorAll('.candidate').length;
    expect(dots()).toBeGreaterThan(0);
    expect(dots()).toBeLessThanOrEqual(2 * MARK_STEP);
    for (let i = 0; i < 6; i++) await act(async () => vi.advanceTimersByTimeAsync(1));
    expect(dots()).toBe(900);
  });
});
