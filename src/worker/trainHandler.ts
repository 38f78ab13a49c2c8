/**
 * The training worker's side of the protocol (trainProtocol.ts), as a plain object: no worker
 * globals, so Node tests drive it and the client can run it on the main thread as a fallback.
 *
 * `handle` takes a request; `work` computes one chunk of steps (until `budgetMs` has passed, at least
 * one step) and posts it, returning whether more remains. The shell calls `work` again after a
 * macrotask, so a new `start` is read between chunks. Chunk boundaries depend on time; the numbers do
 * not (each step is the training core's, in order).
 *
 * Given `createPool`, the handler does not step the runs itself: a pool of workers does
 * (trainPool.ts), and the handler posts each chunk the pool hands on; `work` then has nothing to do.
 * The numbers are the same to the last bit (every run is stepped by the same code from the same
 * start), and so is everything posted.
 */
import { createTraining, stepTraining } from '../train/index.ts';
import type { Training, TrainSpec } from '../train/index.ts';
import { LinearModel } from '../train/models/linear.ts';
import { MlpModel } from '../train/models/mlp.ts';
import type { Model } from '../train/models/model.ts';
import { countEntries } from '../train/entries.ts';
import type { TrainPool } from './trainPool.ts';
import type { AnchorSample, TrainInfo, TrainReply, TrainRequest } from './trainProtocol.ts';
import { concatRows, runRow } from './trainRows.ts';
import { prepareTraining, type FeaturePoints } from './trainSetup.ts';

export { scoreShares } from './trainRows.ts';
export { MAX_FREE_ENTRIES } from './trainSetup.ts';

/** postMessage with its transfer list. */
export type PostTrainReply = (reply: TrainReply, transfer: ArrayBuffer[]) => void;

export interface TrainHandler {
  handle(request: TrainRequest): void;
  /** Compute and post one chunk; true while steps remain. */
  work(): boolean;
}

export interface TrainHandlerOptions {
  /** Milliseconds of stepping per chunk (the worker reads new requests between chunks). */
  readonly budgetMs?: number;
  readonly now?: () => number;
  /**
   * Starts a training pool of `size` workers (trainPool.ts); without it the handler steps the runs
   * itself. The pool is started at the first start and again only for another size.
   */
  readonly createPool?: (size: number, onNotice: (text: string) => void) => TrainPool;
  /** The pool's size until a `poolSize` request says otherwise. */
  readonly poolSize?: number;
}

/** Anchors drawn at most: every positive up to 40 % of it, negatives evenly spaced in row order. */
export const ANCHOR_SAMPLE = 4000;

/** The largest field grid side served. */
export const MAX_FIELD_SIZE = 96;

/**
 * A sample of the anchors to draw, and the plane around them. Deterministic (row strides). Ignored
 * rows (target −1) are left out.
 */
export function sampleAnchors(set: FeaturePoints, limit = ANCHOR_SAMPLE): AnchorSample {
  const rows: number[] = [];
  const pos: number[] = [];
  const neg: number[] = [];
  for (let r = 0; r < set.R; r++) {
    const t = set.targets[r];
    if (t >= 0) (t > 0 ? pos : neg).push(r);
  }
  const posTake = Math.min(pos.length, Math.floor(limit * 0.4));
  const negTake = Math.min(neg.length, limit - posTake);
  const pick = (from: number[], n: number) => {
    for (let i = 0; i < n; i++) rows.push(from[Math.floor((i * from.length) / n)]);
  };
  pick(pos, posTake);
  pick(neg, negTake);
  const n = rows.length;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const label = new Int8Array(n);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    x[i] = set.features[2 * r];
    y[i] = set.features[2 * r + 1];
    label[i] = Math.min(set.targets[r], 127); // Int8: only "positive or not" is drawn
    x0 = Math.min(x0, x[i]);
    x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, y[i]);
    y1 = Math.max(y1, y[i]);
  }
  const px = (x1 - x0) * 0.05 || 1;
  const py = (y1 - y0) * 0.05 || 1;
  return { x, y, label, extent: [x0 - px, x1 + px, y0 - py, y1 + py] };
}

interface Current {
  readonly gen: number;
  readonly spec: TrainSpec;
  /** The runs stepped in this thread, or null when the pool steps them. */
  readonly training: Training | null;
  readonly extent: readonly [number, number, number, number] | null;
  /** Steps posted so far (0…posted−1). */
  posted: number;
  /** Grid models per run and grid size, built on the first field request. */
  grid: { size: number; models: Model[] } | null;
}

