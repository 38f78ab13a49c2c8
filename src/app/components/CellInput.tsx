/**
 * One editable number of the candidate table: shows the entry's logit (or its score), commits on
 * Enter or when focus leaves, reverts on Escape. Text is parsed in one pure place (parseCell); a bad
 * value is reported (the table names the row and column) and changes nothing. Memoised with stable
 * callbacks, so a new result (new gradients beside it) does not touch the input.
 */
import { memo, useState, type KeyboardEvent } from 'react';
import { parseCell } from '../../state/candidateEdits.ts';

export interface CellInputProps {
  /** The value shown when not editing (a logit or a score, as text). */
  readonly shown: string;
  readonly as: 'logit' | 'score';
  /** Accessible name: row and column. */
  readonly label: string;
  /** The entry: row and class. */
  readonly row: number;
  readonly cls: number;
  /** A valid new logit (typed text different from `shown`). */
  readonly onCommit: (row: number, cls: number, logit: number) => void;
  /** The parse error of a commit, or null when the value was accepted or the edit abandoned. */
  readonly onProblem: (row: number, cls: number, error: string | null) => void;
}

export const CellInput = memo(function CellInput(props: CellInputProps) {
  const { shown, as, label, row, cls, onCommit, onProblem } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);

  const commit = (keepOnError: boolean) => {
    if (draft === null || draft === shown) {
      setDraft(null);
      setInvalid(false);
      return;
    }
    const v = parseCell(draft, as);
    if (!v.ok) {
      onProblem(row, cls, v.error);
      setInvalid(keepOnError);
      if (!keepOnError) setDraft(null);
      return;
    }
    onProblem(row, cls, null);
    setDraft(null);
    setInvalid(false);
    onCommit(row, cls, v.logit);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit(true);
    if (e.key === 'Escape') {
      setDraft(null);
      setInvalid(false);
      onProblem(row, cls, null);
    }
  };

  return (
    <input
      type="text"
      inputMode="decimal"
      spellCheck={false}
      autoComplete="off"
      className="cell-input"
      aria-label={label}
      aria-invalid={invalid}
      value={draft ?? shown}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => commit(false)}
      onKeyDown={onKeyDown}
    />
  );
});
