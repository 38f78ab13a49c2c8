/**
 * Candidate edits replayed on a base set (generated or imported): the permalink stores the base's
 * description plus these edits, never the edited arrays.
 */
import type { CandidateEdit, CandidateSet } from './types.ts';

/**
 * Why `edit` cannot apply to a set of R rows × K classes, or null when it can:
 * rows 0 ≤ row < R, classes 0 ≤ cls < K, logits finite, targets integers in −1..K, an added row has
 * exactly K logits, a delete leaves at least one row.
 */
export function editProblem(R: number, K: number, edit: CandidateEdit): string | null {
  const rowOk = (row: number) => Number.isInteger(row) && row >= 0 && row < R;
  const targetOk = (t: number) => Number.isInteger(t) && t >= -1 && t <= K;
  switch (edit.op) {
    case 'setLogit':
      if (!rowOk(edit.row)) return `row ${edit.row} is not in 0..${R - 1}`;
      if (!(Number.isInteger(edit.cls) && edit.cls >= 0 && edit.cls < K))
        return `class ${edit.cls} is not in 0..${K - 1}`;
      return Number.isFinite(edit.logit) ? null : 'the logit is not a finite number';
    case 'setLabel':
      if (!rowOk(edit.row)) return `row ${edit.row} is not in 0..${R - 1}`;
      return targetOk(edit.target) ? null : `target ${edit.target} is not in −1..${K}`;
    case 'add':
      if (edit.logits.length !== K)
        return `an added row needs ${K} logits, not ${edit.logits.length}`;
      if (!edit.logits.every(Number.isFinite)) return 'an added logit is not a finite number';
      return targetOk(edit.target) ? null : `target ${edit.target} is not in −1..${K}`;
    case 'delete':
      if (!rowOk(edit.row)) return `row ${edit.row} is not in 0..${R - 1}`;
      return R > 1 ? null : 'the last row cannot be deleted';
    default:
      return 'unknown edit';
  }
}

/**
 * Replay `edits` in order on a copy of `base`; the base is never modified. An edit that cannot apply
 * at its turn (see editProblem) is skipped and its index listed in `skipped`. The returned arrays are
 * fresh (safe to transfer). A delete shifts the later rows up (O(R·K) per delete); adds append.
 * Features follow their rows through deletes. An added row has no features (the editor sets logits
 * and a label only), so a set with an added row has none: the result then carries no `features` and
 * `featuresDropped` says so (nothing would be honest to put in the new row).
 */
export function applyEditsReport(
  base: CandidateSet,
  edits: readonly CandidateEdit[],
): { set: CandidateSet; skipped: number[]; featuresDropped: boolean } {
  const K = base.K;
  let R = base.R;
  let logits = base.logits.slice();
  let targets = base.targets.slice();
  const d = base.features?.d ?? 0;
  let features = base.features ? base.features.values.slice() : null;
  let featuresDropped = false;
  const skipped: number[] = [];
  edits.forEach((edit, index) => {
    if (editProblem(R, K, edit) !== null) {
      skipped.push(index);
      return;
    }
    switch (edit.op) {
      case 'setLogit':
        logits[edit.row * K + edit.cls] = edit.logit;
        break;
      case 'setLabel':
        targets[edit.row] = edit.target;
        break;
      case 'add':
        if (features !== null) {
          features = null;
          featuresDropped = true;
        }
        if (R === targets.length) {
          // Grow geometrically so n adds cost O(n) amortised copies.
          const cap = Math.max(4, R * 2);
          const l = new Float64Array(cap * K);
          l.set(logits.subarray(0, R * K));
          const t = new Int32Array(cap);
          t.set(targets.subarray(0, R));
          logits = l;
          targets = t;
        }
        logits.set(edit.logits, R * K);
        targets[R] = edit.target;
        R++;
        break;
      case 'delete':
        logits.copyWithin(edit.row * K, (edit.row + 1) * K, R * K);
        targets.copyWithin(edit.row, edit.row + 1, R);
        if (features !== null) features.copyWithin(edit.row * d, (edit.row + 1) * d, R * d);
        R--;
        break;
    }
  });
  if (targets.length !== R) {
    logits = logits.slice(0, R * K);
    targets = targets.slice(0, R);
  }
  const set: CandidateSet =
    features === null
      ? { R, K, logits, targets }
      : {
          R,
          K,
          logits,
          targets,
          features: { d, values: features.length === R * d ? features : features.slice(0, R * d) },
        };
  return { set, skipped, featuresDropped };
}

/** applyEditsReport without the report: the edited copy of `base`. */
export function applyEdits(base: CandidateSet, edits: readonly CandidateEdit[]): CandidateSet {
  return applyEditsReport(base, edits).set;
}
