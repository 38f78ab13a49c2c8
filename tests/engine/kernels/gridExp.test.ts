import { describe, expect, it } from 'vitest';
import { gridExp, gridSize, gridTable } from '../../../src/engine/kernels/gridExp.ts';
import { ddAdd, ddExp, ddMul, relErr } from '../doubleDouble.ts';
import type { DD } from '../doubleDouble.ts';
import { rng } from '../rng.ts';

const U = 2 ** -53;

/** e^(s·(p − c)) as a double-double, the argument itself carried exactly (p − c and ·s error-free). */
function reference(s: number, p: number, c: number): DD {
  const a = ddMul([s, 0], ddAdd([p, 0], [-c, 0]));
  // e^(hi + lo) = e^hi·(1 + lo + …), |lo| ≤ 2^-53·|hi|: lo²/2 is below the reference's own precision
  return ddMul(ddExp(a[0]), [1, a[1]]);
}

/** gridExp.ts's bound: (2u·|a| + 2u·|y| + 2.6e-16 + 7.5e-18 + 2u)·e^a, |y| ≤ 2^-10; 0.5u of slack. */
function bound(a: number): number {
  return 2 * U * Math.abs(a) + 2 * U * 2 ** -10 + 2.6e-16 + 7.5e-18 + 2.5 * U;
}

describe('gridSize', () => {
  it('picks the smallest power of two M ≥ 512·|s| (at least 256) when n ≥ 8·M', () => {
    expect(gridSize(1, 1e6)).toBe(512);
    expect(gridSize(-1, 1e6)).toBe(512);
    expect(gridSize(0.01, 1e6)).toBe(256);
    expect(gridSize(1 / (0.1 / Math.log(3.5)), 1e6)).toBe(8192); // λ− default: |s| ≈ 12.5
    expect(gridSize(128, 1e6)).toBe(65536);
  });

  it('declines (0) when the table would not pay for itself or would exceed 2^16 entries', () => {
    expect(gridSize(1, 8 * 512 - 1)).toBe(0);
    expect(gridSize(1, 8 * 512)).toBe(512);
    expect(gridSize(128.01, 1e9)).toBe(0);
    expect(gridSize(Infinity, 1e9)).toBe(0);
    expect(gridSize(NaN, 1e9)).toBe(0);
  });
});

describe('gridExp (table on p = m/M times a degree-4 polynomial)', () => {
  it('is within its stated bound of e^(s(p−c)) for random p, c ∈ [0, 1] and |s| ≤ 128', () => {
    const u = rng(4242);
    let worst = 0;
    for (let trial = 0; trial < 60; trial++) {
      // |s| log-uniform on [0.01, 128], either sign
      const s = (u() < 0.5 ? -1 : 1) * Math.exp(Math.log(0.01) + u() * Math.log(128 / 0.01));
      const c = u();
      const M = gridSize(s, Number.MAX_SAFE_INTEGER);
      expect(M).toBeGreaterThan(0);
      const table = gridTable(s, c, M);
      for (let i = 0; i < 400; i++) {
        // include the grid points, their midpoints (|δ| largest) and the ends of [0, 1]
        const p = i === 0 ? 0 : i === 1 ? 1 : i < 50 ? (Math.floor(u() * M) + 0.5) / M : u();
        const a = s * (p - c);
        if (a < -700) continue; // underflow: exercised below
        const err = relErr(gridExp(table, M, 1 / M, s, p), reference(s, p, c));
        expect(err).toBeLessThanOrEqual(bound(a));
        worst = Math.max(worst, err / bound(a));
      }
    }
    expect(worst).toBeGreaterThan(0.05); // the bound is attained to within a small factor, not vacuous
  });

  it('reproduces exactly 1 at p = c when c is on the grid, and tends to 0 far below, never NaN', () => {
    const M = gridSize(100, 1e9);
    const table = gridTable(100, 0.5, M);
    expect(gridExp(table, M, 1 / M, 100, 0.5)).toBe(1);
    const tiny = gridTable(-120, 0, gridSize(-120, 1e9));
    const v = gridExp(tiny, gridSize(-120, 1e9), 1 / gridSize(-120, 1e9), -120, 1);
    expect(v).toBeGreaterThan(0);
    expect(Math.abs(v - Math.exp(-120)) / Math.exp(-120)).toBeLessThan(1e-13);
    const deep = gridTable(128, 1, 65536);
    const z = gridExp(deep, 65536, 1 / 65536, 128, 0);
    expect(Number.isNaN(z)).toBe(false);
    expect(Math.abs(z - Math.exp(-128))).toBeLessThan(1e-13 * Math.exp(-128));
  });

  it('returns NaN for p below 0 (reads outside the table) rather than a wrong finite value', () => {
    const M = gridSize(2, 1e9);
    const table = gridTable(2, 1, M);
    expect(Number.isNaN(gridExp(table, M, 1 / M, 2, -0.01))).toBe(true);
    expect(Number.isNaN(gridExp(table, M, 1 / M, 2, 1.01))).toBe(true);
  });
});
