/**
 * The ring that marks the hovered candidate in an SVG chart: drawn after every dot so it is on top
 * (re-ordering the focusable dots instead would lose keyboard focus), hidden from assistive
 * technology (the dot itself carries the name) and transparent to the pointer.
 */
import { px } from './format.ts';

/** A highlight ring of radius r around (cx, cy), in the chart's pixels. */
export function HoverRing({
  cx,
  cy,
  r,
}: {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
}) {
  return (
    <circle
      className="hover-ring"
      aria-hidden="true"
      cx={px(cx)}
      cy={px(cy)}
      r={r}
      fill="none"
      stroke="var(--highlight)"
      strokeWidth={2}
      pointerEvents="none"
    />
  );
}
