import { describe, expect, it } from 'vitest';
import { materialize, sourceEntries } from '../../src/data/materialize.ts';
import { generatePreset } from '../../src/data/presets.ts';
import type { CandidateSet } from '../../src/data/types.ts';

const base: CandidateSet = {
  R: 2,
  K: 1,
  logits: Float64Array.of(0.5, -1),
  targets: Int32Array.of(1, 0),
};

describe('materialize', () => {
  it('builds a generated source as its preset at that seed', () => {
    const set = materialize({ kind: 'generated', preset: 'hard-negatives', seed: 4, edits: [] });
    expect(set).toEqual(generatePreset('hard-negatives', 4));
  });

  it('replays the edits on a generated preset', () => {
    const set = materialize({
      kind: 'generated',
      preset: 'no-positives',
      seed: 1,
      edits: [{ op: 'setLabel', row: 0, target: 1 }],
    });
    expect(set.targets[0]).toBe(1);
    expect(set.logits).toEqual(generatePreset('no-positives', 1).logits);
  });

  it('never aliases an explicit base, so transferring the result leaves the base intact', () => {
    const set = materialize({ kind: 'explicit', name: 'x', base, edits: [] });
    expect(set).toEqual(base);
    set.logits[0] = 42;
    expect(base.logits[0]).toBe(0.5);
  });
});

describe('sourceEntries', () => {
  it('is R·K from the preset table without generating, plus added rows', () => {
    expect(
      sourceEntries({ kind: 'generated', preset: 'detection-scale', seed: 1, edits: [] }),
    ).toBe(8_000_000);
    expect(
      sourceEntries({
        kind: 'explicit',
        name: 'x',
        base,
        edits: [{ op: 'add', logits: [1], target: 0 }],
      }),
    ).toBe(3);
  });
});