/** The worker's side; never throws (a bad request is answered with `error`). */
export function createTrainHandler(
  post: PostTrainReply,
  {
    budgetMs = 25,
    now = () => performance.now(),
    createPool,
    poolSize = 1,
  }: TrainHandlerOptions = {},
): TrainHandler {
  let current: Current | null = null;
  let pool: TrainPool | null = null;
  let size = poolSize;

  /** The pool of `size` workers, started on first use and again only for another size. */
  function poolOf(make: NonNullable<typeof createPool>): TrainPool {
    if (pool === null || pool.size !== size) {
      pool?.dispose();
      // a notice belongs to the training under way when it is told
      pool = make(size, (text) => {
        if (current) post({ type: 'notice', gen: current.gen, text }, []);
      });
    }
    return pool;
  }

  function start(gen: number, request: Extract<TrainRequest, { type: 'start' }>): void {
    current = null;
    pool?.stop();
    const { data, points, spec } = prepareTraining(request.setup, request.params, request.source);
    const training = createPool ? null : createTraining(spec);
    const { nPos, nNeg } = countEntries(data.targets, data.K);
    const info: TrainInfo = {
      R: data.R,
      K: data.K,
      d: data.d,
      nPos,
      nNeg,
      steps: spec.steps,
      metricsEvery: spec.metricsEvery,
      runs: spec.losses,
      model: request.setup.model,
    };
    const sample = points ? sampleAnchors(points) : null;
    const c: Current = {
      gen,
      spec,
      training,
      extent: sample?.extent ?? null,
      posted: 0,
      grid: null,
    };
    current = c;
    post(
      { type: 'started', gen, info, anchors: sample },
      sample ? ([sample.x.buffer, sample.y.buffer, sample.label.buffer] as ArrayBuffer[]) : [],
    );
    if (createPool) {
      const p = poolOf(createPool);
      p.start(
        {
          setup: request.setup,
          params: request.params,
          source: request.source,
          runs: spec.losses,
          steps: spec.steps,
        },
        {
          chunk(chunk) {
            if (current !== c) return;
            c.posted = chunk.to;
            post(
              {
                type: 'progress',
                gen,
                from: chunk.from,
                to: chunk.to,
                series: chunk.series,
                hist: chunk.hist,
                diverged: chunk.diverged,
                ms: chunk.ms,
                pool: p.report(),
              },
              [...chunk.series, ...chunk.hist].map((a) => a.buffer as ArrayBuffer),
            );
          },
          error(message) {
            if (current !== c) return;
            current = null;
            post({ type: 'error', gen, message }, []);
          },
        },
      );
    }
  }

  /** θ of run `i` at a posted step (undefined past a divergence). */
  function thetaAt(c: Current, i: number, step: number): Float64Array | undefined {
    if (c.training) return c.training.runs[i].history?.[step];
    return step < c.posted ? pool?.theta(i, step) : undefined;
  }

  function field(request: Extract<TrainRequest, { type: 'field' }>): void {
    const c = current;
    if (!c || c.gen !== request.gen) return;
    const { spec, extent } = c;
    const { step } = request;
    const size = Math.max(2, Math.min(MAX_FIELD_SIZE, Math.floor(request.size)));
    const last = c.training ? c.training.step : c.posted - 1;
    if (extent === null || step < 0 || step > last) return;
    const K = spec.data.K;
    if (!c.grid || c.grid.size !== size) {
      const feats = new Float64Array(2 * size * size);
      const [x0, x1, y0, y1] = extent;
      for (let i = 0; i < size; i++) {
        for (let j = 0; j < size; j++) {
          const k = 2 * (i * size + j);
          feats[k] = x0 + ((j + 0.5) / size) * (x1 - x0);
          feats[k + 1] = y1 - ((i + 0.5) / size) * (y1 - y0);
        }
      }
      const model = spec.model;
      const models = spec.losses.map((): Model =>
        model.kind === 'mlp'
          ? new MlpModel(feats, size * size, 2, K, model.hidden, 0, spec.seed)
          : new LinearModel(feats, size * size, 2, K, 0),
      );
      c.grid = { size, models };
    }
    const logits = new Float64Array(size * size * K);
    const fields = spec.losses.map((_, i) => {
      const out = new Float32Array(size * size);
      const theta = thetaAt(c, i, step);
      if (!theta) return out.fill(NaN);
      const m = c.grid!.models[i];
      m.params.set(theta);
      m.forward(logits);
      for (let p = 0; p < size * size; p++) {
        let best = -Infinity;
        for (let k = 0; k < K; k++) best = Math.max(best, logits[p * K + k]);
        out[p] = 1 / (1 + Math.exp(-best));
      }
      return out;
    });
    post(
      { type: 'field', gen: c.gen, step, size, fields },
      fields.map((f) => f.buffer as ArrayBuffer),
    );
  }

  return {
    handle(request) {
      switch (request.type) {
        case 'stop':
          current = null;
          pool?.stop();
          return;
        case 'poolSize':
          size = Math.max(1, Math.floor(request.size));
          return;
        case 'crashPool':
          pool?.crashWorker(request.index);
          return;
      }
      try {
        if (request.type === 'start') start(request.gen, request);
        else field(request);
      } catch (e) {
        if (request.type === 'start') current = null;
        post(
          { type: 'error', gen: request.gen, message: e instanceof Error ? e.message : String(e) },
          [],
        );
      }
    },
    work() {
      const c = current;
      const training = c?.training;
      if (!c || !training) return false;
      const S = training.spec.steps;
      if (c.posted > S) return false;
      const t0 = now();
      const from = c.posted;
      const rows = training.runs.map(() => [] as ReturnType<typeof runRow>[]);
      let to = from;
      while (to <= S) {
        if (to > training.step) stepTraining(training);
        training.runs.forEach((run, i) => rows[i].push(runRow(run, to)));
        to++;
        if (now() - t0 >= budgetMs) break;
      }
      const blocks = rows.map(concatRows);
      const series = blocks.map((b) => b.series);
      const hist = blocks.map((b) => b.hist);
      c.posted = to;
      post(
        {
          type: 'progress',
          gen: c.gen,
          from,
          to,
          series,
          hist,
          diverged: training.runs.map((r) => r.diverged),
          ms: now() - t0,
        },
        [...series, ...hist].map((a) => a.buffer as ArrayBuffer),
      );
      return to <= S;
    },
  };
}
