/**
 * The training pool (src/worker/trainPool.ts) with workers run in this thread: the training worker's
 * replies, when a pool of 1, 2 or 3 workers steps the runs, are the ones it posts when it steps them
 * itself, to the last bit (series, histograms, divergences, heat-map fields); a crashed pool worker
 * restarts the pool with a notice and the same numbers; crashes in a row leave the pool in one thread,
 * still with the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import { t } from '../../src/i18n/strings.ts';
import { translateTrainNotice } from '../../src/i18n/trainMessages.ts';
import { createTrainHandler, type TrainHandler } from '../../src/worker/trainHandler.ts';
import { createTrainPool, inlineTrainPoolWorker } from '../../src/worker/trainPool.ts';
import {
  SCORE_BINS,
  type TrainPoolReport,
  SERIES_FIELDS,
  type TrainReply,
  type TrainStartRequest,
} from '../../src/worker/trainProtocol.ts';
import { DEFAULT_TRAIN_SETUP, type TrainSetup } from '../../src/worker/trainSetup.ts';

const W = SERIES_FIELDS.length;
const small: TrainSetup = { ...DEFAULT_TRAIN_SETUP, anchors: 600, imbalance: 20, steps: 12 };
const FIELD_STEPS = [0, 5, 12];

/** Everything a training posted, put together: per run its series and histograms, and the rest. */
interface Outcome {
  series: Float64Array[];
  hist: Float32Array[];
  diverged: (string | null)[][];
  fields: Float32Array[][];
  notices: string[];
  pools: TrainPoolReport[];
  /** Each progress reply's milliseconds. */
  ms: number[];
}

function startOf(setup: TrainSetup, source: TrainStartRequest['source'] = null): TrainStartRequest {
  return { type: 'start', gen: 1, setup, params: DEFAULT_PARAMS, source };
}

/** Collects the replies into an Outcome (fields asked for once every step is in). */
function collector(S: number) {
  const n = S + 1;
  const out: Outcome = {
    series: [0, 1, 2].map(() => new Float64Array(n * W).fill(NaN)),
    hist: [0, 1, 2].map(() => new Float32Array(n * 2 * SCORE_BINS)),
    diverged: [],
    fields: [],
    notices: [],
    pools: [],
    ms: [],
  };
  let done = false;
  const post = (r: TrainReply) => {
    if (r.type === 'progress') {
      r.series.forEach((s, i) => out.series[i].set(s, r.from * W));
      r.hist.forEach((h, i) => out.hist[i].set(h, r.from * 2 * SCORE_BINS));
      out.diverged.push([...r.diverged]);
      if (r.pool) out.pools.push(r.pool);
      out.ms.push(r.ms);
      if (r.to === n) done = true;
    } else if (r.type === 'field') out.fields.push([...r.fields]);
    else if (r.type === 'notice') out.notices.push(r.text);
    else if (r.type === 'error') throw new Error(r.message);
  };
  return { out, post, done: () => done };
}

/** The training worker stepping the runs itself. */
function alone(start: TrainStartRequest): Outcome {
  const c = collector(start.setup.steps);
  const h = createTrainHandler(c.post, { budgetMs: 0 });
  h.handle(start);
  while (h.work());
  for (const step of FIELD_STEPS) h.handle({ type: 'field', gen: 1, step, size: 6 });
  return c.out;
}

/** The pool's notices in Chinese: no English word left but the crash's cause (in brackets). */
function expectTranslated(notices: readonly string[]): void {
  const zh = t('zh');
  for (const notice of notices) {
    const cause = /^(.*?)(?: \(\d+ times in a row\)|; the training pool)/s.exec(notice)![1];
    const text = translateTrainNotice(notice, zh, false);
    expect(text).toContain(`（${cause}）`);
    expect(text.replace(`（${cause}）`, '').match(/[A-Za-z]{2,}/g)).toBeNull();
    expect(translateTrainNotice(notice, t('en'), true)).toBe(notice);
  }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100_000 && !check(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!check()) throw new Error('the pool did not finish');
}

