/**
 * From what a person does to a candidate (a panel's PanelEdit, a table cell, the "add" form) to the
 * CandidateEdit the source records (so undo and the permalink see it), as pure functions.
 *
 * Label cycle (a click or Enter on a candidate): background (0) → class 1 → … → class K → ignored (−1)
 * → background, the targets of docs/maths.md §1 in order.
 */
import { editProblem } from '../data/index.ts';
import type { PanelEdit } from './types.ts';
import type { CandidateEdit, CandidateSet, CandidateSource } from '../data/types.ts';

/** |logit| accepted from a table cell or the add form (σ is 0 or 1 in float64 well before 1000). */
export const LOGIT_LIMIT = 1000;

/** The target after `target` in the label cycle of a set with K classes. */
export function nextTarget(target: number, K: number): number {
  if (target === -1) return 0;
  if (target >= K) return -1;
  return target + 1;
}

/**
 * The CandidateEdit a panel asks for on `set` (the set as it is now), or an error naming the problem
 * when it cannot apply (a row or class outside the set, a non-finite logit, deleting the last row).
 */
export function candidateEditOf(
  edit: PanelEdit,
  set: CandidateSet,
): { ok: true; edit: CandidateEdit } | { ok: false; error: string } {
  let out: CandidateEdit;
  switch (edit.kind) {
    case 'setLogit':
      out = { op: 'setLogit', row: edit.row, cls: edit.cls, logit: edit.logit };
      break;
    case 'cycleLabel': {
      const t = set.targets[edit.row];
      if (t === undefined) return { ok: false, error: `row ${edit.row} is not in 0..${set.R - 1}` };
      out = { op: 'setLabel', row: edit.row, target: nextTarget(t, set.K) };
      break;
    }
    case 'delete':
      out = { op: 'delete', row: edit.row };
      break;
  }
  const problem = editProblem(set.R, set.K, out);
  return problem === null ? { ok: true, edit: out } : { ok: false, error: problem };
}

/**
 * `source` with `edit` appended, except that a setLogit of the same entry as the last edit replaces it
 * when `coalesce` is true (one drag of one candidate is one edit in the link, not one per frame).
 */
export function withEdit(
  source: CandidateSource,
  edit: CandidateEdit,
  coalesce: boolean,
): CandidateSource {
  const last = source.edits[source.edits.length - 1];
  const replace =
    coalesce &&
    edit.op === 'setLogit' &&
    last?.op === 'setLogit' &&
    last.row === edit.row &&
    last.cls === edit.cls;
  const kept = replace ? source.edits.slice(0, -1) : source.edits;
  return { ...source, edits: [...kept, edit] };
}

/** The gesture tag under which successive edits of one candidate's logit make one undo step. */
export function logitGesture(row: number, cls: number): string {
  return `edit:logit:${row}:${cls}`;
}

/** What a typed cell means: a finite logit, or an error saying what is wrong with the text. */
export type CellValue = { ok: true; logit: number } | { ok: false; error: string };

/**
 * Parse a table cell or the add form's number: as a logit x (finite, |x| ≤ LOGIT_LIMIT) or as a
 * score p (strictly inside (0, 1), turned into logit(p) = ln p − ln(1 − p)). Empty or malformed text
 * is an error (Number('') would be 0).
 */
export function parseCell(text: string, as: 'logit' | 'score'): CellValue {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'empty' };
  const v = Number(t);
  if (Number.isNaN(v)) return { ok: false, error: `"${t}" is not a number` };
  if (as === 'logit') {
    if (!(Math.abs(v) <= LOGIT_LIMIT)) {
      return { ok: false, error: `${t} is outside [−${LOGIT_LIMIT}, ${LOGIT_LIMIT}]` };
    }
    return { ok: true, logit: v };
  }
  if (!(v > 0 && v < 1)) return { ok: false, error: `${t} is not strictly between 0 and 1` };
  return { ok: true, logit: Math.log(v) - Math.log1p(-v) };
}
