/**
 * The permalink rows of the Train section: one key per setup field (src/worker/trainFields.ts's
 * table: link key, range, default) written only when it differs from its default, and `tstep`, the
 * step shown. Read back exactly (numbers as the shortest round-trip decimal); a bad value keeps its
 * default and reports the field, like every other row.
 */
import {
  DEFAULT_TRAIN_SETUP,
  TRAIN_FIELDS,
  trainFieldProblem,
  type TrainSetup,
} from '../../worker/trainFields.ts';
import { DEFAULT_TRAIN, trainChoice, type TrainChoice } from '../train.ts';
import { readNumber, writeNumber } from './schema.ts';

/** Key of the step shown. */
export const TRAIN_STEP_KEY = 'tstep';

/** Every key the train rows use. */
export const TRAIN_KEYS: readonly string[] = Object.freeze([
  ...TRAIN_FIELDS.map((f) => f.link),
  TRAIN_STEP_KEY,
]);

/** The fields of `train` that differ from the defaults, then the step when not 0. */
export function trainParts(train: TrainChoice | undefined): string[] {
  if (train === undefined || train === DEFAULT_TRAIN) return [];
  const parts: string[] = [];
  for (const f of TRAIN_FIELDS) {
    const v = train.setup[f.key];
    if (Object.is(v, DEFAULT_TRAIN_SETUP[f.key])) continue;
    parts.push(`${f.link}=${encodeURIComponent(typeof v === 'number' ? writeNumber(v) : v)}`);
  }
  if (train.step !== 0) parts.push(`${TRAIN_STEP_KEY}=${train.step}`);
  return parts;
}

/** Reports one bad field: its name, the raw text, why, and the default kept. */
export type TrainFail = (name: string, raw: string, why: string, fallback: unknown) => void;

/** The train choice of `fields` (undefined when none of its keys is there). */
export function decodeTrain(
  fields: ReadonlyMap<string, string>,
  fail: TrainFail,
): TrainChoice | undefined {
  if (!TRAIN_KEYS.some((k) => fields.has(k))) return undefined;
  const setup: Record<string, unknown> = { ...DEFAULT_TRAIN_SETUP };
  for (const f of TRAIN_FIELDS) {
    const raw = fields.get(f.link);
    if (raw === undefined) continue;
    const value = f.kind === 'number' ? readNumber(raw) : raw;
    const why = value === null ? 'is not a number' : trainFieldProblem(f, value);
    if (why === null) setup[f.key] = value;
    else fail(`${f.link} (train ${f.key})`, raw, why, DEFAULT_TRAIN_SETUP[f.key]);
  }
  const s = setup as unknown as TrainSetup;
  let step = 0;
  const raw = fields.get(TRAIN_STEP_KEY);
  if (raw !== undefined) {
    const n = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
    if (n <= s.steps) step = n;
    else fail(`${TRAIN_STEP_KEY} (train step)`, raw, `is not a step in 0…${s.steps}`, 0);
  }
  return trainChoice(s, step);
}
