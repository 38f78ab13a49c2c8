import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import { generatePreset } from '../../src/data/index.ts';
import { trainRuns } from '../../src/train/index.ts';
import {
  createTrainClient,
  seriesValue,
  type TrainWorkerLike,
} from '../../src/worker/trainClient.ts';
import { createTrainHandler } from '../../src/worker/trainHandler.ts';
import {
  SCORE_BINS,
  SERIES_FIELDS,
  type TrainReply,
  type TrainRequest,
} from '../../src/worker/trainProtocol.ts';
import {
  DEFAULT_TRAIN_SETUP,
  trainDataOf,
  trainSpecOf,
  type TrainSetup,
} from '../../src/worker/trainSetup.ts';

const small: TrainSetup = { ...DEFAULT_TRAIN_SETUP, anchors: 600, imbalance: 20, steps: 12 };

function run(setup: TrainSetup, budgetMs = 0) {
  const replies: TrainReply[] = [];
  const h = createTrainHandler((r) => replies.push(r), { budgetMs });
  h.handle({ type: 'start', gen: 1, setup, params: DEFAULT_PARAMS, source: null });
  let chunks = 0;
  while (h.work()) chunks++;
  return { h, replies, chunks };
}

describe('train handler', () => {
  it('posts every step of every run, equal bit for bit to trainRuns on the same spec', () => {
    const { replies } = run(small);
    const started = replies[0];
    expect(started.type).toBe('started');
    const progress = replies.filter((r) => r.type === 'progress');
    expect(progress.at(-1)!.to).toBe(small.steps + 1);
    const expected = trainRuns(trainSpecOf(small, DEFAULT_PARAMS, trainDataOf(small, null).data));
    const W = SERIES_FIELDS.length;
    for (const p of progress) {
      ['dr', 'focal', 'bce'].forEach((name, i) => {
        const e = expected.runs[name as 'dr']!;
        for (let s = p.from; s < p.to; s++) {
          const row = p.series[i].subarray((s - p.from) * W, (s - p.from + 1) * W);
          expect(Object.is(row[0], e.loss[s])).toBe(true);
          expect(Object.is(row[1], e.ap[s])).toBe(true);
          expect(Object.is(row[2], e.auc[s])).toBe(true);
          expect(Object.is(row[5], e.recall[0][s])).toBe(true);
          expect(Object.is(row[6], e.recall[1][s])).toBe(true);
        }
      });
    }
  });

  it('records score histograms whose shares sum to 1 per class', () => {
    const { replies } = run(small);
    const p = replies.find((r) => r.type === 'progress')!;
    const h = p.hist[0];
    let pos = 0;
    let neg = 0;
    for (let b = 0; b < SCORE_BINS; b++) {
      pos += h[b];
      neg += h[SCORE_BINS + b];
    }
    expect(pos).toBeCloseTo(1, 5);
    expect(neg).toBeCloseTo(1, 5);
  });

  it('gives each run its score field at a recorded step (DR at step 0 is its prior everywhere)', () => {
    const { h, replies } = run(small);
    h.handle({ type: 'field', gen: 1, step: 0, size: 8 });
    const f = replies.at(-1)!;
    expect(f.type).toBe('field');
    if (f.type !== 'field') return;
    expect(f.fields).toHaveLength(3);
    for (const v of f.fields[0]) expect(v).toBeCloseTo(small.priorDr, 6);
    for (const v of f.fields[2]) expect(v).toBeCloseTo(small.priorBce, 6);
    h.handle({ type: 'field', gen: 1, step: small.steps, size: 8 });
    const last = replies.at(-1)!;
    if (last.type !== 'field') throw new Error('no field');
    const dr = Array.from(last.fields[0]);
    expect(Math.max(...dr) - Math.min(...dr)).toBeGreaterThan(0.01);
  });

  it('trains the free model on a candidate set', () => {
    const source = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] } as const;
    const set = generatePreset('paper-default', 1);
    const replies: TrainReply[] = [];
    const h = createTrainHandler((r) => replies.push(r), { budgetMs: 0 });
    h.handle({
      type: 'start',
      gen: 3,
      setup: { ...small, model: 'free' },
      params: DEFAULT_PARAMS,
      source,
    });
    while (h.work());
    const started = replies[0];
    if (started.type !== 'started') throw new Error(started.type);
    expect(started.info.R).toBe(set.R);
    expect(started.anchors).toBeNull();
    expect(replies.filter((r) => r.type === 'progress').at(-1)!.to).toBe(small.steps + 1);
  });

  it('refuses the free model on a set beyond MAX_FREE_ENTRIES, naming the model', () => {
    const replies: TrainReply[] = [];
    const h = createTrainHandler((r) => replies.push(r), { budgetMs: 0 });
    const source = { kind: 'generated', preset: 'detection-scale', seed: 1, edits: [] } as const;
    h.handle({
      type: 'start',
      gen: 1,
      setup: { ...small, model: 'free' },
      params: DEFAULT_PARAMS,
      source,
    });
    expect(replies[0]).toMatchObject({ type: 'error', gen: 1 });
    if (replies[0].type === 'error') expect(replies[0].message).toMatch(/^model: the free model/);
  });

  it('answers a bad start with an error and keeps serving', () => {
    const replies: TrainReply[] = [];
    const h = createTrainHandler((r) => replies.push(r), { budgetMs: 0 });
    h.handle({
      type: 'start',
      gen: 1,
      setup: { ...small, model: 'free' },
      params: DEFAULT_PARAMS,
      source: null,
    });
    expect(replies[0]).toMatchObject({ type: 'error', gen: 1 });
    expect(h.work()).toBe(false);
  });
});

/** A worker whose replies arrive when `flush` runs the handler to the end. */
function fakeWorker() {
  const queue: TrainRequest[] = [];
  const w: TrainWorkerLike & { flush(): void; crash(): void } = {
    onmessage: null,
    onerror: null,
    postMessage: (m) => queue.push(m),
    terminate() {},
    flush() {
      while (queue.length) {
        handler.handle(queue.shift()!);
        while (handler.work());
      }
    },
    crash() {
      w.onerror?.({ message: 'boom' });
    },
  };
  const handler = createTrainHandler((r) => w.onmessage?.({ data: r }), { budgetMs: 0 });
  return w;
}

describe('train client', () => {
  it('fills the record as progress arrives and drops replies of an older start', () => {
    const w = fakeWorker();
    const client = createTrainClient({ createWorker: () => w });
    client.start(small, DEFAULT_PARAMS, null);
    client.start({ ...small, steps: 5 }, DEFAULT_PARAMS, null);
    w.flush();
    const rec = client.record()!;
    expect(rec.gen).toBe(2);
    expect(rec.computed).toBe(6);
    expect(Number.isFinite(seriesValue(rec, 0, 5, 'ap'))).toBe(true);
    expect(seriesValue(rec, 0, 6, 'ap')).toBeNaN();
  });

  it('after a crash, restarts the same training on the main thread with the same numbers', async () => {
    const w = fakeWorker();
    const client = createTrainClient({ createWorker: () => w });
    client.start(small, DEFAULT_PARAMS, null);
    w.flush();
    const before = Array.from(client.record()!.series[0]);
    w.crash();
    expect(client.mode()).toBe('fallback');
    await new Promise<void>((resolve) => {
      const stop = client.subscribe(() => {
        if (client.record()?.computed === small.steps + 1) {
          stop();
          resolve();
        }
      });
    });
    const after = Array.from(client.record()!.series[0]);
    expect(after.every((v, i) => Object.is(v, before[i]))).toBe(true);
    client.dispose();
  });
});
