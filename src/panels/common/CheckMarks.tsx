/**
 * The marks of the entries a check found differing most from the official gradient (PanelProps
 * .highlighted): a dashed square around each, drawn on top, transparent to the pointer and hidden
 * from assistive technology (the check view lists them). Nothing is drawn when none is highlighted.
 */
import type { EntryDetail } from '../../explain/types.ts';
import { px } from '../../viz/format.ts';

/** Positions in the detail columns of the highlighted flat indices that the detail holds. */
export function highlightedAt(
  detail: EntryDetail | null,
  highlighted: Int32Array | undefined,
): number[] {
  if (detail === null || highlighted === undefined || highlighted.length === 0) return [];
  const out: number[] = [];
  for (const i of highlighted) {
    const k = detail.index.indexOf(i);
    if (k >= 0) out.push(k);
  }
  return out;
}

/** Dashed squares of half-size `r` around the points. */
export function CheckMarks({
  points,
  r,
}: {
  readonly points: readonly (readonly [number, number])[];
  readonly r: number;
}) {
  if (points.length === 0) return null;
  return (
    <g className="check-marks" aria-hidden="true" pointerEvents="none">
      {points.map(([x, y], i) => (
        <rect
          key={i}
          className="check-mark"
          x={px(x - r)}
          y={px(y - r)}
          width={2 * r}
          height={2 * r}
          fill="none"
          stroke="var(--highlight)"
          strokeWidth={2}
          strokeDasharray="3 2"
        />
      ))}
    </g>
  );
}
