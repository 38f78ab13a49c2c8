// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CHART_MARGINS, scoreScale, valueScale } from '../../src/viz/scales.ts';

describe('scoreScale', () => {
  it('maps score 0 to the left margin and 1 to width − right margin', () => {
    const x = scoreScale(400);
    expect(x(0)).toBeCloseTo(CHART_MARGINS.left, 12);
    expect(x(1)).toBeCloseTo(400 - CHART_MARGINS.right, 12);
    expect(x(0.5)).toBeCloseTo((CHART_MARGINS.left + 400 - CHART_MARGINS.right) / 2, 12);
  });

  it('clamps scores outside [0, 1] to the plot edges', () => {
    const x = scoreScale(360);
    expect(x(-3)).toBeCloseTo(x(0), 12);
    expect(x(7)).toBeCloseTo(x(1), 12);
  });

  it('keeps a positive finite range even for a width smaller than the margins', () => {
    const x = scoreScale(10);
    const [a, b] = x.range();
    expect(b - a).toBeGreaterThan(0);
    expect(Number.isFinite(x.invert(a + 0.5))).toBe(true);
  });
});

describe('valueScale', () => {
  it('runs from the bottom pixel at 0 to the top pixel at a nice maximum ≥ the data max', () => {
    const y = valueScale(0.37, 10, 110);
    expect(y(0)).toBeCloseTo(110, 12);
    expect(y.domain()[1]).toBeGreaterThanOrEqual(0.37);
    expect(y(y.domain()[1])).toBeCloseTo(10, 12);
  });

  it('falls back to [0, 1] for an empty, zero or non-finite maximum', () => {
    for (const m of [0, -1, NaN, Infinity]) expect(valueScale(m, 0, 100).domain()).toEqual([0, 1]);
  });
});
