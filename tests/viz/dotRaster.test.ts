// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  NEG_ALPHA,
  POS_ALPHA,
  compositeTable,
  dotMasks,
  parseColour,
  rasterDots,
  rasterScratch,
} from '../../src/viz/dotRaster.ts';

const NEG = { r: 200, g: 40, b: 30 };
const POS = { r: 10, g: 110, b: 80 };
const LUT = compositeTable(NEG, POS);

/** Rasterise and return the pixels as RGBA bytes (ImageData's layout), w × h. */
function raster(
  dots: [number, number, 0 | 1][],
  w = 40,
  h = 20,
  opts: { radius?: number; dpr?: number } = {},
) {
  const out = new Uint32Array(w * h);
  const marks = {
    x: Float64Array.from(dots, (d) => d[0]),
    y: Float64Array.from(dots, (d) => d[1]),
    positive: Uint8Array.from(dots, (d) => d[2]),
  };
  rasterDots(marks, opts.radius ?? 2, opts.dpr ?? 1, LUT, out, w, h, rasterScratch());
  const bytes = new Uint8Array(out.buffer);
  const at = (x: number, y: number) =>
    Array.from(bytes.slice(4 * (y * w + x), 4 * (y * w + x) + 4));
  const alphaSum = () => bytes.reduce((s, v, i) => (i % 4 === 3 ? s + v : s), 0);
  return { at, alphaSum };
}

describe('dot masks', () => {
  it('cover a disc of the radius: full inside, none outside, area ≈ πr² at every sub-pixel phase', () => {
    for (const radius of [2, 3, 4.5]) {
      const m = dotMasks(radius);
      expect(m.from).toHaveLength(17);
      for (let mask = 0; mask < 16; mask++) {
        let area = 0;
        for (let q = m.from[mask]; q < m.from[mask + 1]; q++) {
          area += m.cover[q] / 255;
          expect(m.dx[q]).toBeGreaterThanOrEqual(0);
          expect(m.dx[q]).toBeLessThan(m.size);
          expect(m.dy[q]).toBeLessThan(m.size);
        }
        expect(Math.abs(area - Math.PI * radius * radius)).toBeLessThan(0.05 * radius * radius);
      }
    }
  });

  it('are symmetric about the disc centre at phase 0', () => {
    const m = dotMasks(2);
    const grid = new Map<string, number>();
    for (let q = m.from[0]; q < m.from[1]; q++) grid.set(`${m.dx[q]},${m.dy[q]}`, m.cover[q]);
    // Centre at (2, 2): pixel (i, j) mirrors to (3 − i, j) and (i, 3 − j).
    for (const [key, c] of grid) {
      const [i, j] = key.split(',').map(Number);
      expect(grid.get(`${3 - i},${j}`)).toBe(c);
      expect(grid.get(`${i},${3 - j}`)).toBe(c);
    }
  });
});

describe('parseColour', () => {
  it('reads hex and rgb() colours, and nothing else', () => {
    expect(parseColour('#0b6e4f')).toEqual({ r: 11, g: 110, b: 79 });
    expect(parseColour('#FFF')).toEqual({ r: 255, g: 255, b: 255 });
    expect(parseColour('#11223380')).toEqual({ r: 17, g: 34, b: 51 });
    expect(parseColour(' rgb(76, 195, 138) ')).toEqual({ r: 76, g: 195, b: 138 });
    expect(parseColour('rgba(1, 2, 3, 0.5)')).toEqual({ r: 1, g: 2, b: 3 });
    expect(parseColour('rgb(1 2 3)')).toEqual({ r: 1, g: 2, b: 3 });
    expect(parseColour('oklch(0.5 0.2 30)')).toBeNull();
    expect(parseColour('red')).toBeNull();
  });
});

describe('compositeTable', () => {
  it('is transparent without coverage, each label alone at its opacity, positives over negatives', () => {
    const px = (n: number, p: number) => {
      const w = LUT[(n << 8) | p];
      return [w & 255, (w >>> 8) & 255, (w >>> 16) & 255, w >>> 24];
    };
    expect(px(0, 0)).toEqual([0, 0, 0, 0]);
    expect(px(255, 0)).toEqual([NEG.r, NEG.g, NEG.b, Math.round(NEG_ALPHA * 255)]);
    expect(px(0, 255)).toEqual([POS.r, POS.g, POS.b, Math.round(POS_ALPHA * 255)]);
    // Source-over: a = 0.9 + 0.45·0.1; colour weighted 0.9 : 0.045.
    const a = POS_ALPHA + NEG_ALPHA * (1 - POS_ALPHA);
    const mix = (p: number, n: number) =>
      Math.round((p * POS_ALPHA + n * NEG_ALPHA * (1 - POS_ALPHA)) / a);
    expect(px(255, 255)).toEqual([
      mix(POS.r, NEG.r),
      mix(POS.g, NEG.g),
      mix(POS.b, NEG.b),
      Math.round(a * 255),
    ]);
  });
});

