/**
 * A training pool worker's side of trainPoolProtocol.ts, as a plain object (no worker globals: the
 * pool runs it in this thread when workers cannot start, and Node tests drive it). It steps the runs
 * it was given with the training core, exactly as the training worker steps all three (same spec,
 * same code, same order of operations per run), and posts their rows chunk by chunk.
 *
 * `work` computes one chunk (until `budgetMs` has passed, at least one step) and posts it, returning
 * whether more remains; the shell calls it again after a macrotask so a newer start or a stop is read
 * in between. Chunk boundaries depend on time; the numbers do not.
 */
import { RUN_NAMES, createTraining, stepTraining } from '../train/index.ts';
import type { Training } from '../train/index.ts';
import { concatRows, runRow } from './trainRows.ts';
import type {
  TrainPoolReply,
  TrainPoolRequest,
  TrainPoolRunRows,
  TrainPoolStartRequest,
} from './trainPoolProtocol.ts';
import { prepareTraining } from './trainSetup.ts';

export type PostTrainPoolReply = (reply: TrainPoolReply, transfer: ArrayBuffer[]) => void;

export interface TrainPoolHandler {
  handle(request: TrainPoolRequest): void;
  /** Compute and post one chunk; true while steps remain. */
  work(): boolean;
}

interface Current {
  readonly job: number;
  readonly training: Training;
  /** Steps posted so far, or to skip (a replay): the next row posted is this step's. */
  posted: number;
  /** Per run, the step at which it diverged (−1 while it trains). */
  readonly divergedAt: number[];
}

export function createTrainPoolHandler(
  post: PostTrainPoolReply,
  { budgetMs = 25, now = () => performance.now() }: { budgetMs?: number; now?: () => number } = {},
): TrainPoolHandler {
  let current: Current | null = null;

  function start(request: TrainPoolStartRequest): void {
    current = null;
    const { spec } = prepareTraining(request.setup, request.params, request.source);
    const runs = RUN_NAMES.filter((r) => spec.losses.includes(r) && request.runs.includes(r));
    // One run alone gives the numbers it gives beside the others: every run builds its own model
    // (the mlp's from its own Rng(seed)), loss and optimiser from the spec.
    const training = createTraining({ ...spec, losses: runs });
    current = {
      job: request.job,
      training,
      posted: request.from,
      divergedAt: training.runs.map((r) => (r.diverged !== null ? 0 : -1)),
    };
  }

  function step(c: Current): void {
    stepTraining(c.training);
    c.training.runs.forEach((r, i) => {
      if (r.diverged !== null && c.divergedAt[i] < 0) c.divergedAt[i] = c.training.step;
    });
  }

  return {
    handle(request) {
      if (request.type === 'stop' || request.type === 'crash') {
        current = null;
        return;
      }
      try {
        start(request);
      } catch (e) {
        current = null;
        post(
          {
            type: 'error',
            job: request.job,
            message: e instanceof Error ? e.message : String(e),
          },
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
      // a replay: the steps already posted before a crash, computed again and not posted
      while (training.step < c.posted - 1) {
        step(c);
        if (now() - t0 >= budgetMs) return true;
      }
      const from = c.posted;
      const rows = training.runs.map(() => [] as ReturnType<typeof runRow>[]);
      const thetas = training.runs.map(() => [] as (Float64Array | undefined)[]);
      let to = from;
      while (to <= S) {
        if (to > training.step) step(c);
        training.runs.forEach((run, i) => {
          rows[i].push(runRow(run, to));
          thetas[i].push(run.history?.[to]);
        });
        to++;
        if (now() - t0 >= budgetMs) break;
      }
      const runs: TrainPoolRunRows[] = training.runs.map((run, i) => {
        const { series, hist } = concatRows(rows[i]);
        let theta: Float64Array | null = null;
        if (run.history !== null) {
          const P = run.model.params.length;
          theta = new Float64Array((to - from) * P).fill(NaN);
          // a step past a divergence has no θ: its block stays NaN
          thetas[i].forEach((t, k) => (t ? theta!.set(t, k * P) : undefined));
        }
        return {
          name: run.name,
          series,
          hist,
          theta,
          diverged: run.diverged,
          divergedAt: c.divergedAt[i],
        };
      });
      c.posted = to;
      const transfer: ArrayBuffer[] = [];
      for (const r of runs) {
        transfer.push(r.series.buffer as ArrayBuffer, r.hist.buffer as ArrayBuffer);
        if (r.theta) transfer.push(r.theta.buffer as ArrayBuffer);
      }
      post({ type: 'rows', job: c.job, from, to, runs, ms: now() - t0 }, transfer);
      return to <= S;
    },
  };
}
