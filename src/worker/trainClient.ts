/**
 * The main thread's handle on the training worker. It owns staleness (every `start` is a new
 * generation; replies of older ones are dropped), the recorded series (preallocated per run, filled
 * as progress arrives; the worker's buffers are transferred) and the fallback (the same handler on
 * this thread, in small chunks, when a worker cannot start or crashes).
 *
 * Listeners are told of every change; they should throttle their drawing (the section redraws at
 * most once per animation frame), not the computing.
 */
import type { CandidateSource } from '../data/types.ts';
import type { DRParams } from '../engine/types.ts';
import { createTrainHandler } from './trainHandler.ts';
import type { TrainPoolReport } from './trainProtocol.ts';
import {
  SCORE_BINS,
  SERIES_FIELDS,
  type AnchorSample,
  type TrainFieldReply,
  type TrainInfo,
  type TrainReply,
  type TrainRequest,
  type TrainStartRequest,
} from './trainProtocol.ts';
import type { TrainSetup } from './trainSetup.ts';

/** What has arrived of the current training. Mutated in place as progress arrives. */
export interface TrainRecord {
  readonly gen: number;
  readonly info: TrainInfo;
  readonly anchors: AnchorSample | null;
  /** Per run (info.runs order): (S+1) × SERIES_FIELDS.length values, step-major. */
  readonly series: readonly Float64Array[];
  /** Per run: (S+1) × 2 × SCORE_BINS shares. */
  readonly hist: readonly Float32Array[];
  /** Steps 0…computed−1 have arrived. */
  computed: number;
  diverged: readonly (string | null)[];
  /** Milliseconds of worker time so far. */
  workMs: number;
  /** The training pool that computed the last progress (null: the training worker stepped itself). */
  pool: TrainPoolReport | null;
}

