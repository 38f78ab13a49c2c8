/**
 * One editable candidate on a score axis (SVG): a keyboard-reachable slider. Drag it along the axis
 * to change its score, click (or Enter/Space) to cycle its label, Delete to remove it; hover or focus
 * it to highlight it in every panel. Edits go out as PanelEdit (the app applies them, so undo works).
 */
import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { PanelEdit } from '../state/types.ts';
import { clampScore, keyAction, logitOf, scoreAtPixel } from './edit.ts';
import { fmtP, px } from './format.ts';
import { CLICK_SLOP, localPoint } from './pointer.ts';
import type { ScoreScale } from './scales.ts';
import { useFrameThrottle } from './useFrameThrottle.ts';

/** Props of CandidateDot: position, identity, score, label and the callbacks of the panel. */
export interface CandidateDotProps {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  /** Flat entry index r·K + c (what onHover reports). */
  readonly index: number;
  readonly row: number;
  readonly cls: number;
  /** The current score p = σ(logit). */
  readonly p: number;
  readonly positive: boolean;
  readonly highlighted: boolean;
  /** Accessible name: which candidate, its label and score, and what the keys do. */
  readonly label: string;
  /** The score axis the dot is dragged along. */
  readonly scale: ScoreScale;
  /** The SVG's drawing width (to rescale pointer coordinates when CSS shrinks it). */
  readonly svgWidth: number;
  readonly onHover: (index: number | null) => void;
  /** Absent: read-only (focusable for highlighting, not editable). */
  readonly onEdit?: ((edit: PanelEdit) => void) | undefined;
}

/** An editable candidate dot; see the module comment for its pointer and keyboard behaviour. */
export function CandidateDot(props: CandidateDotProps) {
  const { cx, cy, r, index, row, cls, p, positive, highlighted, scale, onHover, onEdit } = props;
  const throttle = useFrameThrottle<PanelEdit>(onEdit);
  // While dragging, the dot follows the pointer at once; the recomputed data catches up a frame later.
  const [drag, setDrag] = useState<{ startX: number; moved: boolean; x: number } | null>(null);

  const svgX = (e: PointerEvent<SVGGElement>) => {
    const svg = e.currentTarget.ownerSVGElement ?? e.currentTarget;
    return localPoint(svg, e.clientX, e.clientY, props.svgWidth).x;
  };

  const onPointerDown = (e: PointerEvent<SVGGElement>) => {
    if (!onEdit || e.button !== 0) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const x = svgX(e);
    setDrag({ startX: x, moved: false, x: cx });
  };
  const onPointerMove = (e: PointerEvent<SVGGElement>) => {
    if (!drag || !onEdit) return;
    const x = svgX(e);
    const moved = drag.moved || Math.abs(x - drag.startX) > CLICK_SLOP;
    if (!moved) return;
    const score = scoreAtPixel(scale, x);
    setDrag({ startX: drag.startX, moved, x: scale(score) });
    throttle.schedule({ kind: 'setLogit', row, cls, logit: logitOf(score) });
  };
  const onPointerUp = (e: PointerEvent<SVGGElement>) => {
    if (!drag || !onEdit) return;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
    if (drag.moved) throttle.flush();
    else onEdit({ kind: 'cycleLabel', row });
    setDrag(null);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (!onEdit) return;
    const action = keyAction(e.key, e.shiftKey);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'nudge') {
      onEdit({ kind: 'setLogit', row, cls, logit: logitOf(clampScore(p + action.delta)) });
    } else if (action.kind === 'cycleLabel') onEdit({ kind: 'cycleLabel', row });
    else onEdit({ kind: 'delete', row });
  };

  const x = drag?.moved ? drag.x : cx;
  const colour = positive ? 'var(--pos)' : 'var(--neg)';
  return (
    <g
      className="candidate"
      role="slider"
      tabIndex={0}
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={Number(p.toFixed(4))}
      aria-valuetext={`p = ${fmtP(p)}`}
      aria-readonly={onEdit ? undefined : true}
      data-index={index}
      style={onEdit ? { cursor: 'ew-resize', touchAction: 'none' } : undefined}
      onPointerEnter={() => onHover(index)}
      onPointerLeave={() => onHover(null)}
      onFocus={() => onHover(index)}
      onBlur={() => onHover(null)}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onKeyDown={onKeyDown}
    >
      {/* A wider transparent target: a 4 px dot is hard to grab, especially by touch. */}
      <circle cx={px(x)} cy={px(cy)} r={px(r + 6)} fill="transparent" />
      <circle
        cx={px(x)}
        cy={px(cy)}
        r={px(highlighted ? r + 2 : r)}
        fill={colour}
        fillOpacity={positive ? 0.9 : 0.6}
        stroke={highlighted ? 'var(--highlight)' : 'var(--panel-bg)'}
        strokeWidth={highlighted ? 3 : 1}
      />
    </g>
  );
}
