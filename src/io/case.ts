/**
 * The case format shared by the CLI and the app's import: read and validate DR-loss problems given as
 * JSON (the format of tests/golden/README.md), turning them into engine inputs.
 *
 * A document is one case object or an array of them. A case is
 * `{ "logits": N×K numbers (or N numbers, meaning K = 1), "targets": N integers, "params"?: {...},
 *    "features"?: N rows of d numbers, "expected"?: anything }`.
 * Targets follow the official SigmoidDRLoss: 0 background, 1..K the class (1-based), and any
 * negative integer ignored (the official code tests `t >= 0`, so -1, -2, … all mean "ignored"; we
 * store them as -1). Non-integer targets are errors, not rounded.
 * `params` may hold margin (γ), lambdaPos (λ+), lambdaNeg (λ−), L, tau (τ), rho (ρ), smoothing
 * ("logistic" | "quad" | "hinge") and negTopK (size of the hard-negative prior); absent ones take
 * DEFAULT_PARAMS. Unknown keys are errors (a typo such as "lamdaNeg" would otherwise silently use the
 * default). `features` are the anchors' inputs of a detector head (the Train section's linear and
 * mlp models train on them; the loss never reads them). `expected` is accepted and ignored, so golden
 * files can be fed back in.
 *
 * Pure: no DOM, no Node modules (the browser import reuses it). Never throws: every failure is a
 * one-line message naming the case index and the field, e.g.
 * `case 3: logits[2][1] is not a finite number (got "abc")`.
 */
import { describe, errorMessage, isPlainObject, oneLine } from './jsonValues.ts';
import { DEFAULT_PARAMS, SMOOTHINGS } from '../engine/types.ts';
import type { DRParams, OriginalDistribution, Smoothing } from '../engine/types.ts';
import type { Features } from '../data/types.ts';

/** One validated problem, ready for `drLoss(logits, targets, K, params)`. */
export interface ParsedCase {
  /** Row-major R×K logits, exactly the JSON doubles. */
  readonly logits: Float64Array;
  /** R targets: -1 ignored (any negative input), 0 background, 1..K the class. */
  readonly targets: Int32Array;
  readonly R: number;
  readonly K: number;
  /** True when logits were given as a flat list of N numbers (K = 1): outputs mirror that shape. */
  readonly flat: boolean;
  /** DEFAULT_PARAMS overridden by the case's `params`. */
  readonly params: DRParams;
  /** The case's `features` (R rows of d numbers), or null when it has none. */
  readonly features: Features | null;
}

/** Outcome of reading a whole document. `isArray` says whether the input was an array of cases. */
export type ParseCasesResult =
  | { readonly ok: true; readonly cases: ParsedCase[]; readonly isArray: boolean }
  | { readonly ok: false; readonly error: string };

/** Outcome of reading one case. */
export type ParseCaseResult =
  | { readonly ok: true; readonly value: ParsedCase }
  | { readonly ok: false; readonly error: string };

/** Keys a case object may carry. */
export const CASE_KEYS: readonly string[] = ['logits', 'targets', 'params', 'features', 'expected'];

/** Keys `params` may carry (docs/maths.md §2 and §6). */
export const PARAM_KEYS: readonly string[] = [
  'margin',
  'lambdaPos',
  'lambdaNeg',
  'L',
  'tau',
  'rho',
  'smoothing',
  'negTopK',
];

/** A validation failure inside this module; converted to `{ ok: false }` at the public boundary. */
class CaseFormatError extends Error {}

function fail(message: string): never {
  throw new CaseFormatError(message);
}

/**
 * Parse JSON text (one case or an array of cases) and validate every case.
 * A leading byte-order mark is skipped. Never throws.
 */
export function parseCases(text: string): ParseCasesResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return {
      ok: false,
      error: 'input: empty (expected JSON: one case object or an array of cases)',
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `input: not valid JSON (${oneLine(errorMessage(e), 160)})` };
  }
  return parseCasesValue(value);
}

/**
 * Validate an already-parsed JSON value: a case object (→ one case, isArray false) or a non-empty
 * array of case objects (→ isArray true). Stops at the first invalid case. Never throws.
 */
export function parseCasesValue(value: unknown): ParseCasesResult {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return { ok: false, error: 'input: empty array (expected at least one case)' };
    }
    const cases: ParsedCase[] = [];
    for (let i = 0; i < value.length; i++) {
      const r = parseCase(value[i], i);
      if (!r.ok) return r;
      cases.push(r.value);
    }
    return { ok: true, cases, isArray: true };
  }
  if (!isPlainObject(value)) {
    return {
      ok: false,
      error: `input: expected one case object or an array of cases (got ${describe(value)})`,
    };
  }
  const r = parseCase(value, 0);
  return r.ok ? { ok: true, cases: [r.value], isArray: false } : r;
}

