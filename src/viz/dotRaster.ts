/**
 * Dense dots rasterised in JavaScript into an RGBA pixel buffer (then one putImageData), instead of
 * one canvas path of thousands of arcs. Measured in Chromium at 10⁴ dots: the arc path cost 6 ms to
 * build but 50–80 ms to rasterise in the next frame's commit (one path of 10⁴ anti-aliased circles),
 * which blocked every input and readout behind it; this raster costs a few ms in all.
 *
 * What it draws is what the arc path drew: each label's dots as one anti-aliased union (overlapping
 * dots of one label do not darken each other), negatives at NEG_ALPHA under positives at POS_ALPHA.
 * Coverage comes from precomputed masks of one dot at 4 × 4 sub-pixel offsets (8 × 8 samples per
 * pixel), so positions keep quarter-pixel precision. Pure: no DOM, testable in Node.
 */

/** Opacity of the negatives (the many, translucent) and of the positives (on top). */
export const NEG_ALPHA = 0.45;
export const POS_ALPHA = 0.9;

/** Sub-pixel positions per pixel and axis for which a dot mask is precomputed. */
const PHASES = 4;
/** Coverage samples per pixel and axis when a mask is built. */
const SAMPLES = 8;

/**
 * One dot's coverage at each sub-pixel phase, as sparse lists (only covered pixels: about 60 % of the
 * bounding square): mask m holds the entries from[m] to from[m + 1] of dx, dy (pixel offsets from
 * the square's top-left corner, inside size × size) and cover (0–255).
 */
export interface DotMasks {
  readonly radius: number;
  readonly size: number;
  /** PHASES² + 1 starts; mask index py·PHASES + px: the centre at (radius + px/PHASES, radius + py/PHASES). */
  readonly from: Int32Array;
  readonly dx: Int32Array;
  readonly dy: Int32Array;
  readonly cover: Uint8Array;
}

const maskCache = new Map<number, DotMasks>();

/** Masks of a dot of `radius` device pixels (cached per radius: a few sizes are ever used). */
export function dotMasks(radius: number): DotMasks {
  const cached = maskCache.get(radius);
  if (cached) return cached;
  const size = Math.ceil(2 * radius) + 2;
  const r2 = radius * radius;
  const from = [0];
  const dx: number[] = [];
  const dy: number[] = [];
  const cover: number[] = [];
  for (let py = 0; py < PHASES; py++) {
    for (let px = 0; px < PHASES; px++) {
      const cx = radius + px / PHASES;
      const cy = radius + py / PHASES;
      for (let j = 0; j < size; j++) {
        for (let i = 0; i < size; i++) {
          let inside = 0;
          for (let sy = 0; sy < SAMPLES; sy++) {
            const ddy = j + (sy + 0.5) / SAMPLES - cy;
            for (let sx = 0; sx < SAMPLES; sx++) {
              const ddx = i + (sx + 0.5) / SAMPLES - cx;
              if (ddx * ddx + ddy * ddy <= r2) inside++;
            }
          }
          const c = Math.round((inside * 255) / (SAMPLES * SAMPLES));
          if (c > 0) {
            dx.push(i);
            dy.push(j);
            cover.push(c);
          }
        }
      }
      from.push(cover.length);
    }
  }
  const out: DotMasks = {
    radius,
    size,
    from: Int32Array.from(from),
    dx: Int32Array.from(dx),
    dy: Int32Array.from(dy),
    cover: Uint8Array.from(cover),
  };
  maskCache.set(radius, out);
  return out;
}

/** An opaque sRGB colour, 0–255 per channel. */
export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/**
 * Parse a CSS colour in the forms a canvas reports back for fillStyle and the theme uses: #rgb,
 * #rrggbb (with or without alpha digits, which are ignored) or rgb()/rgba(). null otherwise.
 */
