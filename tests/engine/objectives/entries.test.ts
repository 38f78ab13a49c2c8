import { describe, expect, it } from 'vitest';
import { entryLabel } from '../../../src/engine/objectives/entries.ts';

describe('entry semantics of the per-entry objectives', () => {
  it('labels (r, c) positive iff target = c+1, negative for other targets ≥ 0, ignored below 0', () => {
    expect([0, 1, 2].map((c) => entryLabel(2, c))).toEqual([0, 1, 0]);
    expect([0, 1, 2].map((c) => entryLabel(0, c))).toEqual([0, 0, 0]);
    expect([0, 1, 2].map((c) => entryLabel(-1, c))).toEqual([-1, -1, -1]);
  });
});