/**
 * Validate one case object; `index` only labels the error messages ("case <index>: …").
 * Never throws.
 */
export function parseCase(value: unknown, index = 0): ParseCaseResult {
  try {
    return { ok: true, value: readCase(value) };
  } catch (e) {
    // Anything other than our own validation error (e.g. an allocation failure) is still reported
    // as one line rather than thrown: callers rely on "never throws".
    const detail = e instanceof CaseFormatError ? e.message : `cannot read (${errorMessage(e)})`;
    return { ok: false, error: `case ${index}: ${oneLine(detail, 300)}` };
  }
}

function readCase(value: unknown): ParsedCase {
  if (!isPlainObject(value)) {
    fail(`expected an object with "logits" and "targets" (got ${describe(value)})`);
  }
  rejectUnknownKeys(value, CASE_KEYS, 'field', '');
  if (!Object.hasOwn(value, 'logits')) fail('missing logits');
  if (!Object.hasOwn(value, 'targets')) fail('missing targets');
  const { logits, R, K, flat } = readLogits(value.logits);
  const targets = readTargets(value.targets, R, K);
  const params = Object.hasOwn(value, 'params') ? readParams(value.params) : DEFAULT_PARAMS;
  const features = Object.hasOwn(value, 'features')
    ? readFeatures(value.features, R, 'logits')
    : null;
  return { logits, targets, R, K, flat, params, features };
}

/**
 * Validate `features`: exactly R rows (as many as `rowsOf` has) of d ≥ 1 finite numbers each.
 * Shared with the training spec (src/train/spec.ts), so both formats say the same. Never throws.
 */
export function parseFeatures(
  v: unknown,
  R: number,
  rowsOf: string,
):
  { readonly ok: true; readonly value: Features } | { readonly ok: false; readonly error: string } {
  try {
    return { ok: true, value: readFeatures(v, R, rowsOf) };
  } catch (e) {
    const detail = e instanceof CaseFormatError ? e.message : `cannot read (${errorMessage(e)})`;
    return { ok: false, error: oneLine(detail, 300) };
  }
}

function readFeatures(v: unknown, R: number, rowsOf: string): Features {
  if (!Array.isArray(v)) {
    fail(`features must be an array of ${R} rows of d numbers (got ${describe(v)})`);
  }
  if (v.length !== R) fail(`features has ${v.length} rows but ${rowsOf} has ${R}`);
  const first: unknown = v[0];
  if (!Array.isArray(first)) fail(`features[0] is not a row of numbers (got ${describe(first)})`);
  const d = first.length;
  if (d === 0) fail('features[0] is an empty row (need d ≥ 1 features)');
  const values = new Float64Array(R * d);
  for (let r = 0; r < R; r++) {
    const row: unknown = v[r];
    if (!Array.isArray(row)) {
      fail(`features[${r}] is not a row like features[0] (got ${describe(row)})`);
    }
    if (row.length !== d) {
      fail(
        `features[${r}] has ${row.length} entries but features[0] has ${d} (rows must be equal)`,
      );
    }
    for (let i = 0; i < d; i++) values[r * d + i] = finiteNumber(row[i], `features[${r}][${i}]`);
  }
  return { d, values };
}

function readLogits(v: unknown): { logits: Float64Array; R: number; K: number; flat: boolean } {
  if (!Array.isArray(v)) {
    fail(`logits must be an array of N numbers or N rows of K numbers (got ${describe(v)})`);
  }
  const R = v.length;
  if (R === 0) fail('logits is empty (need at least one row)');
  if (!Array.isArray(v[0])) {
    const logits = new Float64Array(R);
    for (let r = 0; r < R; r++) {
      if (Array.isArray(v[r])) {
        fail(`logits[${r}] is an array but logits[0] is not: give N numbers (K = 1) or N rows`);
      }
      logits[r] = finiteNumber(v[r], `logits[${r}]`);
    }
    return { logits, R, K: 1, flat: true };
  }
  const K = v[0].length;
  if (K === 0) fail('logits[0] is an empty row (need at least one class)');
  const logits = new Float64Array(R * K);
  for (let r = 0; r < R; r++) {
    const row: unknown = v[r];
    if (!Array.isArray(row)) {
      fail(`logits[${r}] is not a row like logits[0] (got ${describe(row)})`);
    }
    if (row.length !== K) {
      fail(`logits[${r}] has ${row.length} entries but logits[0] has ${K} (rows must be equal)`);
    }
    for (let c = 0; c < K; c++) logits[r * K + c] = finiteNumber(row[c], `logits[${r}][${c}]`);
  }
  return { logits, R, K, flat: false };
}