export function parseColour(css: string): Rgb | null {
  const s = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (hex) {
    const h = hex[1];
    const short = h.length <= 4;
    const at = (k: number) =>
      short ? parseInt(h[k] + h[k], 16) : parseInt(h.slice(2 * k, 2 * k + 2), 16);
    return { r: at(0), g: at(1), b: at(2) };
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(s);
  if (fn) {
    const c = (v: string) => Math.max(0, Math.min(255, Math.round(Number(v))));
    return { r: c(fn[1]), g: c(fn[2]), b: c(fn[3]) };
  }
  return null;
}

/** Whether this platform stores the low byte of a word first (every browser in use; checked anyway). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The composite of every (negative coverage, positive coverage) pair as one RGBA pixel word (the
 * bytes R, G, B, A in memory, ImageData's order, whatever the platform's endianness), index
 * neg·256 + pos: the negative colour at
 * NEG_ALPHA·coverage under the positive colour at POS_ALPHA·coverage, source-over, unpremultiplied.
 */
export function compositeTable(neg: Rgb, pos: Rgb): Uint32Array {
  const lut = new Uint32Array(256 * 256);
  for (let n = 0; n < 256; n++) {
    const an = (NEG_ALPHA * n) / 255;
    for (let p = 0; p < 256; p++) {
      const ap = (POS_ALPHA * p) / 255;
      const a = ap + an * (1 - ap);
      if (a === 0) continue;
      const wn = (an * (1 - ap)) / a;
      const wp = ap / a;
      const r = Math.round(pos.r * wp + neg.r * wn);
      const g = Math.round(pos.g * wp + neg.g * wn);
      const b = Math.round(pos.b * wp + neg.b * wn);
      const alpha = Math.round(a * 255);
      lut[(n << 8) | p] = LITTLE_ENDIAN
        ? ((alpha << 24) | (b << 16) | (g << 8) | r) >>> 0
        : ((r << 24) | (g << 16) | (b << 8) | alpha) >>> 0;
    }
  }
  return lut;
}

/** Dots to rasterise: CSS-pixel centres and labels (as paintDots' DotMarks). */
export interface RasterMarks {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** 1 positive, 0 negative. */
  readonly positive: Uint8Array;
}

/**
 * Reusable buffers of one canvas (a paint allocates nothing when the size is unchanged): per pixel k,
 * the negatives' coverage at 2k and the positives' at 2k + 1 (side by side: a dot's writes and the
 * final pass touch half as many cache lines as two separate planes).
 */
export interface RasterScratch {
  coverage: Uint8Array;
}

export function rasterScratch(): RasterScratch {
  return { coverage: new Uint8Array(0) };
}

/**
 * Rasterise `marks` (radius `radius` CSS px, scaled by `dpr`) into `out`, a `w` × `h` device-pixel
 * RGBA buffer seen as 32-bit words, with the composite table `lut`. Every pixel is written
 * (transparent where there is no dot), so `out` needs no clearing. Dots outside are clipped.
 */
export function rasterDots(
  marks: RasterMarks,
  radius: number,
  dpr: number,
  lut: Uint32Array,
  out: Uint32Array,
  w: number,
  h: number,
  scratch: RasterScratch,
): void {
  const area = w * h;
  if (scratch.coverage.length !== 2 * area) scratch.coverage = new Uint8Array(2 * area);
  else scratch.coverage.fill(0);
  const plane = scratch.coverage;
  const { size, from, dx, dy, cover } = dotMasks(radius * dpr);
  // Each covered pixel's offset in the buffer from the dot's corner, for this row length.
  const offset = new Int32Array(dx.length);
  for (let q = 0; q < dx.length; q++) offset[q] = 2 * (dy[q] * w + dx[q]);
  const R = radius * dpr;
  const { x: xs, y: ys, positive } = marks;
  const n = xs.length;
  for (let j = 0; j < n; j++) {
    // The dot's square: its top-left pixel, and the rest of the offset as the mask's phase.
    const left = xs[j] * dpr - R;
    const top = ys[j] * dpr - R;
    if (!(left > -size && top > -size && left < w && top < h)) continue; // off canvas or NaN
    let ix = Math.floor(left);
    let iy = Math.floor(top);
    let px = ((left - ix) * PHASES + 0.5) | 0;
    let py = ((top - iy) * PHASES + 0.5) | 0;
    // A phase rounded up to a whole pixel is phase 0 of the next pixel.
    if (px === PHASES) {
      px = 0;
      ix++;
    }
    if (py === PHASES) {
      py = 0;
      iy++;
    }
    const mask = py * PHASES + px;
    const end = from[mask + 1];
    const base = 2 * (iy * w + ix) + (positive[j] === 1 ? 1 : 0);
    const inside = ix >= 0 && iy >= 0 && ix + size <= w && iy + size <= h;
    // Union of one label's dots: the larger coverage wins (as one filled path of all of them).
    for (let q = from[mask]; q < end; q++) {
      if (!inside) {
        const x = ix + dx[q];
        const y = iy + dy[q];
        if (x < 0 || y < 0 || x >= w || y >= h) continue;
      }
      const k = base + offset[q];
      const c = cover[q];
      const was = plane[k];
      plane[k] = c > was ? c : was;
    }
  }
  for (let k = 0; k < area; k++) out[k] = lut[(plane[2 * k] << 8) | plane[2 * k + 1]];
}
