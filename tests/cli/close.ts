// Float comparisons for the golden checks: relative tolerance, stated once.
import { expect } from 'vitest';

/** The golden README's bar: a faithful float64 engine agrees to ~1e-12; we hold it to 1e-9. */
export const GOLDEN_RTOL = 1e-9;

/**
 * |got − want| ≤ rtol·max(|got|, |want|), plus the smallest subnormal so that two zeros (or ±0)
 * compare equal. Fails with `label` and both values.
 */
export function expectClose(got: unknown, want: number, label: string, rtol = GOLDEN_RTOL): void {
  expect(typeof got, label).toBe('number');
  const g = got as number;
  const tol = rtol * Math.max(Math.abs(g), Math.abs(want)) + Number.MIN_VALUE;
  expect(Math.abs(g - want), `${label}: got ${g}, want ${want}`).toBeLessThanOrEqual(tol);
}

/** A gradient (flat or nested) equal in shape to `want` and entrywise close. */
export function expectGradClose(got: unknown, want: number[] | number[][], label: string): void {
  expect(Array.isArray(got), `${label} is an array`).toBe(true);
  const g = got as unknown[];
  expect(g.length, `${label} rows`).toBe(want.length);
  want.forEach((w, i) => {
    if (typeof w === 'number') expectClose(g[i], w, `${label}[${i}]`);
    else expectGradClose(g[i], w, `${label}[${i}]`);
  });
}
