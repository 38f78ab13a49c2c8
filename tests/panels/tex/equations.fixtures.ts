/**
 * Small deterministic fixtures for the equation and panel tests, built by the shared explain():
 * docs/maths.md §6's worked example (logits [2, −1, 0.5, −3, −2], targets [1, 1, 0, 0, 0]: DR 2.5625233,
 * P̂+ 0.484092, P̂− 0.621115 at the defaults) and variations of it.
 */
import { explain } from '../../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../../src/params/table.ts';
import type { AppParams } from '../../../src/params/types.ts';
import type { CandidateSet } from '../../../src/data/types.ts';
import type { ExplainerData } from '../../../src/explain/types.ts';

export const EXAMPLE_LOGITS = [2, -1, 0.5, -3, -2] as const;

/** A one-class set from logits and targets. */
export function oneClassSet(logits: readonly number[], targets: readonly number[]): CandidateSet {
  return {
    R: logits.length,
    K: 1,
    logits: Float64Array.from(logits),
    targets: Int32Array.from(targets),
  };
}

/** Explain a set under the defaults overridden by `params`. */
export function explainWith(
  set: CandidateSet,
  params: Partial<AppParams> = {},
): { data: ExplainerData; params: AppParams } {
  const full: AppParams = { ...DEFAULT_APP_PARAMS, ...params };
  return { data: explain(set, full), params: full };
}

/** §6's example: two positives (rows 0, 1), three negatives (rows 2–4). */
export function example(params: Partial<AppParams> = {}) {
  return explainWith(oneClassSet(EXAMPLE_LOGITS, [1, 1, 0, 0, 0]), params);
}

/** §6's example with no positive (and row 3 ignored). */
export function exampleNoPositives(params: Partial<AppParams> = {}) {
  return explainWith(oneClassSet(EXAMPLE_LOGITS, [0, 0, 0, -1, 0]), params);
}

/** Only positives: P̂− = 0 as the official code. */
export function exampleNoNegatives(params: Partial<AppParams> = {}) {
  return explainWith(oneClassSet(EXAMPLE_LOGITS, [1, 1, 1, 1, 1]), params);
}

/**
 * A seeded random one-class set of n rows with roughly `posRate` positives (an LCG so it is the same
 * on every machine); logits uniform in [−spread, spread].
 */
export function seededSet(n: number, seed: number, posRate = 0.2, spread = 6): CandidateSet {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const logits = new Float64Array(n);
  const targets = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    logits[i] = (2 * next() - 1) * spread;
    targets[i] = next() < posRate ? 1 : 0;
  }
  return { R: n, K: 1, logits, targets };
}
