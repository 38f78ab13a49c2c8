import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, resolveParams } from '../../src/engine/index.ts';

describe('resolveParams', () => {
  it('fills missing fields from the paper defaults (γ=0.5, λ+=1, λ−=0.1/ln 3.5, L=6, τ=4, ρ=0.5)', () => {
    const p = resolveParams({ L: 4 });
    expect(p.L).toBe(4);
    expect(p.margin).toBe(0.5);
    expect(Math.abs(p.lambdaNeg - 0.07982356)).toBeLessThan(1e-9);
    expect(p).toEqual({ ...DEFAULT_PARAMS, L: 4 });
  });

  it.each([
    ['lambdaPos', 0],
    ['lambdaNeg', -1],
    ['lambdaNeg', Infinity],
    ['L', NaN],
    ['rho', 0],
    ['margin', NaN],
    ['tau', Infinity],
  ] as const)('rejects %s = %s', (key, value) => {
    expect(() => resolveParams({ [key]: value })).toThrow(new RegExp(key));
  });

  it('rejects an unknown smoothing and a non-integer hard-negative k', () => {
    expect(() => resolveParams({ smoothing: 'cubic' as never })).toThrow(/smoothing/);
    expect(() => resolveParams({ original: { kind: 'hardNegative', k: 2.5 } })).toThrow(
      /k must be/,
    );
  });
});
