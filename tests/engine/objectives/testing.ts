/** Helpers shared by the objectives' tests (not a test file: no .test suffix). */
import fc from 'fast-check';

/**
 * Central finite differences for checking analytic gradients: ∂f/∂x_i ≈ (f(x + h·e_i) − f(x − h·e_i))/2h,
 * truncation error O(h²·f''') plus rounding O(ε·|f|/h); h = 1e-5 balances both at about 1e-10.
 */
export function centralDifference(
  f: (x: Float64Array) => number,
  x: Float64Array,
  h = 1e-5,
): Float64Array {
  const g = new Float64Array(x.length);
  const xs = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    xs[i] = x[i] + h;
    const up = f(xs);
    xs[i] = x[i] - h;
    const down = f(xs);
    xs[i] = x[i];
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/** Seeded uniform [0,1) generator (a 32-bit LCG, Numerical Recipes constants). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Random problems for the per-entry objectives: K ∈ [1, maxK] classes, minRows..maxRows rows of K
 * logits in ±maxAbs, each row's target in −1..K (ignored, background or a class).
 */
export function entryProblems(
  maxAbs: number,
  { maxK = 4, minRows = 1, maxRows = 8 } = {},
): fc.Arbitrary<{ K: number; targets: Int32Array; logits: Float64Array }> {
  return fc.integer({ min: 1, max: maxK }).chain((K) =>
    fc
      .array(
        fc.tuple(
          fc.integer({ min: -1, max: K }),
          fc.array(fc.double({ min: -maxAbs, max: maxAbs, noNaN: true }), {
            minLength: K,
            maxLength: K,
          }),
        ),
        { minLength: minRows, maxLength: maxRows },
      )
      .map((rows) => ({
        K,
        targets: Int32Array.from(rows.map(([t]) => t)),
        logits: Float64Array.from(rows.flatMap(([, x]) => x)),
      })),
  );
}
