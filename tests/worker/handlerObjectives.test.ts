/**
 * The handler's half of a pooled load's two-part reply: handleSorted answers with BCE and FL null,
 * handleObjectives gives them for the newest result on that set, and nothing once the set is gone.
 */
import { describe, expect, it } from 'vitest';
import { generatePreset } from '../../src/data/index.ts';
import { pool, sortAscending } from '../../src/engine/index.ts';
import { FOCAL_DEFAULTS } from '../../src/engine/objectives/index.ts';
import { objectivesBlocked, shardRowsFor } from '../../src/engine/shards/index.ts';
import { prepareSorted } from '../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';
import type { ResultResponse } from '../../src/worker/protocol.ts';

const source: CandidateSource = {
  kind: 'generated',
  preset: 'imbalance-1000',
  seed: 3,
  edits: [],
};
const report = { workers: 2, mode: 'workers' as const, shards: 1, restarts: 0 };

function sortedLoad() {
  const set = generatePreset('imbalance-1000', 3);
  const pooled = pool(set.logits, set.targets, set.K);
  const sorted = { pos: sortAscending(pooled.pPos), neg: sortAscending(pooled.pNeg) };
  const prepared = prepareSorted(set, sorted, 'pending');
  const objectives = objectivesBlocked(
    set.logits,
    set.targets,
    set.K,
    FOCAL_DEFAULTS,
    shardRowsFor(set.K),
  );
  return { prepared, nPos: sorted.pos.length, nNeg: sorted.neg.length, objectives };
}

describe('handler: a pooled load answered before its BCE and FL', () => {
  it('answers as a plain load but for BCE / FL, then completes the newest result on the set', () => {
    const params = DEFAULT_APP_PARAMS;
    const plain = createEngineHandler(() => 0);
    const want = plain.handle({ type: 'load', gen: 1, source, params })!.message as ResultResponse;
    const handler = createEngineHandler(() => 0);
    const load = sortedLoad();
    const first = handler.handleSorted({ type: 'load', gen: 1, source, params }, load, 0, report)
      .message as ResultResponse;
    expect(first.explained.bce).toBeNull();
    expect(first.explained.focal).toBeNull();
    expect(first.pool).toEqual(report);
    const next = handler.handle({ type: 'evaluate', gen: 2, params })!.message as ResultResponse;
    expect(next.explained.bce).toBeNull();
    const follow = handler.handleObjectives(load.prepared, load.objectives)!.message;
    expect(follow).toEqual({ type: 'objectives', gen: 2, ...load.objectives });
    // once given, later results have them, and the DR numbers were the plain load's all along
    const filled = handler.handle({ type: 'evaluate', gen: 3, params })!.message as ResultResponse;
    expect(filled.explained.bce).toEqual(load.objectives.bce);
    expect(filled.explained.focal).toEqual(load.objectives.focal);
    expect(first.result).toEqual(want.result);
  });

  it('gives nothing for a set another load has replaced', () => {
    const handler = createEngineHandler(() => 0);
    const load = sortedLoad();
    const params = DEFAULT_APP_PARAMS;
    handler.handleSorted({ type: 'load', gen: 1, source, params }, load, 0, report);
    handler.handle({ type: 'load', gen: 2, source: { ...source, seed: 4 }, params });
    expect(handler.handleObjectives(load.prepared, load.objectives)).toBeNull();
  });
});
