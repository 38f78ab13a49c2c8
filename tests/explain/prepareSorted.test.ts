import { describe, expect, it } from 'vitest';
import { generatePreset } from '../../src/data/index.ts';
import { pool, sortAscending } from '../../src/engine/index.ts';
import { objectivesBlocked, SHARD_ENTRIES } from '../../src/engine/shards/index.ts';
import { FOCAL_DEFAULTS } from '../../src/engine/objectives/index.ts';
import { explain, explainPrepared, prepareSorted } from '../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { CandidateSet } from '../../src/data/types.ts';

const P = { ...DEFAULT_APP_PARAMS };

describe('prepareSorted (a set pooled and sorted by a pool of workers)', () => {
  it('explains exactly as prepare does, with or without the blocked objectives given', () => {
    const set = generatePreset('imbalance-1000', 3);
    const pooled = pool(set.logits, set.targets, set.K);
    const sorted = { pos: sortAscending(pooled.pPos), neg: sortAscending(pooled.pNeg) };
    const objectives = objectivesBlocked(set.logits, set.targets, set.K, FOCAL_DEFAULTS, 100);
    for (const lean of [{ detailLimit: 0 }, {}]) {
      const want = explain(set, P, lean);
      expect(explainPrepared(prepareSorted(set, sorted), P, lean)).toEqual(want);
    }
    // objectives given in other blocks than explain's are used as given (the pool's own blocks)
    const got = explainPrepared(prepareSorted(set, sorted, objectives), P, { detailLimit: 0 });
    expect(got.bce).toEqual(objectives.bce);
    // the pooled arrays are computed on first read, equal to pool's
    const prep = prepareSorted(set, sorted);
    expect(prep.pooled).toEqual(pooled);
  });
});

describe('BCE and FL totals of a set padded with ignored rows beyond one block', () => {
  it('are the same with and without per-entry detail', () => {
    const R = SHARD_ENTRIES + 1000;
    const targets = new Int32Array(R).fill(-1);
    const logits = new Float64Array(R);
    // 19,000 entries in the first block and 900 in the second, with logits of many magnitudes,
    // so that one sum of all and the sum of the two blocks' sums round differently
    let x = 7;
    const next = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 16 - 8;
    const rows = [
      ...Array.from({ length: 19_000 }, (_, i) => i * 50),
      ...Array.from({ length: 900 }, (_, i) => SHARD_ENTRIES + i),
    ];
    rows.forEach((r, i) => {
      targets[r] = i % 97 === 0 ? 1 : 0;
      logits[r] = next() * Math.exp(next() / 2);
    });
    const set: CandidateSet = { R, K: 1, logits, targets };
    const full = explain(set, P);
    const lean = explain(set, P, { detailLimit: 0 });
    expect(full.detail).not.toBeNull();
    expect(full.bce).toEqual(lean.bce);
    expect(full.focal).toEqual(lean.focal);
  });
});
