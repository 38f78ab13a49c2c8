/**
 * Parameter resolution and validation: one place that says which DRParams the engine accepts.
 */
import { DEFAULT_PARAMS, SMOOTHINGS } from './types.ts';
import type { DRParams } from './types.ts';

/** 'logistic', 'quad' or 'hinge': SMOOTHINGS for messages. */
const SMOOTHING_NAMES = SMOOTHINGS.map((s) => `'${s}'`)
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');

function positiveFinite(name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v))
    throw new RangeError(`${name} must be finite and > 0, got ${v}`);
}

function finite(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${name} must be finite, got ${v}`);
}

/**
 * Throws a RangeError naming the first invalid field: λ±, L, ρ must be finite and > 0; γ and τ finite;
 * smoothing one of SMOOTHINGS; a hard-negative k a positive integer. Weights are checked
 * against the problem size where they are used (evaluate).
 */
export function validateParams(p: DRParams): void {
  finite('margin', p.margin);
  positiveFinite('lambdaPos', p.lambdaPos);
  positiveFinite('lambdaNeg', p.lambdaNeg);
  positiveFinite('L', p.L);
  finite('tau', p.tau);
  positiveFinite('rho', p.rho);
  if (!(SMOOTHINGS as readonly unknown[]).includes(p.smoothing)) {
    throw new RangeError(`smoothing must be ${SMOOTHING_NAMES}, got ${String(p.smoothing)}`);
  }
  const o = p.original;
  if (o.kind === 'hardNegative') {
    if (!Number.isInteger(o.k) || o.k < 1) {
      throw new RangeError(`hardNegative k must be an integer ≥ 1, got ${o.k}`);
    }
  } else if (o.kind !== 'uniform' && o.kind !== 'weights') {
    throw new RangeError(`unknown original distribution ${String((o as { kind: unknown }).kind)}`);
  }
}

/** DEFAULT_PARAMS overridden by the given fields (docs/maths.md §2), validated. */
export function resolveParams(partial: Partial<DRParams> = {}): DRParams {
  const p: DRParams = { ...DEFAULT_PARAMS, ...partial };
  validateParams(p);
  return p;
}
