import { describe, expect, it } from 'vitest';
import { nearestMark, paintDots, type DotContext } from '../../src/viz/paintDots.ts';
import { FALLBACK_PALETTE } from '../../src/viz/palette.ts';

/** A context that records what is painted: fills with their colour and the arcs since beginPath. */
function recorder() {
  const fills: { colour: string; alpha: number; arcs: number[][] }[] = [];
  let arcs: number[][] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    setTransform: () => {},
    clearRect: () => {},
    beginPath: () => {
      arcs = [];
    },
    moveTo: () => {},
    arc: (x: number, y: number, r: number) => {
      arcs.push([x, y, r]);
    },
    fill: () => {
      fills.push({ colour: String(ctx.fillStyle), alpha: ctx.globalAlpha, arcs });
    },
    stroke: () => {},
  };
  return { ctx: ctx as unknown as DotContext, fills };
}

const marks = {
  x: Float64Array.from([10, 20, 30]),
  y: Float64Array.from([5, 5, 40]),
  positive: Uint8Array.from([0, 1, 0]),
};
const opts = { width: 100, height: 50, dpr: 2, radius: 2, highlight: -1 };

describe('paintDots', () => {
  it('paints the negatives translucent in --neg, then the positives on top in --pos', () => {
    const { ctx, fills } = recorder();
    paintDots(ctx, marks, FALLBACK_PALETTE, opts);
    expect(fills).toHaveLength(2);
    expect(fills[0]).toMatchObject({ colour: FALLBACK_PALETTE.neg, alpha: 0.45 });
    expect(fills[0].arcs.map((a) => a[0])).toEqual([10, 30]);
    expect(fills[1]).toMatchObject({ colour: FALLBACK_PALETTE.pos, alpha: 0.9 });
    expect(fills[1].arcs.map((a) => a[0])).toEqual([20]);
  });

  it('paints the highlighted dot last, enlarged', () => {
    const { ctx, fills } = recorder();
    paintDots(ctx, marks, FALLBACK_PALETTE, { ...opts, highlight: 2 });
    expect(fills).toHaveLength(3);
    expect(fills[2].arcs).toEqual([[30, 40, 5]]);
  });
});

describe('nearestMark', () => {
  it('finds the dot nearest to the pointer within the pick radius, else −1', () => {
    expect(nearestMark(marks, 19, 6, 8)).toBe(1);
    expect(nearestMark(marks, 31, 38, 8)).toBe(2);
    expect(nearestMark(marks, 60, 20, 8)).toBe(-1);
  });
});
