/**
 * `dr check`'s diagnosis: compare another implementation's numbers with the official semantics (the
 * engine, float64) and, when they differ, with every known port variant (variants.ts, computed by
 * reference.ts), each within the rounding bounds of tolerance.ts; name what matches and say what to
 * change. Pure: no DOM, no Node modules (the app can run it in a worker).
 */
import { drLoss } from '../engine/index.ts';
import type { ParsedCase } from '../io/case.ts';
import type { Check, Yours } from './checkInput.ts';
import { evaluateReference } from './reference.ts';
import type { Problem } from './reference.ts';
import { errorBounds, FLOAT32, FLOAT64 } from './tolerance.ts';
import type { Bounds, Precision } from './tolerance.ts';
import { MATHS_VARIANT_IDS, VARIANT_DESCRIPTIONS, VARIANT_HINTS, VARIANT_IDS } from './variants.ts';
import type { MathsVariantId, VariantId } from './variants.ts';

export type Verdict = 'match' | 'match-float32' | 'mismatch';

/** How closely one field agrees with the official value. */
export type Agreement = 'float64' | 'float32' | 'none';

/** One scalar field against the official value. */
export interface ScalarField {
  readonly yours: number;
  readonly expected: number;
  /** |yours − expected| / |expected| (null when that is not a finite number, e.g. expected is 0). */
  readonly relError: number | null;
  readonly agreement: Agreement;
}

/** The gradient against the official one: the largest error and where it is. */
export interface GradField {
  readonly maxAbsError: number;
  /** maxAbsError / max_j |expected_j| (null when not a finite number: an all-zero expected gradient). */
  readonly relError: number | null;
  /** [row] for flat logits, [row, class] otherwise. */
  readonly at: number[];
  readonly yours: number;
  readonly expected: number;
  readonly agreement: Agreement;
}

/** The diagnosis of one check (the JSON `dr check` prints per check). */
export interface Diagnosis {
  readonly verdict: Verdict;
  readonly variant: VariantId | null;
  /** Every id whose numbers match yours, in table order (see `diagnose` for the levels). */
  readonly matches: VariantId[];
  readonly fields: {
    readonly loss: ScalarField;
    readonly pPlus?: ScalarField;
    readonly pMinus?: ScalarField;
    readonly grad?: GradField;
  };
  readonly hint: string;
}

/** The outputs of one candidate implementation and its error bounds at both precisions. */
interface Candidate {
  readonly id: VariantId;
  readonly loss: number;
  readonly pPlus: number | null;
  readonly pMinus: number | null;
  readonly grad: Float64Array;
  readonly bounds: Readonly<Record<Precision['name'], Bounds>>;
}

/** Whether every field of `yours` lies within `bounds` of the candidate's value (skipping fields it lacks). */
function within(yours: Yours, c: Candidate, b: Bounds): boolean {
  const close = (y: number, e: number, t: number) => Number.isFinite(e) && Math.abs(y - e) <= t;
  if (!close(yours.loss, c.loss, b.loss)) return false;
  if (yours.pPlus !== undefined && c.pPlus !== null && b.pPlus !== null) {
    if (!close(yours.pPlus, c.pPlus, b.pPlus)) return false;
  }
  if (yours.pMinus !== undefined && c.pMinus !== null && b.pMinus !== null) {
    if (!close(yours.pMinus, c.pMinus, b.pMinus)) return false;
  }
  if (yours.grad !== undefined) {
    const g = yours.grad;
    for (let i = 0; i < g.length; i++) if (!close(g[i], c.grad[i], b.grad[i])) return false;
  }
  return true;
}

/** The candidate for the official maths (engine outputs) or one variant (reference outputs). */
function candidate(problem: Problem, id: 'official' | MathsVariantId): Candidate {
  const trace = evaluateReference(problem, id === 'official' ? null : id);
  const bounds = {
    float64: errorBounds(trace, problem.params, FLOAT64),
    float32: errorBounds(trace, problem.params, FLOAT32),
  };
  if (id !== 'official') return { id, ...trace, bounds };
  // The official numbers are the engine's (what `dr` prints); the reference supplies the bounds.
  const { result, gradLogits } = drLoss(problem.logits, problem.targets, problem.K, problem.params);
  return {
    id,
    loss: result.loss,
    pPlus: result.pPlus,
    pMinus: result.pMinus,
    grad: gradLogits,
    bounds,
  };
}

/**
 * Diagnose one check.
 *
 * Verdict: "match" when yours is the official within the float64 bounds, "match-float32" when within
 * the float32 bounds, else "mismatch". `matches` lists, in table order: with "match", official and
 * every variant within its float64 bounds (variants that coincide with the official maths on this
 * case); with "match-float32", float32 and every variant within its float32 bounds; with "mismatch",
 * the variants within their float64 bounds, or if none, within their float32 bounds. `variant` is the
 * first of `matches`, or null.
 */
export function diagnose(check: Check): Diagnosis {
  const { problem, yours } = check;
  const official = candidate(problem, 'official');
  const at = (c: Candidate, p: Precision['name']) => within(yours, c, c.bounds[p]);
  // One variant at a time, kept only as two booleans: a candidate holds several arrays of R·K
  // numbers, and a detection-scale case has millions of entries.
  const v64: MathsVariantId[] = [];
  const v32: MathsVariantId[] = [];
  for (const id of MATHS_VARIANT_IDS) {
    const c = candidate(problem, id);
    if (at(c, 'float64')) v64.push(id);
    if (at(c, 'float32')) v32.push(id);
  }

  let verdict: Verdict;
  let matches: VariantId[];
  if (at(official, 'float64')) {
    verdict = 'match';
    matches = ['official', ...v64];
  } else if (at(official, 'float32')) {
    verdict = 'match-float32';
    matches = ['float32', ...v32];
  } else {
    verdict = 'mismatch';
    matches = v64.length > 0 ? v64 : v32;
  }
  matches.sort((a, b) => VARIANT_IDS.indexOf(a) - VARIANT_IDS.indexOf(b));
  const variant = matches.length > 0 ? matches[0] : null;
  const fields = compareFields(yours, official, problem);
  return {
    verdict,
    variant,
    matches,
    fields,
    hint: hintFor(verdict, variant, matches, v64, fields),
  };
}

