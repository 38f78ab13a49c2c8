/**
 * The candidate table of one page: a <tbody> per row (anchor), a line per entry (row, class) with its
 * logit or score in a number box, σ(x) and ∂DR/∂x from the latest result; the row's label and its
 * delete button span the row's lines. Hovering or focusing a line highlights that entry everywhere.
 */
import { sigmoid } from '../engine/index.ts';
import type { CandidateSet } from '../state/types.ts';
import type { EntryDetail } from '../viz/types.ts';
import { labelTargets } from './candidateTable.ts';
import { useAppStore } from './context.tsx';
import { CellInput } from './CellInput.tsx';
import { formatParam, formatShort } from './format.ts';
import type { UiTranslate } from './i18n.ts';

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
  /** A cell's problem (already naming row and column), or null to clear. */
  readonly onProblem: (message: string | null) => void;
}

/** The name of a target in the label select. */
export function targetName(target: number, K: number, s: UiTranslate): string {
  if (target === 0) return s('label.background');
  if (target === -1) return s('label.ignored');
  return K === 1 ? s('label.positive') : s('app.table.classN', { k: target });
}

export function CandidateTable(props: CandidateTableProps) {
  const { set, from, to, as, detail, positions, hovered, s, onProblem } = props;
  const store = useAppStore();
  const { K } = set;
  const valueColumn = as === 'logit' ? s('table.logit') : s('table.score');
  const setHovered = (flat: number | null) => store.getState().setHovered(flat);
  const rows: number[] = [];
  for (let r = from; r < to; r++) rows.push(r);

  return (
    <table className="candidate-table">
      <caption>{s('table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{s('table.row')}</th>
          <th scope="col">{s('table.class')}</th>
          <th scope="col">{s('table.label')}</th>
          <th scope="col">{valueColumn}</th>
          <th scope="col">p</th>
          <th scope="col">{s('app.table.grad')}</th>
          <th scope="col">
            <span className="visually-hidden">{s('app.table.delete')}</span>
          </th>
        </tr>
      </thead>
      {rows.map((r) => {
        const target = set.targets[r];
        const rowHovered = hovered !== null && Math.floor(hovered / K) === r;
        return (
          <tbody key={r} className={rowHovered ? 'hovered-row' : undefined}>
            {Array.from({ length: K }, (_, c) => {
              const flat = r * K + c;
              const x = set.logits[flat];
              const p = sigmoid(x);
              const k = positions[flat];
              const grad = detail && k >= 0 ? detail.gradLogit[k] : NaN;
              const column =
                K === 1 ? valueColumn : `${valueColumn}, ${s('app.table.classN', { k: c + 1 })}`;
              const cellName = s('app.table.cellName', { row: r, column });
              return (
                <tr
                  key={c}
                  data-flat={flat}
                  className={hovered === flat ? 'hovered' : undefined}
                  onPointerEnter={() => setHovered(flat)}
                  onPointerLeave={() => setHovered(null)}
                  onFocus={() => setHovered(flat)}
                  onBlur={() => setHovered(null)}
                >
                  {c === 0 && (
                    <th scope="rowgroup" rowSpan={K}>
                      {r}
                    </th>
                  )}
                  <td>{c + 1}</td>
                  {c === 0 && (
                    <td rowSpan={K}>
                      <select
                        aria-label={s('app.table.cellName', { row: r, column: s('table.label') })}
                        value={target}
                        onChange={(e) =>
                          store.getState().editCandidates({
                            op: 'setLabel',
                            row: r,
                            target: Number(e.target.value),
                          })
                        }
                      >
                        {labelTargets(K).map((t) => (
                          <option key={t} value={t}>
                            {targetName(t, K, s)}
                          </option>
                        ))}
                      </select>
                    </td>
                  )}
                  <td>
                    <CellInput
                      shown={as === 'logit' ? formatParam(x) : formatParam(p)}
                      as={as}
                      label={cellName}
                      onCommit={(logit) => {
                        if (!Object.is(logit, x)) {
                          store
                            .getState()
                            .editCandidates({ op: 'setLogit', row: r, cls: c, logit });
                        }
                      }}
                      onProblem={(error) =>
                        onProblem(
                          error === null
                            ? null
                            : s('app.table.cellError', { row: r, column, error }),
                        )
                      }
                    />
                  </td>
                  <td className="num">{formatShort(p)}</td>
                  <td className="num" data-testid={`grad-${flat}`}>
                    {Number.isNaN(grad) ? s('app.table.none') : formatShort(grad)}
                  </td>
                  {c === 0 && (
                    <td rowSpan={K}>
                      <button
                        type="button"
                        className="delete"
                        aria-label={s('control.deleteCandidate', { row: r })}
                        disabled={set.R <= 1}
                        onClick={() => store.getState().editCandidates({ op: 'delete', row: r })}
                      >
                        ×
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        );
      })}
    </table>
  );
}
