/**
 * What is posted of one run at one step: its SERIES_FIELDS values and its score histograms. Shared by
 * the training worker when it steps the runs itself (trainHandler.ts) and by the training pool's
 * workers (trainPoolHandler.ts), so both post the same numbers from the same code.
 */
import type { RunState } from '../train/index.ts';
import { SCORE_BINS, SERIES_FIELDS } from './trainProtocol.ts';

/** Values per step and run in a series block. */
export const W = SERIES_FIELDS.length;

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
export function seriesRow(run: RunState, step: number, out: Float64Array, offset: number): void {
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

/**
 * The row of `run` at `step`, just after that step was computed: its series values, and the score
 * histograms of the scores the loss holds now (zeros when the step was not recorded or its loss is
 * not finite). Must be called before the run is stepped again: the histograms read the loss's live
 * buffers.
 */
export function runRow(run: RunState, step: number): { series: Float64Array; hist: Float32Array } {
  const series = new Float64Array(W);
  seriesRow(run, step, series, 0);
  const hist = new Float32Array(2 * SCORE_BINS);
  if (run.series.loss.length === step + 1 && Number.isFinite(series[0])) {
    scoreShares(run.loss.positives(), hist, 0);
    scoreShares(run.loss.negatives(), hist, SCORE_BINS);
  }
  return { series, hist };
}

/** Rows of consecutive steps as one series block and one histogram block (step-major). */
export function concatRows(rows: readonly { series: Float64Array; hist: Float32Array }[]): {
  series: Float64Array;
  hist: Float32Array;
} {
  const series = new Float64Array(rows.length * W);
  const hist = new Float32Array(rows.length * 2 * SCORE_BINS);
  rows.forEach((r, k) => {
    series.set(r.series, k * W);
    hist.set(r.hist, k * 2 * SCORE_BINS);
  });
  return { series, hist };
}
