import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, applyEditsReport, editProblem } from '../../src/data/edits.ts';
import type { CandidateEdit, CandidateSet } from '../../src/data/types.ts';

const base: CandidateSet = {
  R: 3,
  K: 2,
  logits: Float64Array.from([1, 2, 3, 4, 5, 6]),
  targets: Int32Array.from([0, 1, -1]),
};

/** The obvious implementation over nested arrays, to compare against. */
function reference(set: CandidateSet, edits: readonly CandidateEdit[]) {
  const rows: number[][] = [];
  for (let r = 0; r < set.R; r++)
    rows.push(Array.from(set.logits.subarray(r * set.K, (r + 1) * set.K)));
  const targets = Array.from(set.targets);
  for (const e of edits) {
    if (editProblem(rows.length, set.K, e) !== null) continue;
    if (e.op === 'setLogit') rows[e.row][e.cls] = e.logit;
    else if (e.op === 'setLabel') targets[e.row] = e.target;
    else if (e.op === 'add') {
      rows.push([...e.logits]);
      targets.push(e.target);
    } else {
      rows.splice(e.row, 1);
      targets.splice(e.row, 1);
    }
  }
  return {
    R: rows.length,
    K: set.K,
    logits: Float64Array.from(rows.flat()),
    targets: Int32Array.from(targets),
  };
}

const editArb = (K: number): fc.Arbitrary<CandidateEdit> =>
  fc.oneof(
    fc.record({
      op: fc.constant('setLogit' as const),
      row: fc.integer({ min: -1, max: 8 }),
      cls: fc.integer({ min: -1, max: K }),
      logit: fc.double(),
    }),
    fc.record({
      op: fc.constant('setLabel' as const),
      row: fc.integer({ min: -1, max: 8 }),
      target: fc.integer({ min: -2, max: K + 1 }),
    }),
    fc.record({
      op: fc.constant('add' as const),
      logits: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
        minLength: K,
        maxLength: K + 1,
      }),
      target: fc.integer({ min: -1, max: K }),
    }),
    fc.record({ op: fc.constant('delete' as const), row: fc.integer({ min: -1, max: 8 }) }),
  );

describe('applyEdits', () => {
  it('sets a logit, a label, adds and deletes rows in order', () => {
    const out = applyEdits(base, [
      { op: 'setLogit', row: 0, cls: 1, logit: -7.25 },
      { op: 'setLabel', row: 2, target: 2 },
      { op: 'add', logits: [9, 10], target: 1 },
      { op: 'delete', row: 1 },
    ]);
    expect(out.R).toBe(3);
    expect(Array.from(out.logits)).toEqual([1, -7.25, 5, 6, 9, 10]);
    expect(Array.from(out.targets)).toEqual([0, 2, 1]);
  });

  it('never modifies the base and returns fresh buffers', () => {
    const out = applyEdits(base, []);
    expect(out.logits.buffer).not.toBe(base.logits.buffer);
    expect(out.targets.buffer).not.toBe(base.targets.buffer);
    applyEdits(base, [{ op: 'setLogit', row: 0, cls: 0, logit: 99 }]);
    expect(Array.from(base.logits)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('skips edits that cannot apply and reports their indices', () => {
    const { set, skipped } = applyEditsReport(base, [
      { op: 'setLogit', row: 3, cls: 0, logit: 1 },
      { op: 'setLogit', row: 0, cls: 0, logit: NaN },
      { op: 'setLabel', row: 0, target: 3 },
      { op: 'add', logits: [1], target: 0 },
      { op: 'delete', row: 0 },
    ]);
    expect(skipped).toEqual([0, 1, 2, 3]);
    expect(set.R).toBe(2);
  });

  it('refuses to delete the last row', () => {
    const one: CandidateSet = { R: 1, K: 1, logits: Float64Array.of(0), targets: Int32Array.of(1) };
    expect(applyEditsReport(one, [{ op: 'delete', row: 0 }]).skipped).toEqual([0]);
  });

  it('matches a nested-array reference on any sequence of edits, valid or not', () => {
    fc.assert(
      fc.property(fc.array(editArb(2), { maxLength: 40 }), (edits) => {
        const got = applyEdits(base, edits);
        const want = reference(base, edits);
        expect(got.R).toBe(want.R);
        expect(got.targets).toEqual(want.targets);
        expect(got.logits).toEqual(want.logits);
        expect(got.logits.length).toBe(got.R * got.K);
      }),
      { seed: 13, numRuns: 500 },
    );
  });
});

describe('editProblem', () => {
  it('names the row, class or target that is out of range', () => {
    expect(editProblem(3, 2, { op: 'setLogit', row: 5, cls: 0, logit: 0 })).toContain('row 5');
    expect(editProblem(3, 2, { op: 'setLogit', row: 0, cls: 2, logit: 0 })).toContain('class 2');
    expect(editProblem(3, 2, { op: 'setLabel', row: 0, target: -2 })).toContain('target -2');
    expect(editProblem(3, 2, { op: 'setLabel', row: 0, target: 2 })).toBeNull();
  });
});
