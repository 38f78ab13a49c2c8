/**
 * Numbers written into TeX source: ASCII minus, scientific notation as m×10^{e}, and parentheses
 * around negatives substituted into a longer expression (so "0.62 − (−0.10)" never reads "0.62 − −0.10").
 */
import { format } from 'd3';

const sig4 = format('.4~g');
const fixed4 = format('.4f');

/** d3 writes U+2212 for minus; TeX source wants the ASCII hyphen-minus (KaTeX renders it as −). */
function asciiMinus(s: string): string {
  return s.replace(/\u2212/g, '-');
}

/** "1.2e-7" → "1.2\times10^{-7}". */
function sciToTex(s: string): string {
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(s);
  if (!m) return s;
  const exp = Number(m[2]);
  return m[1] === '1' ? `10^{${exp}}` : `${m[1]}\\times10^{${exp}}`;
}

/** Placeholder for a value that is not a finite number (never expected from finite input). */
export const TEX_NAN = '\\text{—}';

/**
 * Any real value in TeX: 4 significant digits below 1000 ("2.563", "0.07982"), whole numbers from
 * 1000 to 10^6 ("12346"), scientific notation outside (1.2\times10^{-7}); −0 as 0.
 */
export function texNum(x: number): string {
  if (!Number.isFinite(x)) return TEX_NAN;
  const a = Math.abs(x);
  if (a >= 1000 && a < 1e6) return asciiMinus(Math.round(x).toString());
  return sciToTex(asciiMinus(sig4(x === 0 ? 0 : x)));
}

/** A score or probability with 4 decimals ("0.6211"), as the equations show P̂±. */
export function texP(x: number): string {
  if (!Number.isFinite(x)) return TEX_NAN;
  const s = asciiMinus(fixed4(x));
  return s === '-0.0000' ? '0.0000' : s;
}

/** `tex` in parentheses when the value is negative, for substitution after an operator. */
export function paren(tex: string, x: number): string {
  return x < 0 ? `(${tex})` : tex;
}

/** A share in [0, 1] as a TeX percentage with one decimal ("97.3\%"). */
export function texPct(x: number): string {
  if (!Number.isFinite(x)) return TEX_NAN;
  return `${(x * 100).toFixed(1)}\\%`;
}