/** The part of `Worker` the client uses (a fake in Node tests). */
export interface TrainWorkerLike {
  postMessage(message: TrainRequest): void;
  terminate(): void;
  onmessage: ((event: { readonly data: TrainReply }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null;
}

export interface TrainClient {
  /** Replace the training (a new generation). */
  start(setup: TrainSetup, params: DRParams, source: CandidateSource | null): void;
  /** Ask for each run's score field at `step` (head models on 2-D features). */
  requestField(step: number, size: number): void;
  record(): TrainRecord | null;
  /** The newest field of the current generation. */
  field(): TrainFieldReply | null;
  /** The current generation's error, if its start failed. */
  error(): string | null;
  /** The current generation's notices (a crashed pool worker and its restart), oldest first. */
  notices(): readonly string[];
  /**
   * Sets the number of training pool workers and starts the current training again with them (a new
   * generation; the same numbers). For tests and benchmarks.
   */
  setPoolSize(size: number): void;
  /** Test hook: training pool worker `index` crashes as a real crash would. */
  crashPoolWorker(index?: number): void;
  /** A counter that grows with every change (for useSyncExternalStore). */
  version(): number;
  subscribe(listener: () => void): () => void;
  readonly mode: () => 'worker' | 'fallback';
  dispose(): void;
}

export interface TrainClientOptions {
  readonly createWorker?: () => TrainWorkerLike;
}

function defaultWorker(): TrainWorkerLike {
  return new Worker(new URL('./train.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as TrainWorkerLike;
}

/** A worker stand-in running the handler on this thread in chunks of a few milliseconds. */
export function inThreadTrainWorker(budgetMs = 8): TrainWorkerLike {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fake: TrainWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      handler.handle(message);
      schedule();
    },
    terminate() {
      fake.onmessage = null;
      handler.handle({ type: 'stop' });
      if (timer !== null) clearTimeout(timer);
    },
  };
  const handler = createTrainHandler((reply) => fake.onmessage?.({ data: reply }), { budgetMs });
  const schedule = () => {
    if (timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      if (handler.work()) schedule();
    }, 0);
  };
  return fake;
}

export function createTrainClient({
  createWorker = defaultWorker,
}: TrainClientOptions = {}): TrainClient {
  let worker: TrainWorkerLike | null = null;
  let mode: 'worker' | 'fallback' = 'worker';
  let gen = 0;
  let lastStart: TrainStartRequest | null = null;
  let rec: TrainRecord | null = null;
  let fieldReply: TrainFieldReply | null = null;
  let failure: string | null = null;
  let notices: string[] = [];
  let ver = 0;
  const listeners = new Set<() => void>();
  const changed = () => {
    ver++;
    for (const l of listeners) l();
  };

  function onReply(data: TrainReply): void {
    if (data.gen !== gen) return;
    switch (data.type) {
      case 'started': {
        const n = data.info.steps + 1;
        rec = {
          gen: data.gen,
          info: data.info,
          anchors: data.anchors,
          series: data.info.runs.map(() => new Float64Array(n * SERIES_FIELDS.length).fill(NaN)),
          hist: data.info.runs.map(() => new Float32Array(n * 2 * SCORE_BINS)),
          computed: 0,
          diverged: data.info.runs.map(() => null),
          workMs: 0,
          pool: null,
        };
        break;
      }
      case 'progress': {
        if (!rec) return;
        const r = rec;
        data.series.forEach((s, i) => r.series[i].set(s, data.from * SERIES_FIELDS.length));
        data.hist.forEach((h, i) => r.hist[i].set(h, data.from * 2 * SCORE_BINS));
        r.computed = data.to;
        r.diverged = data.diverged;
        r.workMs += data.ms;
        r.pool = data.pool ?? null;
        break;
      }
      case 'field':
        fieldReply = data;
        break;
      case 'error':
        failure = data.message;
        break;
      case 'notice':
        notices = [...notices, data.text];
        break;
    }
    changed();
  }

  function attach(w: TrainWorkerLike): TrainWorkerLike {
    w.onmessage = ({ data }) => onReply(data);
    w.onerror = (event) => {
      event.preventDefault?.();
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
      // The same handler on this thread, restarted from the last start (deterministic: same numbers).
      mode = 'fallback';
      worker = attach(inThreadTrainWorker());
      if (lastStart) worker.postMessage(lastStart);
    };
    return w;
  }

  function ensure(): TrainWorkerLike {
    if (worker) return worker;
    try {
      worker = attach(createWorker());
    } catch {
      mode = 'fallback';
      worker = attach(inThreadTrainWorker());
    }
    return worker;
  }

  function start(setup: TrainSetup, params: DRParams, source: CandidateSource | null): void {
    gen++;
    rec = null;
    fieldReply = null;
    failure = null;
    notices = [];
    lastStart = { type: 'start', gen, setup, params, source };
    ensure().postMessage(lastStart);
    changed();
  }

  return {
    start,
    setPoolSize(size) {
      ensure().postMessage({ type: 'poolSize', size });
      if (lastStart) start(lastStart.setup, lastStart.params, lastStart.source);
    },
    crashPoolWorker(index = 0) {
      ensure().postMessage({ type: 'crashPool', index });
    },
    requestField(step, size) {
      if (!rec) return;
      ensure().postMessage({ type: 'field', gen, step, size });
    },
    record: () => rec,
    field: () => fieldReply,
    error: () => failure,
    notices: () => notices,
    version: () => ver,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mode: () => mode,
    dispose() {
      worker?.postMessage({ type: 'stop' });
      worker?.terminate();
      worker = null;
      listeners.clear();
    },
  };
}

/** Value of `field` for run index `run` at `step` of a record (NaN when not there). */
export function seriesValue(
  rec: TrainRecord,
  run: number,
  step: number,
  field: (typeof SERIES_FIELDS)[number],
): number {
  if (step < 0 || step >= rec.computed) return NaN;
  return rec.series[run][step * SERIES_FIELDS.length + SERIES_FIELDS.indexOf(field)];
}
