import { describe, expect, it } from 'vitest';
import {
  candidateEditOf,
  LOGIT_LIMIT,
  logitGesture,
  nextTarget,
  parseCell,
  withEdit,
} from '../../src/state/candidateEdits.ts';
import type { CandidateSet, CandidateSource } from '../../src/data/types.ts';

const set: CandidateSet = {
  R: 3,
  K: 2,
  logits: Float64Array.of(0, 1, 2, 3, 4, 5),
  targets: Int32Array.of(0, 2, -1),
};
const source: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };

describe('label cycle', () => {
  it('runs background → class 1 → … → class K → ignored → background', () => {
    const seen = [0];
    for (let i = 0; i < 4; i++) seen.push(nextTarget(seen[seen.length - 1], 2));
    expect(seen).toEqual([0, 1, 2, -1, 0]);
  });

  it('a one-class set cycles background → positive → ignored → background', () => {
    expect([nextTarget(0, 1), nextTarget(1, 1), nextTarget(-1, 1)]).toEqual([1, -1, 0]);
  });
});

describe('panel edits to candidate edits', () => {
  it('cycleLabel becomes setLabel with the next target of the row as it is now', () => {
    expect(candidateEditOf({ kind: 'cycleLabel', row: 1 }, set)).toEqual({
      ok: true,
      edit: { op: 'setLabel', row: 1, target: -1 },
    });
    expect(candidateEditOf({ kind: 'cycleLabel', row: 2 }, set)).toEqual({
      ok: true,
      edit: { op: 'setLabel', row: 2, target: 0 },
    });
  });

  it('setLogit and delete pass through; rows outside the set are refused with the reason', () => {
    expect(candidateEditOf({ kind: 'setLogit', row: 2, cls: 1, logit: -1.5 }, set)).toEqual({
      ok: true,
      edit: { op: 'setLogit', row: 2, cls: 1, logit: -1.5 },
    });
    expect(candidateEditOf({ kind: 'delete', row: 0 }, set).ok).toBe(true);
    expect(candidateEditOf({ kind: 'cycleLabel', row: 3 }, set)).toEqual({
      ok: false,
      error: 'row 3 is not in 0..2',
    });
    expect(candidateEditOf({ kind: 'setLogit', row: 0, cls: 2, logit: 0 }, set).ok).toBe(false);
  });

  it('the last row cannot be deleted', () => {
    const one: CandidateSet = { R: 1, K: 1, logits: Float64Array.of(0), targets: Int32Array.of(1) };
    expect(candidateEditOf({ kind: 'delete', row: 0 }, one)).toEqual({
      ok: false,
      error: 'the last row cannot be deleted',
    });
  });
});

describe('appending edits', () => {
  const a = { op: 'setLogit', row: 1, cls: 0, logit: 1 } as const;
  const b = { op: 'setLogit', row: 1, cls: 0, logit: 2 } as const;

  it('a coalesced setLogit of the same entry replaces the last edit (one drag, one edit)', () => {
    const once = withEdit(source, a, true);
    expect(withEdit(once, b, true).edits).toEqual([b]);
  });

  it('without coalescing, or on another entry, edits append', () => {
    const once = withEdit(source, a, false);
    expect(withEdit(once, b, false).edits).toEqual([a, b]);
    const other = { ...b, cls: 1 };
    expect(withEdit(once, other, true).edits).toEqual([a, other]);
    expect(source.edits).toEqual([]); // sources are immutable
  });

  it('each entry has its own gesture tag', () => {
    expect(logitGesture(1, 0)).not.toBe(logitGesture(0, 1));
  });
});

describe('typed cells', () => {
  it('a logit cell takes any number in [−LOGIT_LIMIT, LOGIT_LIMIT]', () => {
    expect(parseCell(' -2.5 ', 'logit')).toEqual({ ok: true, logit: -2.5 });
    expect(parseCell(String(LOGIT_LIMIT), 'logit').ok).toBe(true);
    expect(parseCell(String(LOGIT_LIMIT + 1), 'logit')).toEqual({
      ok: false,
      error: '1001 is outside [−1000, 1000]',
    });
  });

  it('a score cell takes p strictly inside (0, 1) and gives logit(p)', () => {
    const r = parseCell('0.25', 'score');
    expect(r.ok && Math.abs(r.logit - Math.log(1 / 3))).toBeLessThan(1e-15);
    expect(parseCell('1', 'score').ok).toBe(false);
    expect(parseCell('0', 'score').ok).toBe(false);
  });

  it('empty, NaN and malformed text are errors, never 0 or NaN', () => {
    expect(parseCell('', 'logit')).toEqual({ ok: false, error: 'empty' });
    expect(parseCell('NaN', 'logit')).toEqual({ ok: false, error: '"NaN" is not a number' });
    expect(parseCell('1e', 'score')).toEqual({ ok: false, error: '"1e" is not a number' });
    expect(parseCell('Infinity', 'logit').ok).toBe(false);
  });
});
