/** The seed box's rule: generators take seeds modulo 2^32, so the box accepts exactly 0 … 2^32 − 1. */

/** Seeds are used modulo 2^32 by the generators; the box accepts exactly that range. */
export const MAX_SEED = 2 ** 32 - 1;

/** The seed a text means, or an error (a string-table key naming the field; no rounding: 1.5 is refused). */
export function parseSeed(
  text: string,
):
  | { ok: true; seed: number }
  | { ok: false; key: 'seed.invalid'; vars: { text: string; max: number } } {
  const t = text.trim();
  const n = t === '' ? NaN : Number(t);
  if (!Number.isInteger(n) || n < 0 || n > MAX_SEED) {
    return { ok: false, key: 'seed.invalid', vars: { text: t, max: MAX_SEED } };
  }
  return { ok: true, seed: n };
}
