import { describe, expect, it } from 'vitest';
import { generatePreset } from '../../src/data/index.ts';
import { presetShardLogits, presetShardPlan } from '../../src/data/presetShards.ts';
import { Rng } from '../../src/data/rng.ts';
import { shardRanges, shardRowsFor } from '../../src/engine/shards/index.ts';

/** Every block of the plan, concatenated: must be the preset bit for bit. */
function assembled(id: 'paper-default' | 'detection-scale', seed: number, rows: number) {
  const plan = presetShardPlan(id, seed, rows);
  const logits = new Float64Array(plan.R * plan.K);
  shardRanges(plan.R, rows).forEach(({ start }, s) =>
    logits.set(presetShardLogits(plan, s), start * plan.K),
  );
  return { plan, logits };
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint32Array(a.buffer, a.byteOffset, 2 * a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, 2 * b.length);
  return x.every((v, i) => v === y[i]);
}

describe('Rng.skipNormals', () => {
  it('leaves the stream where fillNormal over as many entries leaves it, odd counts included', () => {
    for (const [first, count] of [
      [0, 1],
      [0, 2],
      [1, 5],
      [3, 4],
      [7, 1000],
    ]) {
      const a = new Rng(42);
      const b = new Rng(42);
      a.fillNormal(new Float64Array(first), 0, first, 0, 1);
      b.fillNormal(new Float64Array(first), 0, first, 0, 1);
      a.fillNormal(new Float64Array(count), 0, count, 0, 1);
      b.skipNormals(count);
      expect(b.snapshot()).toEqual(a.snapshot());
      const next = (r: Rng) => [r.normal(), r.normal(), r.normal()];
      expect(next(b)).toEqual(next(a));
    }
  });
});

describe('Gaussian presets built in blocks', () => {
  it('paper-default: the same bits as generatePreset for blocks of 1, 7, 64 and 300 rows', () => {
    const set = generatePreset('paper-default', 9);
    for (const rows of [1, 7, 64, 300]) {
      const { plan, logits } = assembled('paper-default', 9, rows);
      expect(sameBits(logits, set.logits), `rows ${rows}`).toBe(true);
      expect(plan.targets).toEqual(set.targets);
    }
  });

  it('detection-scale: the same bits as generatePreset in the pool’s blocks', () => {
    const set = generatePreset('detection-scale', 1);
    const { plan, logits } = assembled('detection-scale', 1, shardRowsFor(set.K));
    expect(sameBits(logits, set.logits)).toBe(true);
    expect(plan.targets).toEqual(set.targets);
    expect(plan.starts.length).toBe(8);
  });

  it('refuses a block outside the plan', () => {
    const plan = presetShardPlan('paper-default', 1, 100);
    expect(() => presetShardLogits(plan, 3)).toThrow(RangeError);
  });
});
