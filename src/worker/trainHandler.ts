/**
 * The training worker's side of the protocol (trainProtocol.ts), as a plain object: no worker
 * globals, so Node tests drive it and the client can run it on the main thread as a fallback.
 *
 * `handle` takes a request; `work` computes one chunk of steps (until `budgetMs` has passed, at least
 * one step) and posts it, returning whether more remains. The shell calls `work` again after a
 * macrotask, so a new `start` is read between chunks. Chunk boundaries depend on time; the numbers do
 * not (each step is the training core's, in order).
 */
import { materialize, sourceEntries } from '../data/index.ts';
import { createTraining, stepTraining } from '../train/index.ts';
import type { RunState, Training } from '../train/index.ts';
import { LinearModel } from '../train/models/linear.ts';
import { MlpModel } from '../train/models/mlp.ts';
import type { Model } from '../train/models/model.ts';
import { countEntries } from '../train/entries.ts';
import {
  SCORE_BINS,
  SERIES_FIELDS,
  type AnchorSample,
  type TrainInfo,
  type TrainReply,
  type TrainRequest,
} from './trainProtocol.ts';
import { trainDataOf, trainSpecOf, usesSet, type FeaturePoints } from './trainSetup.ts';

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
}

/** Anchors drawn at most: every positive up to 40 % of it, negatives evenly spaced in row order. */
export const ANCHOR_SAMPLE = 4000;

/**
 * The free model's largest set: each run keeps its own R·K logits, gradients and optimiser state
 * (about 60 bytes an entry for three Adam runs), so 2·10⁶ entries stay near 120 MB.
 */
export const MAX_FREE_ENTRIES = 2_000_000;

/** The largest field grid side served. */
export const MAX_FIELD_SIZE = 96;

const W = SERIES_FIELDS.length;

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

/** Shares of `scores` in SCORE_BINS equal bins over [0, 1], written at `out[offset…]`. */
export function scoreShares(scores: Float64Array, out: Float32Array, offset: number): void {
  const n = scores.length;
  if (n === 0) return;
  const counts = new Float64Array(SCORE_BINS);
  for (let i = 0; i < n; i++) {
    const b = Math.floor(scores[i] * SCORE_BINS);
    counts[b < 0 ? 0 : b >= SCORE_BINS ? SCORE_BINS - 1 : b]++;
  }
  for (let b = 0; b < SCORE_BINS; b++) out[offset + b] = counts[b] / n;
}

/** Writes run `run`'s recorded values of `step` at out[offset…] (NaN past a divergence). */
function seriesRow(run: RunState, step: number, out: Float64Array, offset: number): void {
  const s = run.series;
  const has = step < s.loss.length;
  const v = (a: readonly number[]) => (has ? a[step] : NaN);
  out[offset] = v(s.loss);
  out[offset + 1] = v(s.ap);
  out[offset + 2] = v(s.auc);
  out[offset + 3] = v(s.precision[0]);
  out[offset + 4] = v(s.precision[1]);
  out[offset + 5] = v(s.recall[0]);
  out[offset + 6] = v(s.recall[1]);
  out[offset + 7] = v(s.pPlus);
  out[offset + 8] = v(s.pMinus);
}

interface Current {
  readonly gen: number;
  readonly training: Training;
  readonly extent: readonly [number, number, number, number] | null;
  /** Steps posted so far (0…posted−1). */
  posted: number;
  /** Grid models per run and grid size, built on the first field request. */
  grid: { size: number; models: Model[] } | null;
}

/** The worker's side; never throws (a bad request is answered with `error`). */
export function createTrainHandler(
  post: PostTrainReply,
  { budgetMs = 25, now = () => performance.now() }: TrainHandlerOptions = {},
): TrainHandler {
  let current: Current | null = null;

  function start(gen: number, request: Extract<TrainRequest, { type: 'start' }>): void {
    current = null;
    const source = usesSet(request.setup) ? request.source : null;
    const entries = source ? sourceEntries(source) : 0;
    if (request.setup.model === 'free' && entries > MAX_FREE_ENTRIES) {
      throw new RangeError(
        `model: the free model trains at most ${MAX_FREE_ENTRIES} entries (this set has ${entries}); use a head model`,
      );
    }
    const set = source ? materialize(source) : null;
    const { data, points } = trainDataOf(request.setup, set);
    const spec = trainSpecOf(request.setup, request.params, data);
    const training = createTraining(spec);
    const { nPos, nNeg } = countEntries(data.targets, data.K);
    const info: TrainInfo = {
      R: data.R,
      K: data.K,
      d: data.d,
      nPos,
      nNeg,
      steps: spec.steps,
      metricsEvery: spec.metricsEvery,
      runs: training.runs.map((r) => r.name),
      model: request.setup.model,
    };
    const sample = points ? sampleAnchors(points) : null;
    current = {
      gen,
      training,
      extent: sample?.extent ?? null,
      posted: 0,
      grid: null,
    };
    post(
      { type: 'started', gen, info, anchors: sample },
      sample ? ([sample.x.buffer, sample.y.buffer, sample.label.buffer] as ArrayBuffer[]) : [],
    );
  }

  function field(request: Extract<TrainRequest, { type: 'field' }>): void {
    const c = current;
    if (!c || c.gen !== request.gen) return;
    const { training, extent } = c;
    const { step } = request;
    const size = Math.max(2, Math.min(MAX_FIELD_SIZE, Math.floor(request.size)));
    if (extent === null || step < 0 || step > training.step) return;
    const K = training.spec.data.K;
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
      const model = training.spec.model;
      const models = training.runs.map((): Model =>
        model.kind === 'mlp'
          ? new MlpModel(feats, size * size, 2, K, model.hidden, 0, training.spec.seed)
          : new LinearModel(feats, size * size, 2, K, 0),
      );
      c.grid = { size, models };
    }
    const logits = new Float64Array(size * size * K);
    const fields = training.runs.map((run, i) => {
      const out = new Float32Array(size * size);
      const theta = run.history?.[step];
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
      if (request.type === 'stop') {
        current = null;
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
      if (!c) return false;
      const { training } = c;
      const S = training.spec.steps;
      if (c.posted > S) return false;
      const t0 = now();
      const from = c.posted;
      const rows: { series: Float64Array; hist: Float32Array }[][] = training.runs.map(() => []);
      let to = from;
      while (to <= S) {
        if (to > training.step) stepTraining(training);
        training.runs.forEach((run, i) => {
          const series = new Float64Array(W);
          seriesRow(run, to, series, 0);
          const hist = new Float32Array(2 * SCORE_BINS);
          if (run.series.loss.length === to + 1 && Number.isFinite(series[0])) {
            scoreShares(run.loss.positives(), hist, 0);
            scoreShares(run.loss.negatives(), hist, SCORE_BINS);
          }
          rows[i].push({ series, hist });
        });
        to++;
        if (now() - t0 >= budgetMs) break;
      }
      const n = to - from;
      const series = rows.map((rs) => {
        const out = new Float64Array(n * W);
        rs.forEach((r, k) => out.set(r.series, k * W));
        return out;
      });
      const hist = rows.map((rs) => {
        const out = new Float32Array(n * 2 * SCORE_BINS);
        rs.forEach((r, k) => out.set(r.hist, k * 2 * SCORE_BINS));
        return out;
      });
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
