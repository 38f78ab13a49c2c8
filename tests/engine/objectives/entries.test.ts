import { describe, expect, it } from 'vitest';
import { checkProblem, entryLabel } from '../../../src/engine/objectives/entries.ts';

describe('entry semantics of the per-entry objectives', () => {
  it('labels (r, c) positive iff target = c+1, negative for other targets ≥ 0, ignored below 0', () => {
    expect([0, 1, 2].map((c) => entryLabel(2, c))).toEqual([0, 1, 0]);
    expect([0, 1, 2].map((c) => entryLabel(0, c))).toEqual([0, 0, 0]);
    expect([0, 1, 2].map((c) => entryLabel(-1, c))).toEqual([-1, -1, -1]);
  });

  it('rejects what pool() rejects: bad K, logits not R·K, a target above K or not an integer', () => {
    const ok = new Float64Array(4);
    expect(() => checkProblem(ok, Int32Array.of(1, 0), 2)).not.toThrow();
    expect(() => checkProblem(ok, Int32Array.of(1, 0), 0)).toThrow(RangeError);
    expect(() => checkProblem(ok, Int32Array.of(1, 0, 0), 2)).toThrow(RangeError);
    expect(() => checkProblem(ok, Int32Array.of(3, 0), 2)).toThrow(RangeError);
    expect(() => checkProblem(ok, [0.5, 0], 2)).toThrow(RangeError);
    expect(() => checkProblem(ok, Int32Array.of(1, 0), 2, new Float64Array(3))).toThrow(RangeError);
  });
});
