/**
 * The `load` a first visit sends (the default preset, seed and parameters), which the engine worker
 * computes on its own as soon as it has started (engine.worker.ts → handler.prime): the page asks
 * for it only once its own chunks have been evaluated and the store booted, and on a cold load the
 * worker's first evaluation, in code not yet optimised, took 23–30 ms (measured in Chromium),
 * all of it between the request and the first readout. A request equal to it (sameLoad) is
 * answered with the reply computed then; any other is computed as usual.
 */
import { DEFAULT_SOURCE } from '../data/presets.ts';
import { DEFAULT_APP_PARAMS } from '../params/table.ts';
import type { LoadRequest } from './protocol.ts';

/** The first request of a visit without a link or a saved state (its generation is the client's). */
export function firstLoad(): LoadRequest {
  return { type: 'load', gen: 0, source: DEFAULT_SOURCE, params: DEFAULT_APP_PARAMS };
}

/**
 * Whether two loads ask for the same thing: the same source, parameters and pool size, compared
 * value by value (Object.is on numbers, so −0 and 0 differ; typed arrays element by element). The
 * generation is not compared.
 */
export function sameLoad(a: LoadRequest, b: LoadRequest): boolean {
  return (
    a.poolSize === b.poolSize && sameValue(a.source, b.source) && sameValue(a.params, b.params)
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b)) return false;
    if (a.constructor !== b.constructor) return false;
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((k) => Object.hasOwn(recordB, k) && sameValue(recordA[k], recordB[k]));
}
