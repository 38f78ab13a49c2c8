/**
 * exp(s·(p − c)) for many scores p ∈ [0, 1] under one scale s and shift c (the weights of
 * Propositions 1–2: s = σ/λ, c the extreme score): a per-call table on the grid p = m/M turns each
 * exp into one table load and a degree-4 polynomial, with no range reduction, overflow check or 2^k
 * scaling per element (~1.6× faster than expFast here). Error analysis (u = 2^-53):
 *
 *   p = m/M + δ,  m = round(p·M) (p·M is exact for M a power of two; the 1.5·2^52 shifter rounds it),
 *     |δ| ≤ 1/(2M), and δ = p − m/M is computed exactly: for m = 0 it is p itself; for m ≥ 1,
 *     p ≥ 1/(2M) ≥ |δ| and ulp(p) ≤ 2^-53 divides 1/M, so δ is a multiple of ulp(p) below 2^53·ulp(p);
 *   exp(s·(p − c)) = T_m · e^y,  T_m = expFast(fl(fl(m/M − c)·s)),  y = fl(δ·s),  |y| ≤ |s|/(2M) ≤ 2^-10;
 *   e^y ≈ 1 + P(y), P(y) = y + y²/2 + y³/6 + y⁴/24: truncation |y|⁵/120·e^|y| ≤ 7.5e-18.
 * The rounding of the table's argument a = s·(m/M − c) moves it by ≤ 2u·|a|, as the direct
 * expFast(fl(fl(p − c)·s)) moves its own by 2u·|s·(p − c)|: exp's conditioning, shared by both. So
 * |result − e^(s(p−c))| ≤ (2u·|s(p−c)| + 2u·|y| + 2.6e-16 + 7.5e-18 + 2u)·e^(s(p−c)), within ~2e-16 of
 * expFast's own bound. Arguments below −708 give 0 or denormals through expFast, as before.
 */
import { expFast } from '../fastExp.ts';

/** Largest table: 2^16 + 1 doubles (512 KiB), enough for |s| ≤ 128 (λ ≥ 1/128). */
const MAX_M = 1 << 16;
/** M ≥ 512·|s| keeps |y| ≤ |s|/(2M) ≤ 2^-10 (the polynomial's range above). */
const M_PER_UNIT_SCALE = 512;
/** Smallest table worth building. */
const MIN_M = 256;
/** Build only when the set has this many entries per table entry: the build costs M expFast calls. */
const ENTRIES_PER_TABLE_ENTRY = 8;

/**
 * The table's storage, module-level on purpose: a per-call temporary that carries no state between
 * calls (every kernel fills it with gridTable right before its loop and never reads it after
 * returning; the engine is synchronous), and allocating 512 KiB per λ step would cost page faults
 * the table is there to save.
 */
const scratch = new Float64Array(MAX_M + 1);

/** 1.5·2^52: adding it rounds any |y| < 2^51 to an integer (the ulp there is 1). */
const SHIFTER = 6755399441055744;

/**
 * Table size M (a power of two) for `n` scores in [0, 1] under scale `s`, or 0 when the table would
 * not pay (n < 8·M) or would be too large (|s| > 128): callers then use expFast per element.
 */
export function gridSize(scale: number, n: number): number {
  const need = Math.abs(scale) * M_PER_UNIT_SCALE;
  if (!(need <= MAX_M)) return 0;
  let M = MIN_M;
  while (M < need) M *= 2;
  return n >= ENTRIES_PER_TABLE_ENTRY * M ? M : 0;
}

/**
 * Fills and returns T_m = e^(s·(m/M − c)) for m = 0..M (a view of a shared buffer, valid until the next
 * call; reading past m = M gives undefined). M must come from gridSize.
 */
export function gridTable(scale: number, shift: number, M: number): Float64Array {
  const table = scratch.subarray(0, M + 1);
  const invM = 1 / M;
  for (let m = 0; m <= M; m++) table[m] = expFast((m * invM - shift) * scale);
  return table;
}

/**
 * e^(s·(p − c)) for p ∈ [0, 1] from T = gridTable(s, c, M) (error bound in the header). Small enough for
 * V8 to inline into the loops. p must lie in [0, 1]: a little outside it reads past the table (NaN).
 */
export function gridExp(
  table: Float64Array,
  M: number,
  invM: number,
  scale: number,
  p: number,
): number {
  const md = p * M + SHIFTER - SHIFTER;
  const y = (p - md * invM) * scale;
  const t = table[md | 0];
  return t + t * (y * (1 + y * (0.5 + y * (1 / 6 + y * (1 / 24)))));
}
