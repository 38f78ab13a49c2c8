/**
 * The sentence under the training charts, computed from the numbers at the step shown: how much of
 * its recall each run keeps when the score threshold rises from 0.05 to 0.5 (the calibration the
 * paper's DR loss is about), and how the runs' AP compares.
 */
import type { StringKey, Translate } from '../../../i18n/strings.ts';
import type { RunName } from '../../../train/types.ts';

/** One run's numbers at the step shown (NaN when not known). */
export interface RunAtStep {
  readonly run: RunName;
  readonly ap: number;
  readonly recall05: number;
  readonly recall5: number;
}

/** AP gaps below this read as "about equal" (the third decimal). */
export const AP_TIE = 0.005;

export const RUN_KEYS: Readonly<Record<RunName, StringKey>> = {
  dr: 'train.run.dr',
  focal: 'train.run.focal',
  bce: 'train.run.bce',
};

/** Recall kept from 0.05 to 0.5, in whole percent (null when nothing is recalled at 0.05). */
export function recallKept(r: RunAtStep): number | null {
  if (!(r.recall05 > 0) || !Number.isFinite(r.recall5)) return null;
  return Math.round((100 * r.recall5) / r.recall05);
}

/** The summary at `step`; `computed` false says the step has not arrived yet. */
export function trainSummary(
  s: Translate,
  step: number,
  runs: readonly RunAtStep[],
  computed: boolean,
): string {
  if (!computed) return s('train.summary.waiting', { step });
  const name = (r: RunAtStep) => s(RUN_KEYS[r.run]);
  const recall = runs.map((r) => {
    const pct = recallKept(r);
    return pct === null
      ? s('train.summary.noRecall', { run: name(r) })
      : s('train.summary.keeps', { run: name(r), pct });
  });
  const sentences = [
    s('train.summary.recall', { step, parts: recall.join(s('train.summary.sep')) }),
  ];
  const withAp = runs.filter((r) => Number.isFinite(r.ap));
  if (withAp.length > 1) {
    const parts = withAp
      .map((r) => s('train.summary.apPart', { run: name(r), value: r.ap.toFixed(4) }))
      .join(s('train.summary.listSep'));
    const aps = withAp.map((r) => r.ap);
    const best = withAp[aps.indexOf(Math.max(...aps))];
    sentences.push(
      Math.max(...aps) - Math.min(...aps) < AP_TIE
        ? s('train.summary.apTie', { parts })
        : s('train.summary.ap', { parts, best: name(best) }),
    );
  }
  return sentences.join(' ');
}
