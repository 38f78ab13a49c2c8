// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { NEG_ALPHA, POS_ALPHA, parseColour } from '../../src/viz/dotRaster.ts';
import {
  dotStyle,
  nearestMark,
  paintDots,
  paintScratch,
  type DotContext,
} from '../../src/viz/paintDots.ts';
import { FALLBACK_PALETTE } from '../../src/viz/palette.ts';

/** A context that keeps the pixels put and records the paths filled after them. */
function recorder() {
  const puts: { data: Uint8ClampedArray; width: number; height: number }[] = [];
  const fills: { colour: string; arcs: number[][]; stroked: boolean }[] = [];
  let arcs: number[][] = [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    globalAlpha: 1,
    lineWidth: 1,
    setTransform: () => {},
    createImageData: (width: number, height: number) => ({
      width,
      height,
      data: new Uint8ClampedArray(width * height * 4),
    }),
    putImageData: (image: { data: Uint8ClampedArray; width: number; height: number }) => {
      puts.push({ ...image, data: image.data.slice() });
    },
    beginPath: () => {
      arcs = [];
    },
    arc: (x: number, y: number, r: number) => {
      arcs.push([x, y, r]);
    },
    fill: () => {
      fills.push({ colour: String(ctx.fillStyle), arcs, stroked: false });
    },
    stroke: () => {
      fills[fills.length - 1].stroked = true;
    },
  };
  return { ctx: ctx as unknown as DotContext, puts, fills };
}

/** RGBA of pixel (x, y) of a put image. */
function pixel(image: { data: Uint8ClampedArray; width: number }, x: number, y: number) {
  const k = 4 * (y * image.width + x);
  return Array.from(image.data.slice(k, k + 4));
}

const marks = {
  x: Float64Array.from([10, 20, 30]),
  y: Float64Array.from([5, 5, 40]),
  positive: Uint8Array.from([0, 1, 0]),
};
const opts = { width: 100, height: 50, dpr: 2, radius: 2, highlight: -1 };
const style = dotStyle(FALLBACK_PALETTE);
const rgb = (css: string) => {
  const c = parseColour(css)!;
  return [c.r, c.g, c.b];
};

describe('paintDots', () => {
  it('puts every dot in one image of the backing store’s size: negatives translucent --neg, positives --pos', () => {
    const { ctx, puts, fills } = recorder();
    paintDots(ctx, marks, style, opts);
    expect(puts).toHaveLength(1);
    const image = puts[0];
    expect([image.width, image.height]).toEqual([200, 100]);
    // Dot centres in device pixels (× dpr 2): fully covered, at the label's colour and opacity.
    expect(pixel(image, 20, 10)).toEqual([
      ...rgb(FALLBACK_PALETTE.neg),
      Math.round(NEG_ALPHA * 255),
    ]);
    expect(pixel(image, 40, 10)).toEqual([
      ...rgb(FALLBACK_PALETTE.pos),
      Math.round(POS_ALPHA * 255),
    ]);
    expect(pixel(image, 60, 80)[3]).toBe(Math.round(NEG_ALPHA * 255));
    // Away from every dot: transparent (the SVG's axes show through).
    expect(pixel(image, 100, 50)).toEqual([0, 0, 0, 0]);
    expect(pixel(image, 20, 20)).toEqual([0, 0, 0, 0]);
    expect(fills).toHaveLength(0);
  });

  it('paints the highlighted dot last, enlarged, in its colour with a ring', () => {
    const { ctx, fills } = recorder();
    paintDots(ctx, marks, style, { ...opts, highlight: 2 });
    expect(fills).toEqual([{ colour: FALLBACK_PALETTE.neg, arcs: [[30, 40, 5]], stroked: true }]);
  });

  it('reuses its image from paint to paint while the size stays, and replaces every pixel', () => {
    const { ctx, puts } = recorder();
    const scratch = paintScratch();
    paintDots(ctx, marks, style, opts, scratch);
    const first = scratch.image;
    const moved = { ...marks, x: Float64Array.from([70, 80, 90]) };
    paintDots(ctx, moved, style, opts, scratch);
    expect(scratch.image).toBe(first);
    // The old dots are gone without a clearRect.
    expect(pixel(puts[1], 20, 10)).toEqual([0, 0, 0, 0]);
    expect(pixel(puts[1], 140, 10)[3]).toBeGreaterThan(0);
    paintDots(ctx, marks, style, { ...opts, width: 120 }, scratch);
    expect(scratch.image).not.toBe(first);
  });

  it('falls back to the light theme’s colours for a colour it cannot parse', () => {
    const odd = dotStyle({ ...FALLBACK_PALETTE, neg: 'oklch(0.5 0.2 30)' });
    expect(Array.from(odd.lut)).toEqual(Array.from(style.lut));
  });
});

describe('nearestMark', () => {
  it('finds the dot nearest to the pointer within the pick radius, else −1', () => {
    expect(nearestMark(marks, 19, 6, 8)).toBe(1);
    expect(nearestMark(marks, 31, 38, 8)).toBe(2);
    expect(nearestMark(marks, 60, 20, 8)).toBe(-1);
  });
});
