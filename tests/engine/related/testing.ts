/** Helpers shared by the related-objective tests (not a test file: no .test suffix). */
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
