/**
 * A React-owned <canvas> strip plot (place it in a position: relative box over the chart's SVG) for
 * thousands of candidates (SVG up to ~2,000): painted by the pure `paintDots` in a task of its own
 * (./paintQueue.ts), once for the newest props, and only when what it shows changed (the caller
 * keeps `marks` the same object while the dots do not move), with hover (nearest dot) and
 * drag-to-edit like CandidateDot.
 * Single dots here are not keyboard-reachable (thousands of tab stops would help nobody); the
 * candidate table of the app is the keyboard route to every candidate.
 */
import { useEffect, useRef, type PointerEvent } from 'react';
import type { PanelEdit } from '../state/types.ts';
import { logitOf, scoreAtPixel } from './edit.ts';
import {
  dotStyle,
  nearestMark,
  paintDots,
  paintScratch,
  type DotMarks,
  type DotStyle,
} from './paintDots.ts';
import { readPalette, type Palette } from './palette.ts';
import { schedulePaint } from './paintQueue.ts';
import { CLICK_SLOP, localPoint } from './pointer.ts';
import type { ScoreScale } from './scales.ts';
import { useFrameThrottle } from './useFrameThrottle.ts';
import { useThemeVersion } from './useThemeVersion.ts';

/** Props of DotCanvas: size, dots, their entries, the highlight and the callbacks. */
export interface DotCanvasProps {
  readonly width: number;
  readonly height: number;
  readonly marks: DotMarks;
  /** Per mark: flat entry index, row and class (what hover and edits report). */
  readonly index: Int32Array;
  readonly row: Int32Array;
  readonly cls: Int32Array;
  /** Position in `marks` of the highlighted candidate, or −1. */
  readonly highlight: number;
  readonly radius: number;
  readonly scale: ScoreScale;
  /** Accessible name summarising what the dots show. */
  readonly label: string;
  readonly onHover: (index: number | null) => void;
  readonly onEdit?: ((edit: PanelEdit) => void) | undefined;
}

/**
 * `palette` with its dot colours as the canvas normalises them (hex or rgb(), whatever CSS form the
 * theme uses), which dotStyle can parse.
 */
function canvasPalette(ctx: CanvasRenderingContext2D, palette: Palette): Palette {
  const normal = (css: string) => {
    ctx.fillStyle = css;
    return String(ctx.fillStyle);
  };
  return { ...palette, pos: normal(palette.pos), neg: normal(palette.neg) };
}

/** Pixels within which the pointer picks a dot. */
const PICK_RADIUS = 8;

/** The dense strip plot; see the module comment. */
export function DotCanvas(props: DotCanvasProps) {
  const { width, height, marks, highlight, radius, onHover, onEdit } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useThemeVersion();
  const hoverRef = useRef(-1);
  const dragRef = useRef<{ mark: number; startX: number; moved: boolean } | null>(null);
  const throttle = useFrameThrottle<PanelEdit>(onEdit);
  const dpr = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;
  // The palette is read once per theme, not per paint: getComputedStyle in a frame right after a
  // React commit forces a style recalculation of the whole page.
  const styleRef = useRef<{ theme: number; style: DotStyle } | null>(null);
  const scratch = useRef(paintScratch()).current;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    return schedulePaint(canvas, () => {
      const ctx = canvas.getContext('2d');
      if (!ctx) return; // no 2-D context (jsdom, or out of memory): the aria-label still describes it
      if (styleRef.current?.theme !== theme) {
        styleRef.current = { theme, style: dotStyle(canvasPalette(ctx, readPalette(canvas))) };
      }
      const opts = { width, height, dpr, radius, highlight };
      paintDots(ctx, marks, styleRef.current.style, opts, scratch);
    });
  }, [marks, width, height, dpr, radius, highlight, theme, scratch]);

  const point = (e: PointerEvent<HTMLCanvasElement>) =>
    localPoint(e.currentTarget, e.clientX, e.clientY, width);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const { x, y } = point(e);
    const drag = dragRef.current;
    if (drag && onEdit) {
      drag.moved ||= Math.abs(x - drag.startX) > CLICK_SLOP;
      if (drag.moved) {
        const score = scoreAtPixel(props.scale, x);
        throttle.schedule({
          kind: 'setLogit',
          row: props.row[drag.mark],
          cls: props.cls[drag.mark],
          logit: logitOf(score),
        });
      }
      return;
    }
    const m = nearestMark(marks, x, y, PICK_RADIUS);
    if (m !== hoverRef.current) {
      hoverRef.current = m;
      onHover(m >= 0 ? props.index[m] : null);
    }
  };
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!onEdit || e.button !== 0) return;
    const { x, y } = point(e);
    const m = nearestMark(marks, x, y, PICK_RADIUS);
    if (m < 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    dragRef.current = { mark: m, startX: x, moved: false };
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const drag = dragRef.current;
    dragRef.current = null;
    if (!drag || !onEdit) return;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
    if (drag.moved) throttle.flush();
    else onEdit({ kind: 'cycleLabel', row: props.row[drag.mark] });
  };
  const onPointerLeave = () => {
    if (dragRef.current) return;
    hoverRef.current = -1;
    onHover(null);
  };

  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={props.label}
      width={Math.round(width * dpr)}
      height={Math.round(height * dpr)}
      // Fills its positioned parent, which has the SVG's box: the dots stay on the SVG's axes even
      // when CSS scales the chart down (pointer coordinates are rescaled by localPoint).
      style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', touchAction: 'none' }}
      onPointerMove={onPointerMove}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (dragRef.current = null)}
      onPointerLeave={onPointerLeave}
    />
  );
}
