/**
 * A double-double (≈106-bit) reference for exp and the sigmoid, to measure the true error of
 * expFast/sigmoidFast (Math.exp itself is only within ~1 ulp). Dekker/Knuth error-free transforms;
 * no FMA in JS, so products use Veltkamp splitting.
 */
export type DD = readonly [hi: number, lo: number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function split(a: number): DD {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

export function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return twoSum(s, e + a[1] + b[1]);
}

export function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

export function ddDivNumber(a: DD, b: number): DD {
  const q1 = a[0] / b;
  const [p, e] = twoProd(q1, b);
  const r = a[0] - p - e + a[1];
  return twoSum(q1, r / b);
}

export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = ddAdd(a, ddMul([-q1, 0], b));
  const q2 = r[0] / b[0];
  const r2 = ddAdd(r, ddMul([-q2, 0], b));
  return ddAdd(twoSum(q1, q2), [r2[0] / b[0], 0]);
}

/** ln 2 = LN2_HI + LN2_LO to ~1e-33. */
const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];

/**
 * 2^shift·e^x as a double-double, relative error ≲ 1e-28 while the result is ≥ ~1e-290 (below that its
 * low word becomes denormal and the relative precision drops to 5e-324/result; pass shift > 0, e.g.
 * 200, to compare tiny results, scaling the value under test by the exact 2^shift too):
 * x = k·ln2 + r, then e^r = (e^(r/1024))^1024 with a 14-term Taylor series for |r/1024| ≤ 3.4e-4
 * (truncation ~1e-52), ten squarings (error growth ×1024), and an exact scaling by 2^(k+shift).
 */
export function ddExp(x: number, shift = 0): DD {
  const k = Math.round(x / Math.LN2);
  const r = ddAdd([x, 0], ddMul(LN2, [-k, 0]));
  const s: DD = [r[0] / 1024, r[1] / 1024];
  let term: DD = [1, 0];
  let sum: DD = [1, 0];
  for (let i = 1; i <= 14; i++) {
    term = ddDivNumber(ddMul(term, s), i);
    sum = ddAdd(sum, term);
  }
  for (let i = 0; i < 10; i++) sum = ddMul(sum, sum);
  const e = k + shift;
  const a = 2 ** Math.trunc(e / 2);
  const b = 2 ** (e - Math.trunc(e / 2));
  return [sum[0] * a * b, sum[1] * a * b];
}

/**
 * σ(x) as a double-double: 1/(1 + e^(−x)) for x ≥ 0, e^x/(1 + e^x) for x < 0 (no huge intermediates,
 * which would overflow the Veltkamp split).
 */
export function ddSigmoid(x: number): DD {
  const e = ddExp(-Math.abs(x));
  const den = ddAdd([1, 0], e);
  return x >= 0 ? ddDiv([1, 0], den) : ddDiv(e, den);
}

/** |a − (ref.hi + ref.lo)| / |ref|, evaluated without cancellation error. */
export function relErr(a: number, ref: DD): number {
  return Math.abs(a - ref[0] - ref[1]) / Math.abs(ref[0]);
}
