import { describe, expect, it } from 'vitest';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { createEngineService } from '../../src/worker/engineService.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';
import { pooledPresetOf } from '../../src/worker/poolLoad.ts';
import type { ProgressResponse, ResultResponse } from '../../src/worker/protocol.ts';
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
      const service = createEngineService({
        createPoolWorker: inlinePoolWorker,
        defaultPoolSize: 3,
        now,
        onProgress: (p) => progress.push(p),
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
      const { pool: _, ...rest } = got;
      expect(rest).toEqual(want);
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
        expect(same).toEqual(want);
      }
      service.dispose();
    }
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
