/**
 * One editable number of the candidate table: shows the entry's logit (or its score), commits on
 * Enter or when focus leaves, reverts on Escape. Text is parsed in one pure place (parseCell); a bad
 * value reports a message naming the row and column and changes nothing.
 */
import { useState, type KeyboardEvent } from 'react';
import { parseCell } from '../state/candidateEdits.ts';

export interface CellInputProps {
  /** The value shown when not editing (a logit or a score, as text). */
  readonly shown: string;
  readonly as: 'logit' | 'score';
  /** Accessible name: row and column. */
  readonly label: string;
  /** A valid new logit (different text from `shown`). */
  readonly onCommit: (logit: number) => void;
  /** The parse error of a commit, or null when the value was accepted or nothing changed. */
  readonly onProblem: (error: string | null) => void;
}

export function CellInput({ shown, as, label, onCommit, onProblem }: CellInputProps) {
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
      onProblem(v.error);
      setInvalid(keepOnError);
      if (!keepOnError) setDraft(null);
      return;
    }
    onProblem(null);
    setDraft(null);
    setInvalid(false);
    onCommit(v.logit);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') commit(true);
    if (e.key === 'Escape') {
      setDraft(null);
      setInvalid(false);
      onProblem(null);
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
}
