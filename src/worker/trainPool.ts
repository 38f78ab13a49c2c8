/**
 * The training worker's pool: the runs of a training (DR, focal, BCE: independent, each a pure
 * function of the start) spread over workers, run i on worker i mod size (engine/shards'
 * workerOfShard, as the engine pool spreads shards), each worker stepping its runs on its own and
 * posting their rows chunk by chunk. The pool puts the runs' rows side by side and hands on the steps
 * every run has reached, in step order; each number is computed by the same code from the same start
 * as when one thread steps all three, so it is the same to the last bit for any size.
 *
 * Sized and started like the engine's pool (workerPool.ts: defaultPoolSize, PoolWorkerLike, a pool
 * run in this thread when workers cannot start). A crash of a worker restarts the whole pool; each new
 * worker is sent the training again with the first step its runs still owe, computes the earlier steps
 * again without posting them and carries on: the same numbers, nothing lost but the time. After
 * `maxRestarts` crashes in a row the pool runs in this thread instead.
 */
import { workerOfShard } from '../engine/shards/index.ts';
import { RUN_NAMES, type RunName } from '../train/types.ts';
import { createTrainPoolHandler } from './trainPoolHandler.ts';
import type { TrainPoolReply, TrainPoolRequest, TrainPoolRunRows } from './trainPoolProtocol.ts';
import { SCORE_BINS, type TrainPoolReport } from './trainProtocol.ts';
import { W } from './trainRows.ts';
import type { PoolWorkerLike } from './workerPool.ts';

export type TrainPoolWorkerLike = PoolWorkerLike<TrainPoolRequest, TrainPoolReply>;

/** What a training asks of the pool (the training worker's start, and the shape of its runs). */
export interface TrainPoolJob {
  readonly setup: Extract<TrainPoolRequest, { type: 'start' }>['setup'];
  readonly params: Extract<TrainPoolRequest, { type: 'start' }>['params'];
  readonly source: Extract<TrainPoolRequest, { type: 'start' }>['source'];
  /** The training's runs, in RUN_NAMES order. */
  readonly runs: readonly RunName[];
  /** S: steps 0…S are posted. */
  readonly steps: number;
}

/** Steps from…to−1 of every run of the job (job.runs order). */
export interface TrainPoolChunk {
  readonly from: number;
  readonly to: number;
  readonly series: Float64Array[];
  readonly hist: Float32Array[];
  readonly diverged: (string | null)[];
  /** The longest time a worker spent computing since the last chunk. */
  readonly ms: number;
}

export interface TrainPoolListener {
  chunk(chunk: TrainPoolChunk): void;
  error(message: string): void;
}

export interface TrainPool {
  /** Workers asked for. */
  readonly size: number;
  report(): TrainPoolReport;
  /** Replace the training (rows of the one before are dropped). */
  start(job: TrainPoolJob, listener: TrainPoolListener): void;
  stop(): void;
  /** θ of run `run` (job.runs index) at a step already handed on; undefined otherwise. */
  theta(run: number, step: number): Float64Array | undefined;
  /** Test hook: worker `index` crashes at its next message, as a real crash would. */
  crashWorker(index: number): void;
  dispose(): void;
}

export interface TrainPoolOptions {
  readonly size: number;
  readonly createWorker: () => TrainPoolWorkerLike;
  /** Crashes in a row answered by a restart before the pool runs in this thread; default 2. */
  readonly maxRestarts?: number;
  /** Something worth telling (a crash and restart, the fall back to this thread). */
  readonly onNotice?: (text: string) => void;
  /** Milliseconds per chunk of a pool run in this thread. */
  readonly inlineBudgetMs?: number;
}

/**
 * A training pool worker run in this thread: the same handler, computing a chunk per macrotask as a
 * worker would. What the pool falls back to, and what Node tests use.
 */
export function inlineTrainPoolWorker(budgetMs = 25): TrainPoolWorkerLike {
  let alive = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const worker: TrainPoolWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => {
        if (!alive) return;
        if (message.type === 'crash') {
          worker.onerror?.({ message: 'training pool worker crash requested (test hook)' });
          return;
        }
        handler.handle(message);
        schedule();
      }, 0);
    },
    terminate() {
      alive = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
  const handler = createTrainPoolHandler((reply) => worker.onmessage?.({ data: reply }), {
    budgetMs,
  });
  const schedule = () => {
    if (timer !== null || !alive) return;
    timer = setTimeout(() => {
      timer = null;
      if (alive && handler.work()) schedule();
    }, 0);
  };
  return worker;
}

/** The rows a job has received, per run, and how far every run has got. */
interface Received {
  readonly id: number;
  readonly job: TrainPoolJob;
  readonly listener: TrainPoolListener;
  readonly series: Float64Array[];
  readonly hist: Float32Array[];
  /** Per run: the head model's θ of every step (NaN where not received), once the first rows came. */
  readonly theta: (Float64Array | null)[];
  /** Per run: steps 0…received−1 are here. */
  readonly received: number[];
  readonly diverged: (string | null)[];
  readonly divergedAt: number[];
  /** Steps 0…delivered−1 were handed on. */
  delivered: number;
  /** Per worker: ms computed since the last chunk handed on. */
  readonly ms: number[];
}

