/**
 * The candidate table of one page: a <tbody> per row (anchor), a line per entry (row, class) with its
 * logit or score in a number box, σ(x) and ∂DR/∂x from the latest result; the row's label and its
 * delete button span the row's lines. Hovering or focusing a line highlights that entry everywhere.
 * Rows are memoised on plain values (logits, gradients as text, label, hover), so a result re-renders
 * the gradient cells, not the inputs.
 */
import { memo, useCallback, useMemo } from 'react';
import { sigmoid } from '../../engine/index.ts';
import type { CandidateSet } from '../../data/types.ts';
import type { EntryDetail } from '../../explain/types.ts';
import { labelTargets } from '../tableRows.ts';
import { useAppStore } from '../hooks/context.tsx';
import { CellInput } from './CellInput.tsx';
import { formatParam, formatShort } from '../format.ts';
import type { UiTranslate } from '../hooks/i18n.ts';

export interface CandidateTableProps {
  readonly set: CandidateSet;
  readonly from: number;
  readonly to: number;
  readonly as: 'logit' | 'score';
  readonly detail: EntryDetail | null;
  /** detailPositions(detail, R·K). */
  readonly positions: Int32Array;
  readonly hovered: number | null;
  readonly s: UiTranslate;
  /** A cell's problem, already naming its row and column, or null to clear. */
  readonly onProblem: (message: string | null) => void;
}

/** The name of a target in the label select. */
export function targetName(target: number, K: number, s: UiTranslate): string {
  if (target === 0) return s('label.background');
  if (target === -1) return s('label.ignored');
  return K === 1 ? s('label.positive') : s('app.table.classN', { k: target });
}

/** The value column's name for class `cls` of a K-class set ("logit x" or "logit x, class 2"). */
export function valueColumn(as: 'logit' | 'score', cls: number, K: number, s: UiTranslate) {
  const base = as === 'logit' ? s('table.logit') : s('table.score');
  return K === 1 ? base : `${base}, ${s('app.table.classN', { k: cls + 1 })}`;
}