/** The training worker with a pool of `size` workers (in this thread, one step per chunk). */
async function pooled(
  start: TrainStartRequest,
  size: number,
  during?: (h: TrainHandler, c: ReturnType<typeof collector>) => void,
  maxRestarts?: number,
): Promise<Outcome> {
  const c = collector(start.setup.steps);
  const h = createTrainHandler(c.post, {
    poolSize: size,
    createPool: (n, onNotice) =>
      createTrainPool({
        size: n,
        onNotice,
        ...(maxRestarts === undefined ? {} : { maxRestarts }),
        inlineBudgetMs: 0,
        createWorker: () => inlineTrainPoolWorker(0),
      }),
  });
  h.handle(start);
  expect(h.work()).toBe(false);
  during?.(h, c);
  await until(c.done);
  for (const step of FIELD_STEPS) h.handle({ type: 'field', gen: 1, step, size: 6 });
  h.handle({ type: 'stop' });
  return c.out;
}

function expectSameBits(a: ArrayLike<number>, b: ArrayLike<number>): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) throw new Error(`entry ${i}: ${a[i]} ≠ ${b[i]}`);
  }
}

function expectSameOutcome(got: Outcome, want: Outcome): void {
  for (let i = 0; i < 3; i++) {
    expectSameBits(got.series[i], want.series[i]);
    expectSameBits(got.hist[i], want.hist[i]);
  }
  expect(got.diverged.at(-1)).toEqual(want.diverged.at(-1));
  expect(got.fields).toHaveLength(want.fields.length);
  got.fields.forEach((f, k) => f.forEach((x, i) => expectSameBits(x, want.fields[k][i])));
}

const setups: [string, TrainStartRequest][] = [
  ['linear head, Adam', startOf(small)],
  ['mlp head, SGD, 2 classes', startOf({ ...small, model: 'mlp', optimizer: 'sgd', classes: 2 })],
  [
    'free model on a preset',
    startOf(
      { ...small, model: 'free' },
      { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] },
    ),
  ],
  ['a diverging focal run', startOf({ ...small, optimizer: 'sgd', lrFocal: 1e308 })],
];

describe('training pool', () => {
  it.each(setups)(
    '%s: pools of 1, 2 and 3 workers post what one thread posts',
    async (_, start) => {
      const want = alone(start);
      for (const size of [1, 2, 3]) {
        const got = await pooled(start, size);
        expectSameOutcome(got, want);
        expect(got.pools.at(-1)).toEqual({ workers: size, mode: 'workers', restarts: 0 });
        expect(got.notices).toEqual([]);
        expect(got.ms.every((ms) => Number.isFinite(ms) && ms >= 0)).toBe(true);
      }
    },
  );

  it('the diverging setup does diverge (so the comparison above covers a divergence)', () => {
    const want = alone(setups[3][1]);
    expect(want.diverged.at(-1)![1]).toMatch(/not finite at step \d+/);
  });

  it('a crashed worker restarts the pool: a notice, one restart, the same numbers', async () => {
    const start = startOf(small);
    const want = alone(start);
    let crashed = false;
    const got = await pooled(start, 2, (h, c) => {
      const timer = setInterval(() => {
        // mid-training: some steps are in, not all
        if (c.out.diverged.length >= 2 && !crashed) {
          crashed = true;
          h.handle({ type: 'crashPool', index: 1 });
          clearInterval(timer);
        }
      }, 0);
    });
    expect(crashed).toBe(true);
    expectSameOutcome(got, want);
    expect(got.pools.at(-1)).toEqual({ workers: 2, mode: 'workers', restarts: 1 });
    expect(got.notices).toHaveLength(1);
    expect(got.notices[0]).toMatch(/crash requested.*the training pool was restarted/);
    expectTranslated(got.notices);
  });

  it('crashes in a row leave the pool in one thread, with the same numbers', async () => {
    const start = startOf(small);
    const want = alone(start);
    let crashes = 0;
    const got = await pooled(
      start,
      2,
      (h) => {
        const timer = setInterval(() => {
          h.handle({ type: 'crashPool', index: 0 });
          if (++crashes === 3) clearInterval(timer);
        }, 0);
      },
      1,
    );
    expectSameOutcome(got, want);
    expect(got.pools.at(-1)).toMatchObject({ workers: 1, mode: 'inline' });
    expect(got.notices.some((n) => /times in a row\); training in one thread/.test(n))).toBe(true);
    expectTranslated(got.notices);
  });
});
