// @vitest-environment jsdom
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { paren, texNum, texP, texPct } from '../../../src/panels/tex/texNumbers.ts';
import { texSource } from '../../../src/panels/tex/Tex.tsx';
import {
  EQUATIONS,
  texDR,
  texGradient,
  texLogistic,
  texPMinus,
  texPPlus,
  texQNeg,
  texQPos,
  texQuadratic,
  texTemperatures,
  type EquationInput,
} from '../../../src/panels/tex/equations.ts';
import type { AppParams } from '../../../src/params/types.ts';
import {
  example,
  exampleNoNegatives,
  exampleNoPositives,
  explainWith,
  oneClassSet,
  seededSet,
} from './equations.fixtures.ts';

/** Parse as <Tex> does, but in KaTeX's strictest mode: any error or strict warning throws. */
function parses(tex: string): void {
  katex.renderToString(texSource(tex, true), {
    throwOnError: true,
    strict: 'error',
    trust: false,
    displayMode: false,
  });
}

function allEquations(input: EquationInput): string[] {
  return Object.values(EQUATIONS).map((f) => f(input));
}

/** The flat index of the first positive / negative entry of a fixture. */
function firstOf(input: { data: EquationInput['data'] }, positive: boolean): number {
  const d = input.data.detail!;
  for (let i = 0; i < d.index.length; i++)
    if ((d.positive[i] === 1) === positive) return d.index[i];
  throw new Error('no such entry');
}

describe('TeX number formats', () => {
  it('writes scientific values as m×10^{e} with an ASCII minus, and −0 as 0', () => {
    expect(texNum(1.2e-7)).toBe('1.2\\times10^{-7}');
    expect(texNum(1e-9)).toBe('10^{-9}');
    expect(texNum(-2.5625233)).toBe('-2.563');
    expect(texNum(-0)).toBe('0');
    expect(texNum(12345.6)).toBe('12346');
    expect(texNum(2.5e6)).toBe('2.5\\times10^{6}');
    expect(texP(0.621115)).toBe('0.6211');
    expect(texP(-0.00001)).toBe('0.0000');
    expect(texPct(0.973)).toBe('97.3\\%');
  });

  it('marks a non-finite value visibly instead of printing NaN', () => {
    expect(texNum(NaN)).toBe('\\text{—}');
    expect(texP(Infinity)).toBe('\\text{—}');
  });

  it('parenthesises negatives substituted after an operator', () => {
    expect(paren(texNum(-0.1), -0.1)).toBe('(-0.1)');
    expect(paren(texNum(0.1), 0.1)).toBe('0.1');
  });
});

describe('live equations on docs/maths.md §6 (defaults)', () => {
  const ex = example();
  const input: EquationInput = { ...ex, hovered: null };

  it('P̂− = Σ q−_j p_j shows 0.6211 and P̂+ shows 0.4841', () => {
    expect(texPMinus(input)).toBe('\\hat P_- = \\sum_j q^-_j\\, p_j = 0.6211');
    expect(texPPlus(input)).toBe('\\hat P_+ = \\sum_j q^+_j\\, p_j = 0.4841');
  });

  it('the DR loss reads τ·ℓ(P̂− − P̂+ + γ) = 4ℓ(0.6211 − 0.4841 + 0.5) = 2.563', () => {
    expect(texDR(input)).toContain('4\\,\\ell\\big(0.6211 - 0.4841 + 0.5\\big)');
    expect(texDR(input)).toMatch(/= 2\.563$/);
  });

  it('the positive weights carry the minus sign (the seed blog wrote exp(p/λ+))', () => {
    expect(texQPos(input)).toContain('e^{-p_j/\\lambda_+}');
    expect(texQPos(input)).not.toContain('e^{p_j/\\lambda_+}');
    expect(texQNeg(input)).toContain('e^{p_j/\\lambda_-}');
  });

  it('the logistic surrogate is (1/L)·log(1 + e^{Lz}) (the seed blog wrote 1/z)', () => {
    const tex = texLogistic(input);
    expect(tex).toContain('\\frac{1}{L}\\log\\big(1 + e^{Lz}\\big)');
    expect(tex).not.toContain('\\frac{1}{z}');
    expect(tex).toContain('\\frac{1}{6}');
  });

  it('the temperatures read the paper’s way give h+ = e and h− = 3.5 at the defaults', () => {
    const tex = texTemperatures(input);
    expect(tex).toContain('h_+ = e^{1/\\lambda_+} = 2.718');
    expect(tex).toContain('h_- = e^{0.1/\\lambda_-} = 3.5');
  });

  it('every equation parses in KaTeX’s strict mode, with and without a hovered entry', () => {
    for (const hovered of [null, firstOf(ex, true), firstOf(ex, false), 999]) {
      for (const tex of allEquations({ ...ex, hovered })) expect(() => parses(tex)).not.toThrow();
    }
  });
});

