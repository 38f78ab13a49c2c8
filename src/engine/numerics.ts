/**
 * Numerically stable scalar and column primitives. Float64 throughout.
 */

/** σ(x) = 1/(1+e^(−x)), evaluated without overflow for any finite x (exp only of −|x|). */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** softplus(a) = log(1+e^a) = max(a,0) + log1p(e^(−|a|)); never overflows. */
export function softplus(a: number): number {
  return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
}

/** log σ(x) = −softplus(−x), finite for finite x. */
export function logSigmoid(x: number): number {
  return -softplus(-x);
}

/**
 * log Σ_i w_i·e^(x_i) over the first n entries, max-subtracted (w = null means all weights 1;
 * entries with w_i = 0 are skipped). −Infinity for an empty or all-zero-weight input.
 */
export function logSumExp(x: Float64Array, w: Float64Array | null = null, n = x.length): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if ((w === null || w[i] > 0) && x[i] > m) m = x[i];
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (w === null) s += Math.exp(x[i] - m);
    else if (w[i] > 0) s += w[i] * Math.exp(x[i] - m);
  }
  return m + Math.log(s);
}

/**
 * softmax(x) into `out` (caller-owned, length ≥ n), max-subtracted so no exp overflows. Writes zeros
 * and returns false for an empty input.
 */
export function softmaxInto(x: Float64Array, out: Float64Array, n = x.length): boolean {
  if (n === 0) return false;
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(x[i] - m);
    out[i] = e;
    s += e;
  }
  const inv = 1 / s;
  for (let i = 0; i < n; i++) out[i] *= inv;
  return true;
}

/**
 * Neumaier-compensated sum of the first n entries (error independent of n to first order; d3-array
 * fsum does the same), for long accumulations such as Σ over millions of entries.
 */
export function compensatedSum(x: ArrayLike<number>, n = x.length): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
