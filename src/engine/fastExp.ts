/**
 * A table-driven exp for the engine's hot loops (~4× faster than V8's Math.exp here), and the sigmoid
 * through it. Error analysis (u = 2^-53 ≈ 1.11e-16, the unit roundoff):
 *
 *   exp(x) = 2^k · 2^(j/256) · e^r,  n = round(x·256/ln2), j = n mod 256, k = ⌊n/256⌋,
 *   r = x − n·ln2/256 ∈ [−ln2/512, ln2/512], |r| ≤ 1.354e-3.
 *
 * - n is found with the 1.5·2^52 shifter (round to nearest); r by Cody–Waite with ln2/256 split as
 *   C1 + C2, C1 having 32 significant bits, so n·C1 is exact for |n| < 2^21 and x − n·C1 is exact
 *   (Sterbenz); the one rounding of n·C2 and the final subtraction leave |Δr| ≤ 2e-19.
 * - e^r − 1 ≈ P(r) = r + r²/2 + r³/6 + r⁴/24 (Taylor); truncation r⁵/120·e^|r| ≤ 3.8e-17; rounding in P
 *   is ≤ 2u·|r| ≤ 3e-19 (the rounded terms are ≤ |r|).
 * - T_j = 2^(j/256) correctly rounded (exp2Table.ts): relative error ≤ u.
 * - T_j + T_j·P: the product's rounding is ≤ u·|P| ≤ 1.5e-19 relative; the final sum rounds once: ≤ u.
 * - 2^k · (…) is exact (a power of two, result normal for x ≥ −708.39).
 * Total: |expFast(x) − e^x| ≤ (2u + 3.8e-17 + 7e-19)·e^x ≤ 2.6e-16·e^x for −708.39 < x < 709.78,
 * tested against a double-double reference in tests/engine/fastExp.test.ts. Outside that range
 * (underflow to denormals/0, overflow to Infinity, NaN) it defers to Math.exp, returning 0 below −746.
 */
import { EXP2_TABLE, EXP2_TABLE_BITS } from './exp2Table.ts';

// Module-local aliases: transpilers that turn imports into getter-backed namespace objects (CJS
// interop, Vite SSR) would otherwise put a getter call inside every exp.
const TABLE = EXP2_TABLE;
const BITS = EXP2_TABLE_BITS;
const N = 1 << BITS;
const MASK = N - 1;
const N_OVER_LN2 = N / Math.LN2;
/** 1.5·2^52: adding it rounds any |y| < 2^51 to an integer (the ulp there is 1). */
const SHIFTER = 6755399441055744;
/** ln2/256 = C1 + C2; C1 = fdlibm's ln2_hi/256 (32 significant bits), C2 = ln2_lo/256. */
const C1 = 6.9314718036912381649e-1 / N;
const C2 = 1.90821492927058770002e-10 / N;
/** 2^(i − 1023) for i = 0..2046 (2^-1023 is an exact denormal), built by exact halvings/doublings. */
const POW2 = new Float64Array(2047);
POW2[1023] = 1;
for (let i = 1024; i < 2047; i++) POW2[i] = POW2[i - 1] * 2;
for (let i = 1022; i >= 0; i--) POW2[i] = POW2[i + 1] / 2;

/** Below this the result is not a normal float: defer to Math.exp (denormals) or 0. */
const X_MIN_NORMAL = -708.39;
/** Above this exp overflows soon: defer to Math.exp (which returns up to 1.797e308, then Infinity). */
const X_MAX = 709.78;

function expOutside(x: number): number {
  if (x < -746) return 0; // e^-746 < 2^-1075: rounds to 0
  return Math.exp(x); // denormal results, overflow to Infinity, NaN
}

/**
 * e^x with relative error ≤ 2.6e-16 on (−708.39, 709.78) (analysis above); e^x via Math.exp outside
 * (0 below −746, Infinity above 709.78, NaN for NaN). Small enough for V8 to inline into loops.
 */
export function expFast(x: number): number {
  if (!(x > X_MIN_NORMAL && x < X_MAX)) return expOutside(x);
  const nd = x * N_OVER_LN2 + SHIFTER - SHIFTER;
  const n = nd | 0;
  const r = x - nd * C1 - nd * C2;
  const t = TABLE[n & MASK];
  const p = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24))));
  return POW2[(n >> BITS) + 1023] * (t + t * p);
}

/**
 * σ(x) = 1/(1+e^(−x)) through expFast of −|x| only (no overflow): 1/(1+E) for x ≥ 0, E/(1+E) for
 * x < 0, E = e^(−|x|). Relative error ≤ |δ_E|/(1+E) + 2u ≤ 4.9e-16 (δ_E ≤ 2.6e-16 of expFast, one
 * rounding each for the sum and the quotient). σ(±∞) = 1, 0; NaN for NaN.
 * The numerator is selected arithmetically, h + (1−h)·E with h ∈ {0, 1} (exactly 1 or E), not by a
 * branch: on mixed-sign logits a branch mispredicts half the time, which costs more than the exp.
 */
export function sigmoidFast(x: number): number {
  const e = expFast(-Math.abs(x));
  const h = Number(x >= 0); // 1 or 0 without a branch (a ternary here compiles to a jump)
  return (h + (1 - h) * e) / (1 + e);
}