describe('the hovered entry’s term', () => {
  const ex = example();
  const neg = firstOf(ex, false);
  const pos = firstOf(ex, true);

  it('a hovered negative is boxed in P̂− and q− and not in P̂+ or q+', () => {
    const input = { ...ex, hovered: neg };
    const d = ex.data.detail!;
    const at = Array.from(d.index).indexOf(neg);
    expect(texPMinus(input)).toContain(`\\boxed{${texNum(d.q[at])} \\cdot ${texP(d.p[at])}}`);
    expect(texQNeg(input)).toContain(`\\boxed{q^-_{${neg}} = ${texNum(d.q[at])}}`);
    expect(texPPlus(input)).not.toContain('\\boxed');
    expect(texQPos(input)).not.toContain('\\boxed');
  });

  it('a hovered positive is boxed in P̂+ and not in P̂−', () => {
    const input = { ...ex, hovered: pos };
    expect(texPPlus(input)).toContain('\\boxed');
    expect(texPMinus(input)).not.toContain('\\boxed');
  });

  it('the gradient line ends in the engine’s ∂DR/∂p and ∂DR/∂x of the hovered entry', () => {
    const d = ex.data.detail!;
    for (const j of [neg, pos]) {
      const at = Array.from(d.index).indexOf(j);
      const tex = texGradient({ ...ex, hovered: j });
      expect(tex).toContain(`= ${texNum(d.gradP[at])}}`);
      expect(tex).toMatch(
        new RegExp(`= ${texNum(d.gradLogit[at]).replace(/[.\\^{}]/g, '\\$&')}}$`),
      );
    }
  });

  it('the shown gradient formula reproduces the engine’s gradient for every entry (1e-12 relative)', () => {
    const { data, params } = ex;
    const d = data.detail!;
    const r = data.result;
    for (let i = 0; i < d.index.length; i++) {
      const g =
        d.positive[i] === 1
          ? -r.slope * d.q[i] * (1 - (d.p[i] - r.pPlus) / params.lambdaPos)
          : r.slope * d.q[i] * (1 + (d.p[i] - r.pMinus) / params.lambdaNeg);
      expect(Math.abs(g - d.gradP[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g)));
      const gx = g * d.p[i] * (1 - d.p[i]);
      expect(Math.abs(gx - d.gradLogit[i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(gx)));
    }
  });

  it('an index that is not a candidate boxes nothing', () => {
    for (const tex of allEquations({ ...ex, hovered: 12345 })) expect(tex).not.toContain('\\boxed');
  });
});

describe('the quadratic surrogate (Eq. 7)', () => {
  it('marks the branch the current z is in with an arrow', () => {
    // z = P̂− − P̂+ + γ at the example: 0.637 + (γ − 0.5).
    const cases: [Partial<AppParams>, string][] = [
      [{ rho: 0.5 }, 'z & z \\ge \\rho \\;\\leftarrow'],
      [{ rho: 0.9 }, '\\frac{(z + \\rho)^2}{4\\rho} & -\\rho < z < \\rho \\;\\leftarrow'],
      [
        { rho: 0.5, margin: 0 },
        '\\frac{(z + \\rho)^2}{4\\rho} & -\\rho < z < \\rho \\;\\leftarrow',
      ],
    ];
    for (const [params, expected] of cases) {
      const ex = example({ smoothing: 'quad', ...params });
      expect(texQuadratic({ ...ex, hovered: null })).toContain(expected);
    }
    // A confident negative (x = −5) and positive (x = 5): z ≈ 0.0067 − 0.9933 = −0.99 < −ρ.
    const low = explainWith(oneClassSet([-5, 5], [0, 1]), {
      smoothing: 'quad',
      rho: 0.2,
      margin: 0,
    });
    expect(low.data.result.z).toBeLessThan(-0.2);
    expect(texQuadratic({ ...low, hovered: null })).toContain('0 & z \\le -\\rho \\;\\leftarrow');
  });
});

describe('edge cases', () => {
  it('no positives (P̂+ = 1) and no negatives (P̂− = 0) give finite, parseable equations', () => {
    for (const ex of [exampleNoPositives(), exampleNoNegatives()]) {
      for (const tex of allEquations({ ...ex, hovered: null })) {
        expect(tex).not.toMatch(/NaN|Infinity|n\/a/);
        expect(() => parses(tex)).not.toThrow();
      }
    }
    expect(texPPlus({ ...exampleNoPositives(), hovered: null })).toMatch(/= 1\.0000$/);
    expect(texPMinus({ ...exampleNoNegatives(), hovered: null })).toMatch(/= 0\.0000$/);
  });

  it('a tiny λ writes h as e^{…} instead of overflowing to Infinity', () => {
    const ex = example({ lambdaPos: 1e-4, lambdaNeg: 1e-4 });
    const tex = texTemperatures({ ...ex, hovered: null });
    expect(tex).toContain('h_+ = e^{1/\\lambda_+} = e^{10000}');
    expect(tex).toContain('h_- = e^{0.1/\\lambda_-} = e^{1000}');
  });

  it('for any parameters in range and any seeded set, every equation is finite and parses', () => {
    fc.assert(
      fc.property(
        fc.record({
          margin: fc.double({ min: 0, max: 1, noNaN: true }),
          lambdaPos: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
          lambdaNeg: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
          L: fc.double({ min: 0.1, max: 50, noNaN: true }),
          tau: fc.double({ min: 0, max: 20, noNaN: true }),
          rho: fc.double({ min: 0.01, max: 1, noNaN: true }),
          smoothing: fc.constantFrom('logistic', 'quad', 'hinge' as const),
        }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (params, n, seed) => {
          const ex = explainWith(seededSet(n, seed, 0.3, 30), params);
          const d = ex.data.detail!;
          const hovered = d.index.length > 0 ? d.index[seed % d.index.length] : null;
          for (const tex of allEquations({ ...ex, hovered })) {
            expect(tex).not.toMatch(/NaN|Infinity|n\/a/);
            parses(tex);
          }
        },
      ),
      { seed: 20200607, numRuns: 40 },
    );
  }, 30_000);
});
