import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lanesLayout } from '../../src/panels/c/lanes.ts';
import { ScoreLanes } from '../../src/panels/c/ScoreLanes.tsx';
import type { ExplainerData } from '../../src/viz/types.ts';
import { histogramOnly } from './fixtures.ts';

afterEach(cleanup);

/** histogramOnly() with every count multiplied by `f` (a detection-scale lane, millions per bin). */
function scaledCounts(f: number): ExplainerData {
  const d = histogramOnly();
  const scale = (set: ExplainerData['pos']) => ({
    ...set,
    hist: { ...set.hist, count: set.hist.count.map((c) => c * f) },
  });
  return { ...d, pos: scale(d.pos), neg: scale(d.neg) };
}

function renderLanes(data: ExplainerData) {
  return render(
    <ScoreLanes
      data={data}
      lang="en"
      hovered={null}
      onHover={() => {}}
      width={640}
      title="t"
      caption="c"
      label="l"
    />,
  );
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
