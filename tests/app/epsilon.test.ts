/**
 * ε as an input: the λ found for a typed constraint radius puts q exactly on the KL ball's boundary,
 * as the engine then computes it (KL(q‖o) = ε to 1e-6 and better), for both sets and both priors.
 */
import { describe, expect, it } from 'vitest';
import { formatSig, lambdaFromEpsilon, parseEpsilon } from '../../src/app/epsilon.ts';
import { generatePreset } from '../../src/data/presets.ts';
import { explain } from '../../src/explain/index.ts';
import { t } from '../../src/i18n/strings.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';

const hard: AppParams = { ...DEFAULT_APP_PARAMS, original: 'hardNegative', hardK: 50 };

describe('lambdaFromEpsilon', () => {
  it.each([
    ['paper-default', DEFAULT_APP_PARAMS, 1],
    ['paper-default', DEFAULT_APP_PARAMS, 0.01],
    ['imbalance-1000', DEFAULT_APP_PARAMS, 1],
    ['hard-negatives', hard, 1],
    ['fig2-large-var', DEFAULT_APP_PARAMS, 2.5],
  ] as const)('%s: ε− = %#… makes the engine’s KL(q−‖o−) equal ε', (id, params, eps) => {
    const set = generatePreset(id, 1);
    const out = lambdaFromEpsilon(set, params, 'neg', eps);
    if (out.kind !== 'apply') throw new Error(JSON.stringify(out));
    expect(out.key).toBe('lambdaNeg');
    const r = explain(set, { ...params, lambdaNeg: out.lambda }).result;
    expect(Math.abs(r.klNeg - eps)).toBeLessThan(1e-6 * Math.max(1, eps));
    expect(Math.abs(r.klNeg - eps)).toBeLessThan(1e-9);
  });

  it('ε+ sets λ+ with the minus sign of Proposition 2', () => {
    const set = generatePreset('paper-default', 1);
    const out = lambdaFromEpsilon(set, DEFAULT_APP_PARAMS, 'pos', 0.2);
    if (out.kind !== 'apply') throw new Error(JSON.stringify(out));
    expect(out.key).toBe('lambdaPos');
    const r = explain(set, { ...DEFAULT_APP_PARAMS, lambdaPos: out.lambda }).result;
    expect(r.klPos).toBeCloseTo(0.2, 9);
  });

  it('a larger ε gives a smaller λ (the radius grows as the temperature falls)', () => {
    const set = generatePreset('paper-default', 1);
    const lam = (e: number) => {
      const o = lambdaFromEpsilon(set, DEFAULT_APP_PARAMS, 'neg', e);
      return o.kind === 'apply' ? o.lambda : NaN;
    };
    expect(lam(0.1)).toBeGreaterThan(lam(1));
    expect(lam(1)).toBeGreaterThan(lam(3));
  });

  it('refuses what cannot be a radius, with a key of the string table and its values', () => {
    const set = generatePreset('paper-default', 1);
    const err = (which: 'neg' | 'pos', e: number, s = generatePreset('paper-default', 1)) => {
      const o = lambdaFromEpsilon(s, DEFAULT_APP_PARAMS, which, e);
      if (o.kind !== 'error') throw new Error('expected an error');
      return o;
    };
    expect(err('neg', Number.NaN).message).toBe('epsilon.invalid');
    expect(err('neg', -1).message).toBe('epsilon.invalid');
    expect(err('neg', 0).message).toBe('epsilon.zero');
    // sup ε = log(n−/|A|) = log 825 for 825 distinct negative scores
    const big = err('neg', 100);
    expect(big.message).toBe('epsilon.tooLarge');
    expect(Number(big.vars.max)).toBeCloseTo(Math.log(825), 5);
    expect(err('pos', 0.5, generatePreset('no-positives', 1)).message).toBe('epsilon.empty');
    // a tiny ε needs a λ above the slider's 1e4
    const far = err('neg', 1e-12, set);
    expect(far.message).toBe('epsilon.outOfRange');
    for (const o of [big, far]) {
      expect(t('en')(o.message, o.vars)).not.toMatch(/\{\w+\}/);
      expect(t('zh')(o.message, o.vars)).not.toMatch(/\{\w+\}/);
    }
  });

  it('parses typed text and formats with 7 significant digits', () => {
    expect(parseEpsilon(' 1e-3 ')).toBe(0.001);
    expect(parseEpsilon('')).toBeNaN();
    expect(parseEpsilon('x')).toBeNaN();
    expect(formatSig(Math.LN2)).toBe('0.6931472');
    expect(formatSig(1)).toBe('1');
  });
});
