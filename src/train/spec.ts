/**
 * The training spec as JSON (what `dr train spec.json` reads), validated into a TrainSpec with the
 * defaults of defaults.ts filled in. Pure and total: never throws; every failure is one line that
 * starts with the field, e.g. `features[3][1] is not a finite number (got "x")` or
 * `lr.focal = -1 is out of range (need a finite number > 0)`.
 *
 * Fields (all but targets optional):
 * - `targets`: R integers, 0 background, 1..K the class, any negative = ignored (stored as −1);
 * - `features`: R rows of d finite numbers (required by the linear and mlp models);
 * - `logits`: R rows of K numbers, or R numbers (K = 1): the free model's initial logits (free only);
 * - `classes`: K (default 1, or the logits' row length);
 * - `model`: "free" | "linear" | {"hidden": H}, 1 ≤ H ≤ 16 (default "linear" with features, else
 *   "free");
 * - `losses`: a non-empty list of distinct "dr" | "focal" | "bce" (default all three);
 * - `params`: the DR parameters as in the case format (src/io/case.ts);
 * - `focal`: {"alpha" ∈ [0, 1], "gamma" ≥ 0} (defaults 0.25, 2);
 * - `optimizer`: {"kind": "sgd", "momentum"?: μ ∈ [0, 1)} (μ default 0.9) or {"kind": "adam",
 *   "beta1"?, "beta2"? ∈ [0, 1), "eps"? > 0} (defaults 0.9, 0.999, 1e-8); default Adam;
 * - `lr`: {"dr"?, "focal"?, "bce"?}, each > 0 (defaults DEFAULT_LR of the optimiser's kind);
 * - `prior`: {"dr"?, "focal"?, "bce"?}, each in (0, 1) (defaults 0.5, 0.01, 0.01): the head models'
 *   output bias starts at log(π/(1−π)); the free model ignores it;
 * - `steps`: S, an integer in [0, 100000] (default 200);
 * - `seed`: the mlp's initialisation seed, an integer in [0, 2^32) (default 1);
 * - `metricsEvery`: AP/AUC every k steps (and at 0 and S), an integer ≥ 1 (default 1).
 */
import { describe, errorMessage, isPlainObject, oneLine } from '../io/jsonValues.ts';
import { DEFAULT_PARAMS } from '../engine/index.ts';
import type { DRParams } from '../engine/index.ts';
import { parseCase, parseFeatures } from '../io/case.ts';
import type { Features } from '../data/types.ts';
import {
  DEFAULT_ADAM,
  DEFAULT_FOCAL,
  DEFAULT_MOMENTUM,
  DEFAULT_OPTIMIZER,
  DEFAULT_PRIOR,
  DEFAULT_SEED,
  DEFAULT_STEPS,
} from './defaults.ts';
import { makeTrainSpec } from './makeSpec.ts';
import { MAX_HIDDEN } from './models/mlp.ts';
import { RUN_NAMES } from './types.ts';
import type {
  FocalSettings,
  ModelSpec,
  OptimizerSpec,
  RunName,
  TrainData,
  TrainSpec,
} from './types.ts';

/** Outcome of parseTrainSpec. */
export type ParseTrainSpecResult =
  { readonly ok: true; readonly spec: TrainSpec } | { readonly ok: false; readonly error: string };

/** Keys a spec object may carry. */
export const SPEC_KEYS: readonly string[] = [
  'features',
  'targets',
  'logits',
  'classes',
  'model',
  'losses',
  'params',
  'focal',
  'optimizer',
  'lr',
  'prior',
  'steps',
  'seed',
  'metricsEvery',
];

/** The largest S accepted (a bound on the output's size, not on the maths). */
export const MAX_STEPS = 100_000;

class SpecError extends Error {}

function fail(message: string): never {
  throw new SpecError(message);
}

/**
 * Parse JSON text into a spec (a leading byte-order mark is skipped). Never throws.
 */
