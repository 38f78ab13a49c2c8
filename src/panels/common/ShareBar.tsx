/**
 * A horizontal bar split in two shares (e.g. the cross-entropy from negatives vs from positives, the
 * violating vs the ranked pairs). Decorative: the sentence next to it says the same in words.
 */
import { px } from '../../viz/format.ts';

/** Props of ShareBar: the share, its two colours and the sentence stating it. */
export interface ShareBarProps {
  /** The first part's share in [0, 1] (clamped; NaN draws as 0). */
  readonly share: number;
  /** CSS colours of the first part and of the rest. */
  readonly colour: string;
  readonly rest: string;
  /** The sentence that states the share (visible, and what assistive technology reads). */
  readonly text: string;
  /** The pinned baseline A's share, drawn as a faint tick across the bar (absent: no baseline). */
  readonly ghost?: number | undefined;
}

/** The bar (aria-hidden) and its sentence. */
export function ShareBar({ share, colour, rest, text, ghost }: ShareBarProps) {
  const clamp = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);
  const f = clamp(share);
  return (
    <div className="share">
      <svg
        className="share-bar"
        aria-hidden="true"
        focusable="false"
        width="100%"
        height={12}
        viewBox="0 0 100 12"
        preserveAspectRatio="none"
      >
        <rect x={0} y={0} width={px(100 * f)} height={12} fill={colour} />
        <rect x={px(100 * f)} y={0} width={px(100 * (1 - f))} height={12} fill={rest} />
        {ghost === undefined ? null : (
          <rect
            className="ghost ghost-share"
            aria-hidden="true"
            x={px(Math.min(99, 100 * clamp(ghost)))}
            y={0}
            width={1}
            height={12}
            fill="var(--ghost)"
            stroke="var(--fg)"
            strokeWidth={0.2}
          />
        )}
      </svg>
      <p>{text}</p>
    </div>
  );
}