describe('rasterDots', () => {
  it('draws a dot at its position in its label’s colour, and nothing elsewhere', () => {
    const r = raster([[10, 10, 0]]);
    expect(r.at(10, 10)).toEqual([NEG.r, NEG.g, NEG.b, Math.round(NEG_ALPHA * 255)]);
    expect(r.at(9, 9)[3]).toBe(Math.round(NEG_ALPHA * 255));
    expect(r.at(14, 10)).toEqual([0, 0, 0, 0]);
    expect(r.at(30, 5)).toEqual([0, 0, 0, 0]);
  });

  it('paints one label as a union: overlapping dots do not darken each other', () => {
    const one = raster([[10, 10, 0]]);
    const two = raster([
      [10, 10, 0],
      [10.25, 10, 0],
    ]);
    expect(two.at(10, 10)).toEqual(one.at(10, 10));
    expect(two.alphaSum()).toBeGreaterThan(one.alphaSum()); // …but the union is wider
    expect(two.alphaSum()).toBeLessThan(1.2 * one.alphaSum());
  });

  it('puts positives over negatives wherever both cover a pixel, in any input order', () => {
    const a = raster([
      [10, 10, 0],
      [10, 10, 1],
    ]);
    const b = raster([
      [10, 10, 1],
      [10, 10, 0],
    ]);
    expect(a.at(10, 10)).toEqual(b.at(10, 10));
    expect(a.at(10, 10)[3]).toBe(Math.round((POS_ALPHA + NEG_ALPHA * (1 - POS_ALPHA)) * 255));
  });

  it('keeps sub-pixel positions: a dot moved by half a pixel moves its coverage', () => {
    const at = raster([[10, 10, 1]]);
    const right = raster([[10.5, 10, 1]]);
    // Coverage shifts right: the left edge pixel loses, the right edge pixel gains.
    expect(right.at(8, 10)[3]).toBeLessThan(at.at(8, 10)[3]);
    expect(right.at(12, 10)[3]).toBeGreaterThan(at.at(12, 10)[3]);
    expect(Math.abs(right.alphaSum() - at.alphaSum())).toBeLessThan(0.1 * at.alphaSum());
  });

  it('scales positions and radius by the device pixel ratio', () => {
    const r = raster([[10, 5, 0]], 40, 20, { dpr: 2 });
    expect(r.at(20, 10)[3]).toBe(Math.round(NEG_ALPHA * 255));
    expect(r.at(17, 10)[3]).toBeGreaterThan(0); // radius 4 device pixels
    expect(r.at(10, 5)).toEqual([0, 0, 0, 0]);
  });

  it('clips dots at the edges and skips those outside or not finite', () => {
    const r = raster([
      [0, 0, 0],
      [39.5, 19.5, 1],
      [-50, 5, 0],
      [NaN, 5, 1],
      [5, Infinity, 0],
    ]);
    expect(r.at(0, 0)[3]).toBe(Math.round(NEG_ALPHA * 255));
    expect(r.at(39, 19)[3]).toBe(Math.round(POS_ALPHA * 255));
    expect(r.at(5, 5)).toEqual([0, 0, 0, 0]);
  });

  it('overwrites every pixel, so a buffer needs no clearing between paints', () => {
    const w = 20;
    const h = 10;
    const out = new Uint32Array(w * h).fill(0xffffffff);
    const scratch = rasterScratch();
    const one = { x: Float64Array.of(5), y: Float64Array.of(5), positive: Uint8Array.of(1) };
    rasterDots(one, 2, 1, LUT, out, w, h, scratch);
    const moved = { ...one, x: Float64Array.of(15) };
    rasterDots(moved, 2, 1, LUT, out, w, h, scratch);
    expect(out[5 * w + 5]).toBe(0);
    expect(out[5 * w + 15]).not.toBe(0);
  });
});
