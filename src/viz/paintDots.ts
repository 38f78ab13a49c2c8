/**
 * Canvas painting of dense strip plots (thousands of candidates, where one SVG element per dot would be
 * slow). The dots are rasterised in JavaScript (./dotRaster.ts: one putImageData; an arc path of 10⁴
 * circles cost tens of ms to rasterise in the frame after it), the highlighted dot is then drawn on
 * top with canvas paths. Pure apart from the context it is given: colours come in the arguments.
 */
import {
  compositeTable,
  parseColour,
  rasterDots,
  rasterScratch,
  type RasterMarks,
  type RasterScratch,
} from './dotRaster.ts';
import { FALLBACK_PALETTE, type Palette } from './palette.ts';

/** Dots to paint: pixel positions and labels, one per entry. */
export type DotMarks = RasterMarks;

/** The subset of CanvasRenderingContext2D the painter uses (so tests can pass a recorder). */
export type DotContext = Pick<
  CanvasRenderingContext2D,
  | 'createImageData'
  | 'putImageData'
  | 'beginPath'
  | 'arc'
  | 'fill'
  | 'stroke'
  | 'setTransform'
  | 'fillStyle'
  | 'strokeStyle'
  | 'globalAlpha'
  | 'lineWidth'
>;

/** Canvas size, pixel ratio, dot radius and the highlighted dot of one paint. */
export interface PaintOptions {
  /** CSS size of the canvas and the device pixel ratio of its backing store. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  readonly radius: number;
  /** Position in `marks` of the highlighted dot, or −1. */
  readonly highlight: number;
}

/** A palette and the pixel composite table of its dot colours (built once per theme). */
export interface DotStyle {
  readonly palette: Palette;
  readonly lut: Uint32Array;
}

/**
 * The style for `palette`. Its --neg and --pos must be hex or rgb() colours (what a canvas reports
 * for any sRGB colour assigned to fillStyle); another form falls back to the light theme's colour.
 */
export function dotStyle(palette: Palette): DotStyle {
  const neg = parseColour(palette.neg) ?? parseColour(FALLBACK_PALETTE.neg)!;
  const pos = parseColour(palette.pos) ?? parseColour(FALLBACK_PALETTE.pos)!;
  return { palette, lut: compositeTable(neg, pos) };
}

/** Buffers one canvas reuses from paint to paint. */
export interface PaintScratch extends RasterScratch {
  image: ImageData | null;
}

export function paintScratch(): PaintScratch {
  return { ...rasterScratch(), image: null };
}

/**
 * Replaces the canvas's pixels with every dot (negatives translucent, positives on top: see
 * dotRaster.ts), then paints the highlighted dot enlarged with a ring.
 */
export function paintDots(
  ctx: DotContext,
  marks: DotMarks,
  style: DotStyle,
  opts: PaintOptions,
  scratch: PaintScratch = paintScratch(),
): void {
  const { width, height, dpr, radius, highlight } = opts;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (w <= 0 || h <= 0) return;
  if (!scratch.image || scratch.image.width !== w || scratch.image.height !== h) {
    scratch.image = ctx.createImageData(w, h);
  }
  const pixels = new Uint32Array(scratch.image.data.buffer);
  rasterDots(marks, radius, dpr, style.lut, pixels, w, h, scratch);
  ctx.putImageData(scratch.image, 0, 0);

  const n = marks.x.length;
  if (highlight >= 0 && highlight < n) {
    const { palette } = style;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.globalAlpha = 1;
    ctx.beginPath();
    ctx.arc(marks.x[highlight], marks.y[highlight], radius + 3, 0, 2 * Math.PI);
    ctx.fillStyle = marks.positive[highlight] === 1 ? palette.pos : palette.neg;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = palette.highlight;
    ctx.stroke();
  }
}

/**
 * Position in `marks` of the dot nearest to (x, y) within `maxDistance` pixels, or −1. A linear scan:
 * at most DETAIL_LIMIT dots, once per pointer event.
 */
export function nearestMark(marks: DotMarks, x: number, y: number, maxDistance: number): number {
  let best = -1;
  let bestD2 = maxDistance * maxDistance;
  for (let j = 0; j < marks.x.length; j++) {
    const dx = marks.x[j] - x;
    const dy = marks.y[j] - y;
    const d2 = dx * dx + dy * dy;
    if (d2 <= bestD2) {
      bestD2 = d2;
      best = j;
    }
  }
  return best;
}
