/**
 * The output object of `dr train`: {"runs": {"dr": {...}, "focal": {...}, "bce": {...}}}, every number
 * the exact double the training computed (the CLI's formatter prints the shortest round-trip digits).
 */
import { THRESHOLDS } from './types.ts';
import type { RunName, TrainResult } from './types.ts';

/** A JSON value (structurally the CLI formatter's Json). */
export type TrainJson =
  number | string | boolean | null | readonly TrainJson[] | { readonly [k: string]: TrainJson };

/** NaN (AP/AUC at a step metricsEvery skipped) as null; JSON has no NaN. */
function values(a: readonly number[]): (number | null)[] {
  return a.map((x) => (Number.isNaN(x) ? null : x));
}

/** {"0.05": series, "0.5": series}: one series per threshold, keyed by the threshold's number. */
function byThreshold(series: readonly (readonly number[])[]): { [k: string]: TrainJson } {
  const out: { [k: string]: TrainJson } = {};
  THRESHOLDS.forEach((t, m) => (out[String(t)] = values(series[m])));
  return out;
}

/**
 * The output object for `result`: per trained run (in RUN_NAMES order)
 *   loss, ap, auc: S+1 values each (steps 0…S);
 *   precision, recall: {"0.05": [S+1], "0.5": [S+1]} (an entry is called positive when p ≥ t);
 *   pPlus, pMinus: S+1 values, DR only;
 *   W (K×d, or K×H for mlp), b (K): the final head parameters, head models only;
 *   hiddenW (H×d), hiddenB (H): mlp only.
 * AP and AUC hold null at the steps spec.metricsEvery skips (none by default).
 */
export function trainOutputJson(result: TrainResult): {
  readonly runs: { [k: string]: TrainJson };
} {
  const runs: { [k: string]: TrainJson } = {};
  for (const name of Object.keys(result.runs) as RunName[]) {
    const r = result.runs[name];
    if (r === undefined) continue;
    const out: { [k: string]: TrainJson } = {
      loss: values(r.loss),
      ap: values(r.ap),
      auc: values(r.auc),
      precision: byThreshold(r.precision),
      recall: byThreshold(r.recall),
    };
    if (name === 'dr') {
      out.pPlus = values(r.pPlus);
      out.pMinus = values(r.pMinus);
    }
    if (r.final !== null) {
      out.W = r.final.W;
      out.b = r.final.b;
      if (r.final.hiddenW !== undefined) out.hiddenW = r.final.hiddenW;
      if (r.final.hiddenB !== undefined) out.hiddenB = r.final.hiddenB;
    }
    runs[name] = out;
  }
  return { runs };
}
