/**
 * The pinned baseline A in a lanes chart (panels 1 and 3): each of A's candidates as a faint tick
 * across its label's lane, and A's plain means as faint dashed rules. Drawn under the current dots,
 * with no pointer and no name (the readouts say A's numbers).
 */
import type { ExplainerData } from '../../explain/types.ts';
import { px } from '../../viz/format.ts';
import { SVG_MARK_LIMIT } from '../../viz/marks.ts';
import type { ScoreScale } from '../../viz/scales.ts';
import type { LanesLayout } from './lanes.ts';

export interface LaneGhostProps {
  readonly baseline: ExplainerData;
  readonly x: ScoreScale;
  readonly layout: LanesLayout;
}

/** A's candidates and means, faint; see the module comment. */
export function LaneGhost({ baseline, x, layout }: LaneGhostProps) {
  const d = baseline.detail;
  const ticks = d !== null && d.p.length <= SVG_MARK_LIMIT;
  const { posLane, negLane } = layout;
  return (
    <g className="ghost ghost-lanes" aria-hidden="true" pointerEvents="none">
      {ticks
        ? Array.from(d.p, (p, k) => {
            const lane = d.positive[k] === 1 ? posLane : negLane;
            return (
              <line
                key={d.index[k]}
                x1={px(x(p))}
                x2={px(x(p))}
                y1={lane.top + 4}
                y2={lane.bottom - 4}
                stroke="var(--ghost)"
                strokeWidth={2}
              />
            );
          })
        : null}
      {(
        [
          [baseline.pos, posLane],
          [baseline.neg, negLane],
        ] as const
      ).map(([set, lane], i) =>
        set.n > 0 ? (
          <line
            key={i}
            x1={px(x(set.mean))}
            x2={px(x(set.mean))}
            y1={lane.top}
            y2={lane.bottom}
            stroke="var(--ghost)"
            strokeWidth={2}
            strokeDasharray="2 3"
          />
        ) : null,
      )}
    </g>
  );
}