export const CandidateTable = memo(function CandidateTable(props: CandidateTableProps) {
  const { set, from, to, as, detail, positions, hovered, s, onProblem } = props;
  const store = useAppStore();
  const { K } = set;

  const onCommit = useCallback(
    (row: number, cls: number, logit: number) => {
      if (!Object.is(logit, set.logits[row * K + cls])) {
        store.getState().editCandidates({ op: 'setLogit', row, cls, logit });
      }
    },
    [store, set, K],
  );
  const onCellProblem = useCallback(
    (row: number, cls: number, error: string | null) =>
      onProblem(
        error === null
          ? null
          : s('app.table.cellError', { row, column: valueColumn(as, cls, K, s), error }),
      ),
    [onProblem, s, as, K],
  );

  const rows = [];
  for (let r = from; r < to; r++) {
    const logits: number[] = [];
    const grads: string[] = [];
    for (let c = 0; c < K; c++) {
      const flat = r * K + c;
      logits.push(set.logits[flat]);
      const k = positions[flat];
      grads.push(detail && k >= 0 ? formatShort(detail.gradLogit[k]) : s('app.table.none'));
    }
    const inRow = hovered !== null && Math.floor(hovered / K) === r ? hovered - r * K : null;
    rows.push(
      <CandidateRow
        key={r}
        row={r}
        K={K}
        R={set.R}
        target={set.targets[r]}
        logits={logits.join(',')}
        grads={grads.join(',')}
        hoveredClass={inRow}
        as={as}
        s={s}
        onCommit={onCommit}
        onProblem={onCellProblem}
      />,
    );
  }

  return (
    <table className="candidate-table">
      <caption>{s('table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{s('table.row')}</th>
          <th scope="col">{s('table.class')}</th>
          <th scope="col">{s('table.label')}</th>
          <th scope="col">{as === 'logit' ? s('table.logit') : s('table.score')}</th>
          <th scope="col">p</th>
          <th scope="col">{s('app.table.grad')}</th>
          <th scope="col">
            <span className="visually-hidden">{s('app.table.delete')}</span>
          </th>
        </tr>
      </thead>
      {rows}
    </table>
  );
});

interface CandidateRowProps {
  readonly row: number;
  readonly K: number;
  readonly R: number;
  readonly target: number;
  /** The row's K logits and K formatted gradients, comma-joined (plain values, so memo works). */
  readonly logits: string;
  readonly grads: string;
  /** The hovered class of this row, or null. */
  readonly hoveredClass: number | null;
  readonly as: 'logit' | 'score';
  readonly s: UiTranslate;
  readonly onCommit: (row: number, cls: number, logit: number) => void;
  readonly onProblem: (row: number, cls: number, error: string | null) => void;
}

const CandidateRow = memo(function CandidateRow(props: CandidateRowProps) {
  const { row: r, K, R, target, hoveredClass, as, s, onCommit, onProblem } = props;
  const store = useAppStore();
  const grads = props.grads.split(',');
  // Everything but the gradients, as elements kept across results: React skips an element it is
  // handed again, so a new result reconciles only the gradient cells.
  const lines = useMemo(() => {
    const setHovered = (flat: number | null) => store.getState().setHovered(flat);
    return props.logits
      .split(',')
      .map(Number)
      .map((x, c) => {
        const flat = r * K + c;
        const p = sigmoid(x);
        return {
          flat,
          handlers: {
            onPointerEnter: () => setHovered(flat),
            onPointerLeave: () => setHovered(null),
            onFocus: () => setHovered(flat),
            onBlur: () => setHovered(null),
          },
          lead: (
            <>
              {c === 0 && (
                <th scope="rowgroup" rowSpan={K}>
                  {r}
                </th>
              )}
              <td>{c + 1}</td>
              {c === 0 && (
                <td rowSpan={K}>
                  <LabelSelect row={r} K={K} target={target} s={s} />
                </td>
              )}
              <td>
                <CellInput
                  shown={as === 'logit' ? formatParam(x) : formatParam(p)}
                  as={as}
                  label={s('app.table.cellName', { row: r, column: valueColumn(as, c, K, s) })}
                  row={r}
                  cls={c}
                  onCommit={onCommit}
                  onProblem={onProblem}
                />
              </td>
              <td className="num">{formatShort(p)}</td>
            </>
          ),
          tail:
            c === 0 ? (
              <td rowSpan={K}>
                <button
                  type="button"
                  className="delete"
                  aria-label={s('control.deleteCandidate', { row: r })}
                  disabled={R <= 1}
                  onClick={() => store.getState().editCandidates({ op: 'delete', row: r })}
                >
                  ×
                </button>
              </td>
            ) : null,
        };
      });
  }, [store, r, K, R, target, props.logits, as, s, onCommit, onProblem]);

  return (
    <tbody className={hoveredClass !== null ? 'hovered-row' : undefined}>
      {lines.map(({ flat, handlers, lead, tail }, c) => (
        <tr
          key={c}
          data-flat={flat}
          className={hoveredClass === c ? 'hovered' : undefined}
          {...handlers}
        >
          {lead}
          <td className="num" data-testid={`grad-${flat}`}>
            <span className="live-num">{grads[c]}</span>
          </td>
          {tail}
        </tr>
      ))}
    </tbody>
  );
});

/**
 * A row's label select, memoised on its own: a re-rendered <select> with a `value` has React set
 * every option's `selected` again, which invalidated the select's layout and with it the whole
 * auto-layout table, at every result of a drag (its row re-renders for the new gradients).
 */
const LabelSelect = memo(function LabelSelect(props: {
  readonly row: number;
  readonly K: number;
  readonly target: number;
  readonly s: UiTranslate;
}) {
  const { row, K, target, s } = props;
  const store = useAppStore();
  return (
    <select
      aria-label={s('app.table.cellName', { row, column: s('table.label') })}
      value={target}
      onChange={(e) =>
        store.getState().editCandidates({ op: 'setLabel', row, target: Number(e.target.value) })
      }
    >
      {labelTargets(K).map((t) => (
        <option key={t} value={t}>
          {targetName(t, K, s)}
        </option>
      ))}
    </select>
  );
});
