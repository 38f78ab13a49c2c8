// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lanesLayout } from '../../../src/panels/common/lanes.ts';
import { ScoreLanes } from '../../../src/panels/common/ScoreLanes.tsx';
import type { ExplainerData } from '../../../src/explain/types.ts';
import { histogramOnly, medium } from '../fixtures.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** histogramOnly() with every count multiplied by `f` (a detection-scale lane, millions per bin). */
function scaledCounts(f: number): ExplainerData {
  const d = histogramOnly();
  const scale = (set: ExplainerData['pos']) => ({
    ...set,
    hist: { ...set.hist, count: set.hist.count.map((c) => c * f) },
  });
  return { ...d, pos: scale(d.pos), neg: scale(d.neg) };
}

function lanes(data: ExplainerData) {
  return (
    <ScoreLanes
      data={data}
      lang="en"
      hovered={null}
      onHover={() => {}}
      width={640}
      title="t"
      caption="c"
      label="l"
    />
  );
}

function renderLanes(data: ExplainerData) {
  return render(lanes(data));
}

describe('ScoreLanes histograms: each lane’s count axis', () => {
  for (const [name, f] of [
    ['30,000 candidates', 1],
    ['millions per bin', 1000],
  ] as const) {
    it(`keeps its title clear of its tick labels: above the lane, ending where they end (${name})`, () => {
      const view = renderLanes(scaledCounts(f));
      const layout = lanesLayout(640);
      const hists = [...view.container.querySelectorAll('.hist')];
      expect(hists).toHaveLength(2);
      hists.forEach((hist, i) => {
        const lane = i === 0 ? layout.posLane : layout.negLane;
        const title = hist.querySelector('.axis-label')!;
        expect(title.getAttribute('transform')).toBeNull(); // horizontal, not rotated beside them
        expect(Number(title.getAttribute('y'))).toBeLessThan(lane.top);
        expect(Number(title.getAttribute('x'))).toBeLessThanOrEqual(layout.margins.left - 8);
        // every tick label fits the 46 px margin: at most 5 characters (about 6.6 px each at 11 px)
        const ticks = [...hist.querySelectorAll('.axis-left g text')].map((t) => t.textContent!);
        expect(ticks.length).toBeGreaterThan(1);
        for (const t of ticks) expect(t.length).toBeLessThanOrEqual(5);
      });
    });
  }
});

describe('ScoreLanes canvas (thousands of candidates)', () => {
  it('repaints only when the dots move: a result with the same scores (a parameter change) keeps them', () => {
    // Canvases repaint in tasks of their own (viz/paintQueue.ts): timeouts here.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let paints = 0;
    const ctx = {
      fillStyle: '',
      setTransform() {},
      createImageData: (w: number, h: number) => ({
        width: w,
        height: h,
        data: new Uint8ClampedArray(4 * w * h),
      }),
      putImageData: () => paints++,
    };
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(
      ctx as unknown as CanvasRenderingContext2D,
    );
    const data = medium();
    const view = render(lanes(data));
    act(() => vi.runAllTimers());
    expect(paints).toBe(1);

    // Another λ−: new arrays from the engine, the same scores, labels and entries.
    const sameDots = medium({ lambdaNeg: 0.3 });
    expect(sameDots.detail!.p).not.toBe(data.detail!.p);
    view.rerender(lanes(sameDots));
    act(() => vi.runAllTimers());
    expect(paints).toBe(1);

    const p = Float64Array.from(sameDots.detail!.p);
    p[0] = 1 - p[0];
    view.rerender(lanes({ ...sameDots, detail: { ...sameDots.detail!, p } }));
    act(() => vi.runAllTimers());
    expect(paints).toBe(2);
  });
});
