/**
 * One run's score field over the 2-D feature plane, as TensorFlow Playground draws its output: each
 * grid cell coloured from the panel background (score 0) to the accent colour (score 1), the anchors
 * (a deterministic sample) on top, green positives and red negatives. A React-owned canvas painted in
 * an effect (so at most once per render, and renders are frame-throttled).
 */
import { color, interpolateRgb } from 'd3';
import { memo, useEffect, useId, useRef } from 'react';
import { readPalette } from '../../../viz/palette.ts';
import type { AnchorSample } from '../../../worker/trainProtocol.ts';

const ramps = new Map<string, Uint8Array>();

/** 256 RGB triples from `from` (score 0) to `to` (score 1), computed once per colour pair. */
function rampTable(from: string, to: string): Uint8Array {
  const key = `${from}|${to}`;
  let lut = ramps.get(key);
  if (!lut) {
    const ramp = interpolateRgb(from, to);
    lut = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) {
      const c = color(ramp(i / 255))?.rgb();
      lut[3 * i] = c?.r ?? 0;
      lut[3 * i + 1] = c?.g ?? 0;
      lut[3 * i + 2] = c?.b ?? 0;
    }
    ramps.set(key, lut);
  }
  return lut;
}

const layers = new WeakMap<AnchorSample, { key: string; canvas: HTMLCanvasElement }>();

/** The anchors as dots on a transparent layer, painted once per sample, size and colours. */
function dotLayer(
  anchors: AnchorSample,
  side: number,
  dpr: number,
  pos: string,
  neg: string,
): HTMLCanvasElement {
  const key = `${side}|${dpr}|${pos}|${neg}`;
  const hit = layers.get(anchors);
  if (hit && hit.key === key) return hit.canvas;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(side * dpr);
  canvas.height = Math.round(side * dpr);
  const ctx = canvas.getContext('2d');
  if (ctx) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const [x0, x1, y0, y1] = anchors.extent;
    const sx = side / (x1 - x0);
    const sy = side / (y1 - y0);
    for (const positive of [false, true]) {
      ctx.fillStyle = positive ? pos : neg;
      for (let i = 0; i < anchors.x.length; i++) {
        if (anchors.label[i] > 0 !== positive) continue;
        const r = positive ? 1.5 : 1;
        ctx.fillRect((anchors.x[i] - x0) * sx - r, (y1 - anchors.y[i]) * sy - r, 2 * r, 2 * r);
      }
    }
  }
  layers.set(anchors, { key, canvas });
  return canvas;
}

export interface FieldCanvasProps {
  readonly title: string;
  readonly side: number;
  readonly size: number;
  readonly field: Float32Array | null;
  readonly anchors: AnchorSample;
  readonly testId?: string;
}

export const FieldCanvas = memo(function FieldCanvas(props: FieldCanvasProps) {
  const { side, size, field, anchors } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const tileRef = useRef<HTMLCanvasElement | null>(null);
  const titleId = useId();
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const palette = readPalette(canvas);
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(side * dpr);
    canvas.height = Math.round(side * dpr);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = palette.panelBg;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    if (field && field.length === size * size) {
      const lut = rampTable(palette.panelBg, palette.accent);
      const img = new ImageData(size, size);
      for (let i = 0; i < size * size; i++) {
        const v = field[i];
        const k = 3 * Math.round(255 * (Number.isFinite(v) ? Math.max(0, Math.min(1, v)) : 0));
        img.data[4 * i] = lut[k];
        img.data[4 * i + 1] = lut[k + 1];
        img.data[4 * i + 2] = lut[k + 2];
        img.data[4 * i + 3] = 255;
      }
      tileRef.current ??= document.createElement('canvas');
      const tile = tileRef.current;
      tile.width = size;
      tile.height = size;
      tile.getContext('2d')?.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(tile, 0, 0, canvas.width, canvas.height);
    }
    ctx.drawImage(dotLayer(anchors, side, dpr, palette.pos, palette.neg), 0, 0);
  }, [side, size, field, anchors]);
  return (
    <figure className="train-chart" data-testid={props.testId}>
      <figcaption id={titleId}>{props.title}</figcaption>
      <canvas
        ref={ref}
        style={{ width: side, height: side }}
        role="img"
        aria-labelledby={titleId}
      />
    </figure>
  );
});
