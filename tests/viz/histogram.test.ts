// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { columnMax, histogramBars, stepPath } from '../../src/viz/histogram.ts';
import { scoreScale } from '../../src/viz/scales.ts';

const edges = Float64Array.from([0, 0.25, 0.5, 0.75, 1]);
const x = scoreScale(446, { top: 0, right: 0, bottom: 0, left: 46 }); // 100 px per bin
const y = scaleLinear().domain([0, 10]).range([100, 0]);

describe('histogramBars', () => {
  it('draws one bar per non-empty bin, from the baseline up to its value, 1 px apart', () => {
    const bars = histogramBars(edges, Float64Array.from([2, 0, 10, 5]), x, y);
    expect(bars).toEqual([
      { bin: 0, x: 46.5, y: 80, width: 99, height: 20 },
      { bin: 2, x: 246.5, y: 0, width: 99, height: 100 },
      { bin: 3, x: 346.5, y: 50, width: 99, height: 50 },
    ]);
  });

  it('skips NaN, infinite and negative values instead of drawing broken bars', () => {
    expect(histogramBars(edges, Float64Array.from([NaN, Infinity, -1, 0]), x, y)).toEqual([]);
  });
});

describe('stepPath', () => {
  it('outlines the bins from baseline to baseline with 2-decimal coordinates', () => {
    expect(stepPath(edges, Float64Array.from([2, 0, 10, 5]), x, y)).toBe(
      'M46,100L46,80L146,80L146,100L246,100L246,0L346,0L346,50L446,50L446,100',
    );
  });

  it('is empty for an empty histogram', () => {
    expect(stepPath(Float64Array.of(0), new Float64Array(0), x, y)).toBe('');
  });
});

describe('columnMax', () => {
  it('is the largest finite value, 0 for an empty or all-negative column', () => {
    expect(columnMax([1, Infinity, 3, NaN])).toBe(3);
    expect(columnMax([])).toBe(0);
    expect(columnMax([-2])).toBe(0);
  });
});
