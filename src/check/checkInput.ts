/**
 * The input of `dr check`: one check or an array of checks. A check is a case (src/io/case.ts: logits,
 * targets, params) plus `yours`: {"loss": number, "grad"?: shaped like logits, "pPlus"?, "pMinus"?},
 * the numbers another implementation produced for that case.
 *
 * Pure: no DOM, no Node modules. Never throws: every failure is one line naming the case and the
 * field, like the case format's, e.g. `case 2: yours.grad[1][0] is not a finite number (got null)`.
 */
import { parseCase } from '../io/case.ts';
import type { ParsedCase } from '../io/case.ts';

/** The numbers under test, in engine shapes (grad flattened row-major). */
export interface Yours {
  readonly loss: number;
  readonly pPlus?: number;
  readonly pMinus?: number;
  readonly grad?: Float64Array;
}

/** One validated check. */
export interface Check {
  readonly problem: ParsedCase;
  readonly yours: Yours;
}

export type ParseChecksResult =
  | { readonly ok: true; readonly checks: Check[]; readonly isArray: boolean }
  | { readonly ok: false; readonly error: string };

/** Keys `yours` may carry. */
export const YOURS_KEYS: readonly string[] = ['loss', 'pPlus', 'pMinus', 'grad'];

class CheckFormatError extends Error {}

function fail(message: string): never {
  throw new CheckFormatError(message);
}

/** The error for an input of white space alone (also the CLI's, which streams the JSON). */
export const CHECKS_EMPTY = 'input: empty (expected JSON: one check object or an array of checks)';

/** Parse JSON text holding one check or an array of checks. Never throws. */
export function parseChecks(text: string): ParseChecksResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: CHECKS_EMPTY };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const m = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').slice(0, 160);
    return { ok: false, error: `input: not valid JSON (${m})` };
  }
  return parseChecksValue(value);
}

/** Validate an already-parsed value: a check object or a non-empty array of them. Never throws. */
export function parseChecksValue(value: unknown): ParseChecksResult {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0)
    return { ok: false, error: 'input: empty array (expected at least one check)' };
  if (!Array.isArray(value) && !isObject(value)) {
    return {
      ok: false,
      error: `input: expected one check object or an array of checks (got ${describe(value)})`,
    };
  }
  const checks: Check[] = [];
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (!isObject(item)) {
      return { ok: false, error: `case ${i}: expected a check object (got ${describe(item)})` };
    }
    if (!Object.hasOwn(item, 'yours')) {
      return {
        ok: false,
        error: `case ${i}: missing yours (your implementation's {"loss", "grad", "pPlus", "pMinus"})`,
      };
    }
    const { yours, ...rest } = item;
    const parsed = parseCase(rest, i);
    if (!parsed.ok) return parsed;
    try {
      checks.push({ problem: parsed.value, yours: readYours(yours, parsed.value) });
    } catch (e) {
      const m = e instanceof CheckFormatError ? e.message : `cannot read (${String(e)})`;
      return { ok: false, error: `case ${i}: ${m}` };
    }
  }
  return { ok: true, checks, isArray: Array.isArray(value) };
}

function readYours(v: unknown, c: ParsedCase): Yours {
  if (!isObject(v)) fail(`yours must be an object with "loss" (got ${describe(v)})`);
  for (const key of Object.keys(v)) {
    if (!YOURS_KEYS.includes(key)) {
      fail(`yours.${key} is not a known field (known: ${YOURS_KEYS.join(', ')})`);
    }
  }
  if (!Object.hasOwn(v, 'loss')) fail('missing yours.loss');
  const out: { loss: number; pPlus?: number; pMinus?: number; grad?: Float64Array } = {
    loss: finite(v.loss, 'yours.loss'),
  };
  if (Object.hasOwn(v, 'pPlus')) out.pPlus = finite(v.pPlus, 'yours.pPlus');
  if (Object.hasOwn(v, 'pMinus')) out.pMinus = finite(v.pMinus, 'yours.pMinus');
  if (Object.hasOwn(v, 'grad')) out.grad = readGrad(v.grad, c);
  return out;
}

/**
 * The gradient in the logits' shape: R numbers for flat logits, R rows of K numbers otherwise; with
 * K = 1 either shape is accepted (frameworks hand back (R,) or (R, 1)).
 */
function readGrad(v: unknown, c: ParsedCase): Float64Array {
  const { R, K } = c;
  const shape = c.flat ? `${R} numbers` : `${R} rows of ${K} numbers`;
  if (!Array.isArray(v))
    fail(`yours.grad must be shaped like logits: ${shape} (got ${describe(v)})`);
  if (v.length !== R) fail(`yours.grad has length ${v.length} but logits has ${R} rows`);
  const grad = new Float64Array(R * K);
  const nested = Array.isArray(v[0]);
  if (!nested && K !== 1)
    fail(`yours.grad[0] is not a row of ${K} numbers (got ${describe(v[0])})`);
  for (let r = 0; r < R; r++) {
    const row: unknown = v[r];
    if (!nested) {
      grad[r] = finite(row, `yours.grad[${r}]`);
      continue;
    }
    if (!Array.isArray(row))
      fail(`yours.grad[${r}] is not a row like yours.grad[0] (got ${describe(row)})`);
    if (row.length !== K)
      fail(`yours.grad[${r}] has ${row.length} entries but logits has K = ${K}`);
    for (let k = 0; k < K; k++) grad[r * K + k] = finite(row[k], `yours.grad[${r}][${k}]`);
  }
  return grad;
}

function finite(x: unknown, field: string): number {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  return fail(`${field} is not a finite number (got ${describe(x)})`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : `${v}`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}
