/**
 * How far a large set's load has come while a pool of workers builds it (the detection-scale preset,
 * about a second): a progress bar of the blocks generated of all, then the sort. It is there only
 * while such a load runs; the readouts above it still show the previous set until the new one is
 * ready.
 */
import { useApp } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { fmtCount } from '../../viz/format.ts';

export function LoadProgress() {
  const s = useT();
  const progress = useApp((st) => st.loadProgress);
  if (!progress) return null;
  const { phase, done, total } = progress;
  const entries = fmtCount(progress.entries);
  const text =
    phase === 'shards'
      ? s('app.loadShards', { done, total, entries })
      : s('app.loadSort', { entries });
  return (
    <div className="load-progress">
      <div
        role="progressbar"
        aria-label={s('app.loadProgress')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        data-testid="load-progress"
      >
        <div
          className="load-progress-bar"
          style={{ width: `${(100 * done) / Math.max(1, total)}%` }}
        />
      </div>
      <span>{text}</span>
    </div>
  );
}