export function parseTrainSpecText(text: string): ParseTrainSpecResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'input: empty (expected a JSON object)' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `input: not valid JSON (${oneLine(errorMessage(e), 160)})` };
  }
  return parseTrainSpec(value);
}

/**
 * Validate an already-parsed JSON value as a training spec (fields in the header). Never throws:
 * returns {ok: false, error} with one line naming the field.
 */
export function parseTrainSpec(value: unknown): ParseTrainSpecResult {
  try {
    return { ok: true, spec: readSpec(value) };
  } catch (e) {
    const detail = e instanceof SpecError ? e.message : `input: cannot read (${errorMessage(e)})`;
    return { ok: false, error: oneLine(detail, 300) };
  }
}

function readSpec(v: unknown): TrainSpec {
  if (!isPlainObject(v)) fail(`input: expected a spec object (got ${describe(v)})`);
  rejectUnknownKeys(v, SPEC_KEYS, '');
  if (!Object.hasOwn(v, 'targets')) fail('targets: missing (R integers: 0, 1..K, or -1 ignored)');
  const rawTargets = v.targets;
  if (!Array.isArray(rawTargets) || rawTargets.length === 0) {
    fail(`targets must be a non-empty array of integers (got ${describe(rawTargets)})`);
  }
  const R = rawTargets.length;

  const features = Object.hasOwn(v, 'features') ? readFeatures(v.features, R) : null;
  const model = Object.hasOwn(v, 'model')
    ? readModel(v.model)
    : features === null
      ? ({ kind: 'free' } as const)
      : ({ kind: 'linear' } as const);

  let logits: { values: Float64Array; K: number; flat: boolean } | null = null;
  if (Object.hasOwn(v, 'logits')) {
    if (model.kind !== 'free') {
      fail(
        `logits: only for model "free" (the ${model.kind} head starts from W = 0, b = log(π/(1−π)))`,
      );
    }
    logits = readLogits(v.logits, R);
  }
  let K: number;
  if (Object.hasOwn(v, 'classes')) {
    K = integerIn(v.classes, 'classes', 1, 1_000_000);
    if (logits !== null && !logits.flat && logits.K !== K) {
      fail(`classes = ${K} but logits[0] has ${logits.K} entries (one per class)`);
    }
    if (logits !== null && logits.flat && K !== 1) {
      fail(`classes = ${K} but logits is a flat list (K = 1): give R rows of ${K} numbers`);
    }
  } else {
    K = logits === null ? 1 : logits.K;
  }
  if (model.kind === 'free' && logits === null) {
    fail(
      features === null
        ? 'logits: missing (model "free" starts from the given logits; give features for a head model)'
        : 'logits: missing (model "free" starts from the given logits)',
    );
  }
  if (model.kind !== 'free' && features === null) {
    fail(`features: missing (model "${model.kind}" needs R rows of d numbers)`);
  }
  const targets = readTargets(rawTargets, K);

  const data: TrainData = {
    R,
    K,
    d: features === null ? 0 : features.d,
    features: features === null ? null : features.values,
    targets,
    logits: logits === null ? null : logits.values,
  };
  const optimizer = Object.hasOwn(v, 'optimizer') ? readOptimizer(v.optimizer) : DEFAULT_OPTIMIZER;
  return makeTrainSpec(data, {
    model,
    losses: Object.hasOwn(v, 'losses') ? readLosses(v.losses) : RUN_NAMES,
    params: Object.hasOwn(v, 'params') ? readParams(v.params) : DEFAULT_PARAMS,
    focal: Object.hasOwn(v, 'focal') ? readFocal(v.focal) : DEFAULT_FOCAL,
    optimizer,
    lr: Object.hasOwn(v, 'lr') ? readPerRun(v.lr, 'lr', (x) => x > 0, 'a finite number > 0') : {},
    prior: Object.hasOwn(v, 'prior')
      ? readPerRun(v.prior, 'prior', (x) => x > 0 && x < 1, 'a number in (0, 1)')
      : DEFAULT_PRIOR,
    steps: Object.hasOwn(v, 'steps') ? integerIn(v.steps, 'steps', 0, MAX_STEPS) : DEFAULT_STEPS,
    seed: Object.hasOwn(v, 'seed') ? integerIn(v.seed, 'seed', 0, 4294967295) : DEFAULT_SEED,
    metricsEvery: Object.hasOwn(v, 'metricsEvery')
      ? integerIn(v.metricsEvery, 'metricsEvery', 1, Number.MAX_SAFE_INTEGER)
      : 1,
  });
}