/** err / scale; 0 for 0/0; null when not a finite number (e.g. yours is 1e308 and expected 1e-5). */
function ratio(err: number, scale: number): number | null {
  if (err === 0) return 0;
  const r = err / scale;
  return Number.isFinite(r) ? r : null;
}

function agreement(err: number, b64: number, b32: number): Agreement {
  return err <= b64 ? 'float64' : err <= b32 ? 'float32' : 'none';
}

function scalar(y: number, e: number, b64: number, b32: number): ScalarField {
  const err = Math.abs(y - e);
  return {
    yours: y,
    expected: e,
    relError: ratio(err, Math.abs(e)),
    agreement: agreement(err, b64, b32),
  };
}

function compareFields(yours: Yours, c: Candidate, problem: ParsedCase): Diagnosis['fields'] {
  const b64 = c.bounds.float64;
  const b32 = c.bounds.float32;
  const fields: {
    loss: ScalarField;
    pPlus?: ScalarField;
    pMinus?: ScalarField;
    grad?: GradField;
  } = { loss: scalar(yours.loss, c.loss, b64.loss, b32.loss) };
  if (yours.pPlus !== undefined) {
    fields.pPlus = scalar(yours.pPlus, c.pPlus ?? NaN, b64.pPlus ?? 0, b32.pPlus ?? 0);
  }
  if (yours.pMinus !== undefined) {
    fields.pMinus = scalar(yours.pMinus, c.pMinus ?? NaN, b64.pMinus ?? 0, b32.pMinus ?? 0);
  }
  if (yours.grad !== undefined) fields.grad = gradField(yours.grad, c, problem);
  return fields;
}

function gradField(g: Float64Array, c: Candidate, problem: ParsedCase): GradField {
  let worst = 0;
  let maxAbs = 0;
  let maxExpected = 0;
  let level = 0; // 0 float64, 1 float32, 2 none
  for (let i = 0; i < g.length; i++) {
    const err = Math.abs(g[i] - c.grad[i]);
    if (err > maxAbs) [maxAbs, worst] = [err, i];
    maxExpected = Math.max(maxExpected, Math.abs(c.grad[i]));
    if (err > c.bounds.float32.grad[i]) level = 2;
    else if (err > c.bounds.float64.grad[i]) level = Math.max(level, 1);
  }
  const { K } = problem;
  const at = problem.flat ? [worst] : [Math.floor(worst / K), worst % K];
  return {
    maxAbsError: maxAbs,
    relError: ratio(maxAbs, maxExpected),
    at,
    yours: g[worst],
    expected: c.grad[worst],
    agreement: (['float64', 'float32', 'none'] as const)[level],
  };
}

/** One sentence (or two) on what to change. */
function hintFor(
  verdict: Verdict,
  variant: VariantId | null,
  matches: readonly VariantId[],
  v64: readonly MathsVariantId[],
  fields: Diagnosis['fields'],
): string {
  if (verdict === 'match') return VARIANT_HINTS.official;
  if (verdict === 'match-float32') {
    if (v64.length === 0) return VARIANT_HINTS.float32;
    const id = v64[0];
    return `${VARIANT_HINTS.float32} Your numbers also match ${id} (${VARIANT_DESCRIPTIONS[id]}) to float64 rounding: if your code computes in float64, that is the difference. ${VARIANT_HINTS[id]}`;
  }
  if (variant !== null) {
    const others = matches.slice(1);
    const also =
      others.length > 0 ? ` (The same numbers also come from: ${others.join(', ')}.)` : '';
    return `${VARIANT_HINTS[variant]}${also}`;
  }
  const off = (Object.keys(fields) as (keyof Diagnosis['fields'])[]).filter(
    (k) => fields[k]?.agreement === 'none',
  );
  if (!off.includes('loss') && off.includes('grad')) {
    const at = fields.grad?.at.join(', ') ?? '';
    return `No known variant matches: your loss is right but your gradient is not (largest error at [${at}]); check the backward pass against ∂loss/∂p_j = +s·q−_j·(1 + (p_j − P̂−)/λ−) for negatives and −s·q+_j·(1 − (p_j − P̂+)/λ+) for positives, times p_j(1 − p_j), with s = τ·ℓ′(z).`;
  }
  if (off.includes('pPlus') || off.includes('pMinus')) {
    const which = off.filter((k) => k === 'pPlus' || k === 'pMinus').join(' and ');
    return `No known variant matches: ${which} differ${which.includes(' and ') ? '' : 's'} from the official value, so the difference is before the surrogate: check which entries are positive (targets[r] == c+1) and negative (targets[r] ≥ 0, any other c), and the weights softmax(−p/λ+) and softmax(p/λ−).`;
  }
  return 'No known variant matches: compare the fields above with the official values; start from P̂+ and P̂− (report them in yours to narrow it down), then z = P̂− − P̂+ + γ and the surrogate τ·log(1 + e^{L·z})/L.';
}
