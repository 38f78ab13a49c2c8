// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { jitter01, stripLayout } from '../../src/viz/strip.ts';
import { scoreScale } from '../../src/viz/scales.ts';

describe('jitter01', () => {
  it('is deterministic and in [0, 1) for any index', () => {
    for (const i of [0, 1, 2, 12345, 2 ** 31 - 1, 8_000_000]) {
      expect(jitter01(i)).toBe(jitter01(i));
      expect(jitter01(i)).toBeGreaterThanOrEqual(0);
      expect(jitter01(i)).toBeLessThan(1);
    }
  });

  it('spreads consecutive indices over the unit interval (each tenth gets 7–13 % of 10,000)', () => {
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) counts[Math.floor(jitter01(i) * 10)]++;
    for (const c of counts) {
      expect(c).toBeGreaterThan(700);
      expect(c).toBeLessThan(1300);
    }
  });
});

describe('stripLayout', () => {
  const x = scoreScale(400);
  const posLane = { top: 10, bottom: 60 };
  const negLane = { top: 80, bottom: 130 };

  it('puts x at the score and y inside the entry’s lane, inset by the radius', () => {
    const p = Float64Array.from([0.1, 0.5, 0.9, 0.3]);
    const positive = Uint8Array.from([1, 0, 1, 0]);
    const index = Int32Array.from([0, 1, 2, 3]);
    const { x: xs, y: ys } = stripLayout(p, positive, index, x, posLane, negLane, 4);
    p.forEach((v, k) => expect(xs[k]).toBeCloseTo(x(v), 12));
    ys.forEach((y, k) => {
      const lane = positive[k] ? posLane : negLane;
      expect(y).toBeGreaterThanOrEqual(lane.top + 4);
      expect(y).toBeLessThanOrEqual(lane.bottom - 4);
    });
  });

  it('keeps an entry’s place when other entries change (the jitter follows its flat index)', () => {
    const a = stripLayout(
      Float64Array.from([0.2, 0.4]),
      Uint8Array.from([0, 0]),
      Int32Array.from([7, 9]),
      x,
      posLane,
      negLane,
      3,
    );
    const b = stripLayout(
      Float64Array.from([0.9, 0.4]),
      Uint8Array.from([1, 0]),
      Int32Array.from([3, 9]),
      x,
      posLane,
      negLane,
      3,
    );
    expect(b.y[1]).toBe(a.y[1]);
  });
});
