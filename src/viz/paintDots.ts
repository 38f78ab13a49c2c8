/**
 * Canvas painting of dense strip plots (thousands of candidates, where one SVG element per dot would be
 * slow). Pure: everything it needs comes in the arguments, colours included.
 */
import type { Palette } from './palette.ts';

/** Dots to paint: pixel positions and labels, one per entry. */
export interface DotMarks {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** 1 positive, 0 negative. */
  readonly positive: Uint8Array;
}

/** The subset of CanvasRenderingContext2D the painter uses (so tests can pass a recorder). */
export type DotContext = Pick<
  CanvasRenderingContext2D,
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
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

/**
 * Clears the canvas and paints every dot: negatives first and translucent (they are the many), then
 * positives opaque on top, then the highlighted dot enlarged with a ring. One path per colour keeps it
 * to a handful of fill calls for any n.
 */
export function paintDots(
  ctx: DotContext,
  marks: DotMarks,
  palette: Palette,
  opts: PaintOptions,
): void {
  const { width, height, dpr, radius, highlight } = opts;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const n = marks.x.length;
  for (const label of [0, 1] as const) {
    ctx.beginPath();
    for (let j = 0; j < n; j++) {
      if (marks.positive[j] !== label) continue;
      ctx.moveTo(marks.x[j] + radius, marks.y[j]);
      ctx.arc(marks.x[j], marks.y[j], radius, 0, 2 * Math.PI);
    }
    ctx.fillStyle = label === 1 ? palette.pos : palette.neg;
    ctx.globalAlpha = label === 1 ? 0.9 : 0.45;
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  if (highlight >= 0 && highlight < n) {
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
