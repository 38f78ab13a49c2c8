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
 * The exact rounding error of t = fl(s + v): (s − t) + v when |s| ≥ |v|, else (v − t) + s (both
 * differences are exact). The one definition of the Neumaier step, which every compensated sum in the
 * engine takes: keep s ← t and add this error into a separate compensation c; s + c is then the sum
 * with an error independent of the number of terms to first order (d3-array's fsum does the same).
 * Small enough for V8 to inline into loops.
 */
export function additionError(s: number, v: number, t: number): number {
  return Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
}

/** Neumaier-compensated sum of the first n entries (additionError), for long accumulations. */
export function compensatedSum(x: ArrayLike<number>, n = x.length): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const t = s + v;
    c += additionError(s, v, t);
    s = t;
  }
  return s + c;
}

/** A running Neumaier-compensated sum (additionError), for terms computed on the fly. */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  /** Adds v. */
  add(v: number): void {
    const t = this.sum + v;
    this.compensation += additionError(this.sum, v, t);
    this.sum = t;
  }

  /** The compensated total so far. */
  value(): number {
    return this.sum + this.compensation;
  }
}
