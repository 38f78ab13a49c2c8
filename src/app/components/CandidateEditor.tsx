/**
 * Editing the candidates outside the charts: add a candidate (a score and a label), and a paged table
 * of every entry with its logit or score, label, σ(x), ∂DR/∂x and a delete button. Each change is one
 * CandidateEdit in the store (undoable, in the link). Sets too large for the main thread are not
 * listed; the section says why.
 */
import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import type { CandidateSet } from '../../data/types.ts';
import { parseCell } from '../../state/candidateEdits.ts';
import { MAIN_THREAD_ENTRY_LIMIT } from '../../state/store.ts';
import {
  detailPositions,
  labelTargets,
  mountStepRows,
  pageCount,
  pageOfRow,
  pageRows,
  tableHeightEstimate,
} from '../tableRows.ts';
import { CandidateTable, targetName } from './CandidateTable.tsx';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { feedInterval } from '../scheduling/feed.ts';
import { useThrottledValue } from '../hooks/useThrottledValue.ts';
import { useOnScreen } from '../hooks/useOnScreen.ts';
import { useVisibleValue } from '../hooks/useVisibleValue.ts';
import { useGrowingCount } from '../../viz/useGrowingCount.ts';
import { useT, type UiTranslate } from '../hooks/i18n.ts';
import { fmtCount } from '../../viz/format.ts';

export function CandidateEditor() {
  const store = useAppStore();
  const s = useT();
  const id = useId();
  // Deferred: a new set (an import, an edit) re-renders the table in a render of its own, after the
  // one that applies it (which then stays short: the readouts and the engine request).
  const set = useDeferredValue(useApp((st) => st.candidates));
  // What the rows come from as a whole: the imported values, or a preset and seed. Edits keep it, so
  // an edited page re-renders in place; a new origin (an import, another preset) or page has its
  // rows mounted a step per task (useGrowingCount).
  const origin = useDeferredValue(
    useApp((st) =>
      st.source.kind === 'explicit' ? st.source.base : `${st.source.preset}:${st.source.seed}`,
    ),
  );
  // A number, not the result's info object: a new result of the same set re-renders nothing here.
  const shownEntries = useApp((st) => (st.shown ? st.shown.info.R * st.shown.info.K : null));
  const [as, setAs] = useState<'logit' | 'score'>('logit');
  const [page, setPage] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [newScore, setNewScore] = useState('0.5');
  const [newTarget, setNewTarget] = useState(1);

  const rows = pageRows(page, set?.R ?? 0, set?.K ?? 1);
  // The page's rows are new ones with another origin, page or number of classes.
  const mounted = useGrowingCount(rows.to - rows.from, mountStepRows(set?.K ?? 1), [
    origin,
    rows.from,
    set?.K,
  ]);

  if (!set) {
    return (
      <section className="card candidate-editor" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{s('app.table.title')}</h2>
        <p className="description">
          {s('app.table.tooMany', {
            n: shownEntries === null ? '…' : fmtCount(shownEntries),
            limit: fmtCount(MAIN_THREAD_ENTRY_LIMIT),
          })}
        </p>
      </section>
    );
  }

  const { R, K } = set;
  const pages = pageCount(R, K);
  const target = labelTargets(K).includes(newTarget) ? newTarget : 1;

  const add = () => {
    const v = parseCell(newScore, 'score');
    if (!v.ok) {
      setProblem(s('app.add.error', { error: v.error }));
      return;
    }
    setProblem(null);
    const added = store
      .getState()
      .editCandidates({ op: 'add', logits: new Array<number>(K).fill(v.logit), target });
    if (added) setPage(pageOfRow(R, K)); // show the new last row
  };

  return (
    <section className="card candidate-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{s('app.table.title')}</h2>
      <p className="description">{s('app.table.intro')}</p>

      <div className="add-candidate" role="group" aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>{s('app.add.title')}</h3>
        <label>
          <span>{s('app.add.score')}</span>
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={newScore}
            onChange={(e) => setNewScore(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') add();
            }}
          />
        </label>
        <label>
          <span>{s('app.add.label')}</span>
          <select value={target} onChange={(e) => setNewTarget(Number(e.target.value))}>
            {labelTargets(K).map((t) => (
              <option key={t} value={t}>
                {targetName(t, K, s)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add}>
          {s('control.addCandidate')}
        </button>
        {K > 1 && <p className="hint">{s('app.add.hint', { K })}</p>}
      </div>

      <fieldset className="edit-as">
        <legend>{s('app.table.editAs')}</legend>
        {(['logit', 'score'] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name={`${id}-as`}
              value={mode}
              checked={as === mode}
              onChange={() => setAs(mode)}
            />{' '}
            {mode === 'logit' ? s('table.logit') : s('table.score')}
          </label>
        ))}
      </fieldset>

      <p className="cell-problem" role="alert">
        {problem}
      </p>

      <nav className="pager" aria-label={s('app.table.title')}>
        <button type="button" disabled={rows.page === 0} onClick={() => setPage(rows.page - 1)}>
          {s('app.table.prev')}
        </button>
        <span aria-live="polite">
          {s('app.table.page', { from: rows.from, to: rows.to - 1, R })}
        </span>
        <button
          type="button"
          disabled={rows.page >= pages - 1}
          onClick={() => setPage(rows.page + 1)}
        >
          {s('app.table.next')}
        </button>
      </nav>

      <LiveTable
        set={set}
        from={rows.from}
        to={rows.from + mounted}
        heightEstimate={tableHeightEstimate(rows.to - rows.from, K)}
        as={as}
        s={s}
        onProblem={setProblem}
      />
    </section>
  );
}

interface LiveTableProps {
  readonly set: CandidateSet;
  readonly from: number;
  readonly to: number;
  /** Placeholder height (px) while the table is off screen and not yet laid out. */
  readonly heightEstimate: number;
  readonly as: 'logit' | 'score';
  readonly s: UiTranslate;
  readonly onProblem: (problem: string | null) => void;
}

/**
 * The table with the latest gradients and the hover: the part of the editor that follows the
 * results. On its own, so that a result (every frame of a drag) re-renders this, not the form above
 * it: re-rendered, React writes a controlled input's name and type again, and the page restyles them.
 */
const LiveTable = memo(function LiveTable(props: LiveTableProps) {
  const { set, from, to, heightEstimate, as, s, onProblem } = props;
  // The gradients and the hover follow in a deferred render: a result updates the readouts first;
  // for dense sets at most every DENSE_FEED_MS, as the panels (feed.ts).
  const latest = useDeferredValue(useApp((st) => st.shown?.data.detail ?? null));
  // Below the panels, usually off screen during a drag: its hundreds of cells then catch up once
  // the changes pause (useVisibleValue), not at every snapshot.
  const [tableRef, tableVisible] = useOnScreen<HTMLDivElement>('300px', false);
  const detail = useVisibleValue(useThrottledValue(latest, feedInterval(latest)), tableVisible);
  const hovered = useDeferredValue(useApp((st) => st.view.hovered));
  const entries = set.R * set.K;
  const positions = useMemo(() => detailPositions(detail, entries), [detail, entries]);
  return (
    <div
      className="table-scroll"
      ref={tableRef}
      style={{ containIntrinsicHeight: `auto ${heightEstimate}px` }}
    >
      <CandidateTable
        set={set}
        from={from}
        to={to}
        as={as}
        detail={detail}
        positions={positions}
        hovered={hovered}
        s={s}
        onProblem={onProblem}
      />
    </div>
  );
});