export function createTrainPool(options: TrainPoolOptions): TrainPool {
  const size = Math.max(1, Math.floor(options.size));
  const maxRestarts = options.maxRestarts ?? 2;
  let mode: 'workers' | 'inline' = 'workers';
  let workers: TrainPoolWorkerLike[] = [];
  let restarts = 0;
  let crashesInRow = 0;
  let nextJob = 1;
  let current: Received | null = null;
  let disposed = false;

  function spawn(): void {
    // one worker per run at most: a fourth would have nothing to do
    const count = mode === 'inline' ? 1 : Math.min(size, RUN_NAMES.length);
    workers = [];
    for (let w = 0; w < count; w++) {
      let worker: TrainPoolWorkerLike;
      try {
        worker =
          mode === 'inline'
            ? inlineTrainPoolWorker(options.inlineBudgetMs)
            : options.createWorker();
      } catch (e) {
        for (const x of workers) x.terminate();
        options.onNotice?.(
          `the training pool workers could not start (${describe(e)}); training in one thread`,
        );
        mode = 'inline';
        spawn();
        return;
      }
      worker.onmessage = (event) => onReply(w, event.data);
      worker.onerror = (event) => {
        event.preventDefault?.();
        crashed(event.message ?? 'a training pool worker crashed');
      };
      workers.push(worker);
    }
  }

  function halt(): void {
    for (const w of workers) {
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
    }
    workers = [];
  }

  /** Send each worker its runs of the current job, from the first step they still owe. */
  function send(c: Received): void {
    workers.forEach((worker, w) => {
      const runs = c.job.runs.filter((_, i) => workerOfShard(i, workers.length) === w);
      if (runs.length === 0) return;
      const from = Math.min(...runs.map((r) => c.received[c.job.runs.indexOf(r)]));
      if (from > c.job.steps) return;
      const { setup, params, source } = c.job;
      worker.postMessage({ type: 'start', job: c.id, setup, params, source, runs, from }, []);
    });
  }

  function crashed(message: string): void {
    if (disposed) return;
    crashesInRow++;
    restarts++;
    halt();
    const c = current;
    const owed = c ? Math.min(...c.received) : 0;
    const replay =
      c && owed > 0 && owed <= c.job.steps
        ? `; steps 0…${owed - 1} are recomputed (the same numbers, nothing lost)`
        : '';
    if (crashesInRow > maxRestarts && mode === 'workers') {
      mode = 'inline';
      options.onNotice?.(
        `${message} (${crashesInRow} times in a row); training in one thread${replay}`,
      );
    } else {
      options.onNotice?.(`${message}; the training pool was restarted${replay}`);
    }
    spawn();
    if (c) send(c);
  }

  function onReply(w: number, m: TrainPoolReply): void {
    const c = current;
    if (m.type === 'ready' || !c || m.job !== c.id) return;
    if (m.type === 'error') {
      c.listener.error(m.message);
      return;
    }
    crashesInRow = 0;
    for (const r of m.runs) take(c, r, m.from, m.to);
    c.ms[w] = (c.ms[w] ?? 0) + m.ms;
    deliver(c);
  }

  function take(c: Received, r: TrainPoolRunRows, from: number, to: number): void {
    const i = c.job.runs.indexOf(r.name);
    if (i < 0) return;
    c.series[i].set(r.series, from * W);
    c.hist[i].set(r.hist, from * 2 * SCORE_BINS);
    if (r.theta && to > from) {
      const P = r.theta.length / (to - from);
      c.theta[i] ??= new Float64Array((c.job.steps + 1) * P).fill(NaN);
      c.theta[i].set(r.theta, from * P);
    }
    c.received[i] = Math.max(c.received[i], to);
    if (r.divergedAt >= 0) {
      c.diverged[i] = r.diverged;
      c.divergedAt[i] = r.divergedAt;
    }
  }

  /** Hand on the steps every run has reached, if any are new. */
  function deliver(c: Received): void {
    const to = Math.min(...c.received);
    const from = c.delivered;
    if (to <= from) return;
    c.delivered = to;
    // reduce skips the workers that have not answered yet (holes)
    const ms = c.ms.reduce((a, b) => Math.max(a, b), 0);
    c.ms.fill(0);
    c.listener.chunk({
      from,
      to,
      series: c.series.map((s) => s.slice(from * W, to * W)),
      hist: c.hist.map((h) => h.slice(from * 2 * SCORE_BINS, to * 2 * SCORE_BINS)),
      // a run's divergence is told once the steps up to it are handed on, as when one thread steps
      diverged: c.diverged.map((d, i) => (c.divergedAt[i] >= 0 && c.divergedAt[i] < to ? d : null)),
      ms,
    });
  }

  spawn();

  return {
    size,
    report: () => ({ workers: workers.length, mode, restarts }),
    start(job, listener) {
      if (disposed) throw new Error('the training pool was disposed');
      for (const w of workers) w.postMessage({ type: 'stop' }, []);
      const n = job.steps + 1;
      const runs = job.runs.length;
      current = {
        id: nextJob++,
        job,
        listener,
        series: job.runs.map(() => new Float64Array(n * W).fill(NaN)),
        hist: job.runs.map(() => new Float32Array(n * 2 * SCORE_BINS)),
        theta: job.runs.map(() => null),
        received: new Array<number>(runs).fill(0),
        diverged: new Array<string | null>(runs).fill(null),
        divergedAt: new Array<number>(runs).fill(-1),
        delivered: 0,
        ms: [],
      };
      send(current);
    },
    stop() {
      current = null;
      for (const w of workers) w.postMessage({ type: 'stop' }, []);
    },
    theta(run, step) {
      const c = current;
      const all = c?.theta[run];
      if (!c || !all || !Number.isInteger(step) || step < 0 || step >= c.delivered) {
        return undefined;
      }
      const P = all.length / (c.job.steps + 1);
      // a step past a divergence has no θ (NaN), as it has none when one thread steps
      return Number.isNaN(all[step * P]) ? undefined : all.subarray(step * P, (step + 1) * P);
    },
    crashWorker(index) {
      workers[index]?.postMessage({ type: 'crash' }, []);
    },
    dispose() {
      disposed = true;
      current = null;
      halt();
    },
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