function readFeatures(v: unknown, R: number): Features {
  const r = parseFeatures(v, R, 'targets');
  return r.ok ? r.value : fail(r.error);
}

function readLogits(v: unknown, R: number): { values: Float64Array; K: number; flat: boolean } {
  if (!Array.isArray(v)) {
    fail(`logits must be R numbers or R rows of K numbers (got ${describe(v)})`);
  }
  if (v.length !== R) fail(`logits has ${v.length} rows but targets has ${R}`);
  if (!Array.isArray(v[0])) {
    const values = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      if (Array.isArray(v[r])) {
        fail(`logits[${r}] is an array but logits[0] is not: give R numbers (K = 1) or R rows`);
      }
      values[r] = finiteNumber(v[r], `logits[${r}]`);
    }
    return { values, K: 1, flat: true };
  }
  const K = (v[0] as unknown[]).length;
  if (K === 0) fail('logits[0] is an empty row (need at least one class)');
  const values = new Float64Array(R * K);
  for (let r = 0; r < R; r++) {
    const row: unknown = v[r];
    if (!Array.isArray(row))
      fail(`logits[${r}] is not a row like logits[0] (got ${describe(row)})`);
    if (row.length !== K) {
      fail(`logits[${r}] has ${row.length} entries but logits[0] has ${K} (rows must be equal)`);
    }
    for (let c = 0; c < K; c++) values[r * K + c] = finiteNumber(row[c], `logits[${r}][${c}]`);
  }
  return { values, K, flat: false };
}

function readTargets(v: readonly unknown[], K: number): Int32Array {
  const targets = new Int32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const t = v[i];
    if (typeof t !== 'number' || !Number.isInteger(t)) {
      fail(`targets[${i}] is not an integer (got ${describe(t)})`);
    }
    if (t > K)
      fail(`targets[${i}] = ${t} is out of range (0..K with K = ${K}; negative = ignored)`);
    // any negative means ignored, as the official code's t >= 0 test; -1 also keeps -1e20 in range
    targets[i] = t < 0 ? -1 : t;
  }
  return targets;
}

function readModel(v: unknown): ModelSpec {
  if (v === 'free' || v === 'linear') return { kind: v };
  if (isPlainObject(v)) {
    rejectUnknownKeys(v, ['hidden'], 'model.');
    if (!Object.hasOwn(v, 'hidden')) fail('model.hidden: missing (the hidden layer size H)');
    return { kind: 'mlp', hidden: integerIn(v.hidden, 'model.hidden', 1, MAX_HIDDEN) };
  }
  return fail(`model must be "free", "linear" or {"hidden": H} (got ${describe(v)})`);
}

function readLosses(v: unknown): RunName[] {
  if (!Array.isArray(v) || v.length === 0) {
    fail(`losses must be a non-empty list of "dr", "focal", "bce" (got ${describe(v)})`);
  }
  const seen = new Set<RunName>();
  for (let i = 0; i < v.length; i++) {
    const n: unknown = v[i];
    if (typeof n !== 'string' || !(RUN_NAMES as readonly string[]).includes(n)) {
      fail(`losses[${i}] must be "dr", "focal" or "bce" (got ${describe(n)})`);
    }
    if (seen.has(n as RunName)) fail(`losses[${i}] = "${n}" is listed twice`);
    seen.add(n as RunName);
  }
  return RUN_NAMES.filter((n) => seen.has(n));
}

/**
 * The DR parameters through the case format's own reader (src/io/case.ts), so `params` means the
 * same in `dr` and `dr train`; its "case 0: " prefix is dropped.
 */
