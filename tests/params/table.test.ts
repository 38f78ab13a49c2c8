import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/types.ts';
import {
  DEFAULT_APP_PARAMS,
  HARD_K_SPEC,
  fromEngineParams,
  NUMERIC_SPECS,
  PARAM_SPECS,
  checkParam,
  fromSlider,
  sliderMax,
  sliderMin,
  specOf,
  toEngineParams,
  toSlider,
} from '../../src/params/table.ts';

describe('PARAM_SPECS', () => {
  it('has one row per symbol γ, λ+, λ−, L, τ, ρ, in that order', () => {
    expect(PARAM_SPECS.map((s) => s.symbol)).toEqual(['γ', 'λ+', 'λ−', 'L', 'τ', 'ρ']);
  });

  it('puts every default inside its range and equal to DEFAULT_APP_PARAMS', () => {
    for (const s of NUMERIC_SPECS) {
      expect(s.min).toBeLessThanOrEqual(s.default);
      expect(s.default).toBeLessThanOrEqual(s.max);
      expect(DEFAULT_APP_PARAMS[s.key]).toBe(s.default);
    }
  });

  it('uses the paper defaults: γ=0.5, λ+=1, λ−=0.1/ln 3.5 ≈ 0.07982356, L=6, τ=4, ρ=0.5', () => {
    expect(specOf('margin').default).toBe(0.5);
    expect(specOf('lambdaPos').default).toBe(1);
    expect(Math.abs(specOf('lambdaNeg').default - 0.07982356) / 0.07982356).toBeLessThan(1e-8);
    expect(specOf('L').default).toBe(6);
    expect(specOf('tau').default).toBe(4);
    expect(specOf('rho').default).toBe(0.5);
  });

  it('puts both temperatures on a log scale and the rest on a linear one', () => {
    const log = PARAM_SPECS.filter((s) => s.scale === 'log').map((s) => s.key);
    expect(log).toEqual(['lambdaPos', 'lambdaNeg']);
  });
});

describe('toEngineParams', () => {
  it('maps the default app params to the engine defaults', () => {
    expect(toEngineParams(DEFAULT_APP_PARAMS)).toEqual(DEFAULT_PARAMS);
  });

  it('carries n̂ into a hard-negative original distribution', () => {
    const p = toEngineParams({ ...DEFAULT_APP_PARAMS, original: 'hardNegative', hardK: 7 });
    expect(p.original).toEqual({ kind: 'hardNegative', k: 7 });
  });
});

describe('checkParam', () => {
  const gamma = specOf('margin');
  it('refuses NaN and ±Infinity with a message naming the symbol', () => {
    for (const v of [NaN, Infinity, -Infinity]) {
      const r = checkParam(gamma, v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain('γ');
    }
  });

  it('clamps out-of-range values to the nearest end and says so', () => {
    expect(checkParam(gamma, 3)).toEqual({ ok: true, value: 1, clamped: true });
    expect(checkParam(gamma, -1)).toEqual({ ok: true, value: 0, clamped: true });
  });

  it('returns an in-range value bit for bit', () => {
    const v = 0.1 / Math.log(3.5);
    expect(checkParam(specOf('lambdaNeg'), v)).toEqual({ ok: true, value: v, clamped: false });
  });

  it('refuses a fractional n̂', () => {
    expect(checkParam(specOf('hardK'), 2.5).ok).toBe(false);
    expect(checkParam(specOf('hardK'), 3)).toEqual({ ok: true, value: 3, clamped: false });
  });
});

describe('slider mapping', () => {
  it('round-trips a value through a log slider position to 1e-12 relative', () => {
    const s = specOf('lambdaNeg');
    for (const v of [1e-3, 0.0798, 1, 37.5]) {
      expect(Math.abs(fromSlider(s, toSlider(s, v)) - v) / v).toBeLessThan(1e-12);
    }
  });

  it('keeps slider ends inside [min, max]', () => {
    for (const s of PARAM_SPECS) {
      const lo = fromSlider(s, sliderMin(s));
      const hi = fromSlider(s, sliderMax(s));
      expect(lo).toBeGreaterThanOrEqual(s.min);
      expect(hi).toBeLessThanOrEqual(s.max);
      expect(Math.abs(lo - s.min)).toBeLessThanOrEqual(1e-12 * Math.max(1, s.min));
    }
  });
});

describe('the hard-negative k between the app and the engine', () => {
  it('fromEngineParams inverts toEngineParams for any app parameters', () => {
    fc.assert(
      fc.property(
        fc.record({
          margin: fc.double({ min: 0, max: 1, noNaN: true }),
          lambdaPos: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
          lambdaNeg: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
          L: fc.double({ min: 0.1, max: 50, noNaN: true }),
          tau: fc.double({ min: 0, max: 20, noNaN: true }),
          rho: fc.double({ min: 0.01, max: 1, noNaN: true }),
          smoothing: fc.constantFrom('logistic' as const, 'quad' as const, 'hinge' as const),
          original: fc.constant('hardNegative' as const),
          hardK: fc.integer({ min: 1, max: 1e8 }),
        }),
        (app) => {
          expect(fromEngineParams(toEngineParams(app))).toEqual(app);
        },
      ),
    );
  });

  it('a uniform prior carries no k to the engine and comes back with the default n̂', () => {
    const app = { ...DEFAULT_APP_PARAMS, hardK: 77 };
    expect(toEngineParams(app).original).toEqual({ kind: 'uniform' });
    expect(fromEngineParams(toEngineParams(app)).hardK).toBe(HARD_K_SPEC.default);
  });
});
