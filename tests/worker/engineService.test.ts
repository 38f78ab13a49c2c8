import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { createEngineService } from '../../src/worker/engineService.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';
import { pooledPresetOf } from '../../src/worker/poolLoad.ts';
import type {
  ObjectivesResponse,
  ProgressResponse,
  ResultResponse,
} from '../../src/worker/protocol.ts';
import { inlinePoolWorker } from '../../src/worker/workerPool.ts';

const detection: CandidateSource = {
  kind: 'generated',
  preset: 'detection-scale',
  seed: 2,
  edits: [],
};

describe('which loads the pool builds', () => {
  it('the detection-scale preset without edits; small presets, edited and imported sets not', () => {
    expect(pooledPresetOf(detection)).toBe('detection-scale');
    expect(pooledPresetOf({ ...detection, preset: 'paper-default' })).toBeNull();
    expect(
      pooledPresetOf({ ...detection, edits: [{ op: 'setLabel', row: 0, target: 0 }] }),
    ).toBeNull();
    expect(
      pooledPresetOf({
        kind: 'explicit',
        name: 'x',
        base: { R: 1, K: 1, logits: new Float64Array(1), targets: new Int32Array(1) },
        edits: [],
      }),
    ).toBeNull();
  });
});

describe('the engine service at detection scale', () => {
  it('explains a set built by 1 or 2 pool workers exactly as one thread does, then evaluates on it', async () => {
    const now = () => 0;
    const plain = createEngineHandler(now);
    const params = { ...DEFAULT_APP_PARAMS, original: 'hardNegative' as const, hardK: 5000 };
    const want = plain.handle({ type: 'load', gen: 1, source: detection, params })!
      .message as ResultResponse;
    const next = { ...params, lambdaNeg: 0.05 };
    const wantNext = plain.handle({ type: 'evaluate', gen: 2, params: next })!
      .message as ResultResponse;
    for (const poolSize of [1, 2]) {
      const progress: ProgressResponse[] = [];
      const objectives: ObjectivesResponse[] = [];
      const service = createEngineService({
        createPoolWorker: inlinePoolWorker,
        defaultPoolSize: 3,
        now,
        onProgress: (p) => progress.push(p),
        onObjectives: (o) => objectives.push(o),
      });
      const reply = await service.handle({
        type: 'load',
        gen: 1,
        source: detection,
        params,
        poolSize,
      });
      const got = reply!.message as ResultResponse;
      expect(got.pool).toEqual({ workers: poolSize, mode: 'workers', shards: 8, restarts: 0 });
      // the load's progress: each of the 8 shards pooled, then the sort
      expect(progress.map((p) => `${p.gen} ${p.phase} ${p.done}/${p.total} ${p.entries}`)).toEqual([
        ...Array.from({ length: 9 }, (_, i) => `1 shards ${i}/8 8000000`),
        '1 sort 8/8 8000000',
      ]);
      // the reply comes before the pool's BCE and FL; the objectives message brings them, bit for bit
      const { pool: _, ...rest } = got;
      expect(rest.explained.bce).toBeNull();
      expect(rest.explained.focal).toBeNull();
      expect(objectives).toEqual([]);
      await service.settled;
      expect(objectives).toEqual([
        { type: 'objectives', gen: 1, bce: want.explained.bce, focal: want.explained.focal },
      ]);
      const [o] = objectives;
      expect(Object.is(o!.bce.total, want.explained.bce!.total)).toBe(true);
      expect(Object.is(o!.bce.fromNeg, want.explained.bce!.fromNeg)).toBe(true);
      expect(Object.is(o!.focal.loss, want.explained.focal!.loss)).toBe(true);
      const filled = { ...rest.explained, bce: o!.bce, focal: o!.focal };
      expect({ ...rest, explained: filled }).toEqual(want);
      expect(Object.is(got.result.loss, want.result.loss)).toBe(true);
      const after = (await service.handle({ type: 'evaluate', gen: 2, params: next }))!
        .message as ResultResponse;
      expect(after).toEqual(wantNext);
      if (poolSize === 2) {
        // a pool worker crashes between loads: the next load restarts the pool and loses nothing
        expect(await service.handle({ type: 'crash', target: 'pool' })).toBeNull();
        const again = (await service.handle({
          type: 'load',
          gen: 1,
          source: detection,
          params,
          poolSize,
        }))!.message as ResultResponse;
        expect(again.pool).toEqual({ workers: 2, mode: 'workers', shards: 8, restarts: 1 });
        const { pool: __, ...same } = again;
        await service.settled;
        const o2 = objectives[objectives.length - 1]!;
        expect({ ...same, explained: { ...same.explained, bce: o2.bce, focal: o2.focal } }).toEqual(
          want,
        );
      }
      service.dispose();
    }
  }, 60_000);
});

describe('the two-part reply of a pooled load', () => {
  it('answers an evaluate during the tail without BCE / FL, then completes the newest; a baseline waits', async () => {
    const posted: string[] = [];
    const service = createEngineService({
      createPoolWorker: inlinePoolWorker,
      defaultPoolSize: 2,
      now: () => 0,
      onObjectives: (o) => posted.push(`objectives ${o.gen} ${o.bce.total} ${o.focal.loss}`),
    });
    const params = DEFAULT_APP_PARAMS;
    const describeReply = (m: ResultResponse) =>
      `result ${m.gen} ${m.explained.bce?.total ?? 'pending'} ${m.explained.focal?.loss ?? 'pending'}`;
    const load = (await service.handle({ type: 'load', gen: 1, source: detection, params }))!;
    posted.push(describeReply(load.message as ResultResponse));
    // the next request comes during the tail (the client sends it once the result is in)
    const evaluate = (await service.handle({
      type: 'evaluate',
      gen: 2,
      params: { ...params, lambdaNeg: 0.2 },
    }))!;
    posted.push(describeReply(evaluate.message as ResultResponse));
    const baseline = (await service.handle({ type: 'baseline', gen: 3, params, source: 'main' }))!;
    posted.push(describeReply(baseline.message as ResultResponse));
    const plain = createEngineHandler(() => 0);
    const want = (
      plain.handle({ type: 'load', gen: 1, source: detection, params })!.message as ResultResponse
    ).explained;
    const values = `${want.bce!.total} ${want.focal!.loss}`;
    expect(posted).toEqual([
      'result 1 pending pending',
      'result 2 pending pending',
      `objectives 2 ${values}`,
      `result 3 ${values}`,
    ]);
    // a later evaluate has them from the cache
    const later = (await service.handle({ type: 'evaluate', gen: 4, params }))!;
    expect(describeReply(later.message as ResultResponse)).toBe(`result 4 ${values}`);
    service.dispose();
  }, 60_000);
});

describe('warming the engine service', () => {
  it('starts the pool of the default size once, before any detection-scale load', () => {
    let started = 0;
    const service = createEngineService({
      createPoolWorker: () => (started++, inlinePoolWorker()),
      defaultPoolSize: 3,
    });
    expect(started).toBe(0);
    service.warm();
    expect(started).toBe(3);
    service.warm();
    expect(started).toBe(3);
    service.dispose();
  });

  it('a warm request (what the page sends when idle) starts it, and answers nothing', async () => {
    let started = 0;
    const service = createEngineService({
      createPoolWorker: () => (started++, inlinePoolWorker()),
      defaultPoolSize: 2,
    });
    expect(await service.handle({ type: 'warm' })).toBeNull();
    expect(started).toBe(2);
    expect(await service.handle({ type: 'warm' })).toBeNull();
    expect(started).toBe(2);
    service.dispose();
  });
});