function readTargets(v: unknown, R: number, K: number): Int32Array {
  if (!Array.isArray(v)) fail(`targets must be an array of ${R} integers (got ${describe(v)})`);
  if (v.length !== R) fail(`targets has length ${v.length} but logits has ${R} rows`);
  const targets = new Int32Array(R);
  for (let i = 0; i < R; i++) {
    const t: unknown = v[i];
    if (typeof t !== 'number') fail(`targets[${i}] is not an integer (got ${describe(t)})`);
    if (!Number.isInteger(t)) fail(`targets[${i}] = ${t} is not an integer`);
    if (t > K) {
      fail(
        `targets[${i}] = ${t} is out of range (-1..K with K = ${K}; -1 or any negative = ignored)`,
      );
    }
    // Any negative means "ignored" (official code: t >= 0 selects the used rows). Normalising to -1
    // also keeps values like -1e20 from wrapping in the Int32Array.
    targets[i] = t < 0 ? -1 : t;
  }
  return targets;
}

/** How one parameter is checked: the condition on a finite number and how to say it. */
interface NumberRule {
  readonly ok: (x: number) => boolean;
  readonly want: string;
}

const NUMBER_RULES: Readonly<Record<string, NumberRule>> = {
  margin: { ok: () => true, want: 'a finite number' },
  lambdaPos: { ok: (x) => x > 0, want: 'λ+ > 0' },
  lambdaNeg: { ok: (x) => x > 0, want: 'λ− > 0' },
  L: { ok: (x) => x > 0, want: 'L > 0' },
  tau: { ok: (x) => x >= 0, want: 'τ ≥ 0' },
  rho: { ok: (x) => x > 0, want: 'ρ > 0' },
};

function readParams(v: unknown): DRParams {
  if (!isPlainObject(v)) fail(`params must be an object (got ${describe(v)})`);
  rejectUnknownKeys(v, PARAM_KEYS, 'parameter', 'params.');
  const numbers: Record<string, number> = {};
  for (const key of Object.keys(NUMBER_RULES)) {
    if (!Object.hasOwn(v, key)) continue;
    const x = finiteNumber(v[key], `params.${key}`);
    const rule = NUMBER_RULES[key];
    if (!rule.ok(x)) fail(`params.${key} = ${x} is out of range (need ${rule.want})`);
    numbers[key] = x;
  }
  let smoothing = DEFAULT_PARAMS.smoothing;
  if (Object.hasOwn(v, 'smoothing')) {
    const s: unknown = v.smoothing;
    if (typeof s !== 'string' || !(SMOOTHINGS as readonly string[]).includes(s)) {
      fail(`params.smoothing must be "logistic", "quad" or "hinge" (got ${describe(s)})`);
    }
    smoothing = s as Smoothing;
  }
  let original: OriginalDistribution = DEFAULT_PARAMS.original;
  if (Object.hasOwn(v, 'negTopK')) {
    const k: unknown = v.negTopK;
    if (typeof k !== 'number' || !Number.isSafeInteger(k) || k < 1) {
      fail(`params.negTopK must be a positive integer (got ${describe(k)})`);
    }
    original = { kind: 'hardNegative', k };
  }
  return { ...DEFAULT_PARAMS, ...numbers, smoothing, original };
}

function finiteNumber(x: unknown, field: string): number {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  return fail(`${field} is not a finite number (got ${describe(x)})`);
}

function rejectUnknownKeys(
  obj: Record<string, unknown>,
  known: readonly string[],
  what: string,
  prefix: string,
): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    // Odd keys (spaces, dots, newlines) are quoted so the message stays one unambiguous line.
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    const guess = closest(key, known);
    const hint = guess === null ? '' : `did you mean ${guess}? `;
    fail(`${prefix}${name} is not a known ${what} (${hint}known: ${known.join(', ')})`);
  }
}

/** The known key within edit distance 2 of `key` (case-insensitive), if any: typo hints. */
function closest(key: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** Levenshtein distance; keys are short, so the O(|a|·|b|) table is fine. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