function readParams(v: unknown): DRParams {
  const r = parseCase({ logits: [0], targets: [0], params: v }, 0);
  if (!r.ok) fail(r.error.replace(/^case 0: /, ''));
  return r.value.params;
}

function readFocal(v: unknown): FocalSettings {
  if (!isPlainObject(v)) fail(`focal must be an object {"alpha", "gamma"} (got ${describe(v)})`);
  rejectUnknownKeys(v, ['alpha', 'gamma'], 'focal.');
  return {
    alpha: Object.hasOwn(v, 'alpha')
      ? numberIn(v.alpha, 'focal.alpha', (x) => x >= 0 && x <= 1, 'α ∈ [0, 1]')
      : DEFAULT_FOCAL.alpha,
    gamma: Object.hasOwn(v, 'gamma')
      ? numberIn(v.gamma, 'focal.gamma', (x) => x >= 0, 'γf ≥ 0')
      : DEFAULT_FOCAL.gamma,
  };
}

function readOptimizer(v: unknown): OptimizerSpec {
  if (!isPlainObject(v)) {
    fail(`optimizer must be {"kind": "sgd", ...} or {"kind": "adam", ...} (got ${describe(v)})`);
  }
  const unit = (x: number): boolean => x >= 0 && x < 1;
  if (v.kind === 'sgd') {
    rejectUnknownKeys(v, ['kind', 'momentum'], 'optimizer.');
    return {
      kind: 'sgd',
      momentum: Object.hasOwn(v, 'momentum')
        ? numberIn(v.momentum, 'optimizer.momentum', unit, 'μ ∈ [0, 1)')
        : DEFAULT_MOMENTUM,
    };
  }
  if (v.kind === 'adam') {
    rejectUnknownKeys(v, ['kind', 'beta1', 'beta2', 'eps'], 'optimizer.');
    const d = DEFAULT_ADAM as Extract<OptimizerSpec, { kind: 'adam' }>;
    return {
      kind: 'adam',
      beta1: Object.hasOwn(v, 'beta1')
        ? numberIn(v.beta1, 'optimizer.beta1', unit, 'β1 ∈ [0, 1)')
        : d.beta1,
      beta2: Object.hasOwn(v, 'beta2')
        ? numberIn(v.beta2, 'optimizer.beta2', unit, 'β2 ∈ [0, 1)')
        : d.beta2,
      eps: Object.hasOwn(v, 'eps')
        ? numberIn(v.eps, 'optimizer.eps', (x) => x > 0, 'ε > 0')
        : d.eps,
    };
  }
  return fail(`optimizer.kind must be "sgd" or "adam" (got ${describe(v.kind)})`);
}

function readPerRun(
  v: unknown,
  field: string,
  ok: (x: number) => boolean,
  want: string,
): Partial<Record<RunName, number>> {
  if (!isPlainObject(v))
    fail(`${field} must be an object {"dr", "focal", "bce"} (got ${describe(v)})`);
  rejectUnknownKeys(v, RUN_NAMES, `${field}.`);
  const out: Partial<Record<RunName, number>> = {};
  for (const n of RUN_NAMES) {
    if (Object.hasOwn(v, n)) out[n] = numberIn(v[n], `${field}.${n}`, ok, want);
  }
  return out;
}

function finiteNumber(x: unknown, field: string): number {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  return fail(`${field} is not a finite number (got ${describe(x)})`);
}

function numberIn(x: unknown, field: string, ok: (x: number) => boolean, want: string): number {
  const n = finiteNumber(x, field);
  if (!ok(n)) fail(`${field} = ${n} is out of range (need ${want})`);
  return n;
}

function integerIn(x: unknown, field: string, lo: number, hi: number): number {
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    fail(`${field} is not an integer (got ${describe(x)})`);
  }
  if (x < lo || x > hi) fail(`${field} = ${x} is out of range (need an integer in [${lo}, ${hi}])`);
  return x;
}

function rejectUnknownKeys(
  obj: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    fail(`${prefix}${name} is not a known field (known: ${known.join(', ')})`);
  }
}
