/**
 * ε as an input (paper Proposition 1's constrained form): the radius ε of the KL ball around o within
 * which the worst-case q is sought. The paper's Lagrangian form uses λ; the two are linked by
 * ε = KL(q_λ‖o), decreasing in λ. Given ε− (or ε+), this finds the λ− (λ+) whose q sits exactly on the
 * ball's boundary, by the engine's inversion (lambdaForEpsilon, docs/maths.md §3.2). Pure: the controls
 * call it with the set on the main thread; tests/app/epsilon.test.ts checks KL(q‖o) = ε afterwards.
 */
import type { CandidateSet } from '../data/types.ts';
import { lambdaForEpsilon, pool, setPriors } from '../engine/index.ts';
import type { StringKey, StringVars } from '../i18n/strings.ts';
import { specOf, toEngineParams } from '../params/table.ts';
import type { AppParams } from '../params/types.ts';
import { formatParam } from './format.ts';
import { formatSig } from './epsilonText.ts';

export { formatSig, parseEpsilon } from './epsilonText.ts';

/** Which set's radius: negatives (ε−, sets λ−) or positives (ε+, sets λ+). */
export type EpsilonSet = 'neg' | 'pos';

/** The temperature to apply, or why none is (a string-table key and its values). */
export type EpsilonOutcome =
  | {
      readonly kind: 'apply';
      readonly key: 'lambdaNeg' | 'lambdaPos';
      readonly lambda: number;
      readonly epsilon: number;
    }
  | { readonly kind: 'error'; readonly message: StringKey; readonly vars: StringVars };

/** The λ of `which` set whose q has KL(q‖o) = `epsilon` for `set` under `params` (its prior o). */
export function lambdaFromEpsilon(
  set: CandidateSet,
  params: AppParams,
  which: EpsilonSet,
  epsilon: number,
): EpsilonOutcome {
  const symbol = which === 'neg' ? 'ε−' : 'ε+';
  if (!Number.isFinite(epsilon) || epsilon < 0) {
    return { kind: 'error', message: 'epsilon.invalid', vars: { symbol } };
  }
  const pooled = pool(set.logits, set.targets, set.K);
  const p = which === 'neg' ? pooled.pNeg : pooled.pPos;
  if (p.length === 0) return { kind: 'error', message: 'epsilon.empty', vars: { symbol } };
  const priors = setPriors(pooled, toEngineParams(params).original);
  const out = lambdaForEpsilon(p, epsilon, which === 'neg' ? 1 : -1, priors[which]);
  if (out.status === 'uniform') return { kind: 'error', message: 'epsilon.zero', vars: { symbol } };
  if (out.status === 'unattainable') {
    return {
      kind: 'error',
      message: 'epsilon.tooLarge',
      vars: { symbol, value: formatParam(epsilon), max: formatSig(out.maxEpsilon) },
    };
  }
  const key = which === 'neg' ? 'lambdaNeg' : 'lambdaPos';
  const spec = specOf(key);
  if (out.lambda < spec.min || out.lambda > spec.max) {
    return {
      kind: 'error',
      message: 'epsilon.outOfRange',
      vars: {
        symbol,
        value: formatParam(epsilon),
        lambdaSymbol: spec.symbol,
        lambda: formatSig(out.lambda),
        min: formatParam(spec.min),
        max: formatParam(spec.max),
      },
    };
  }
  return { kind: 'apply', key, lambda: out.lambda, epsilon: out.epsilon };
}
