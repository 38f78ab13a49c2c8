/**
 * Number text for readouts and number boxes. Readouts keep 10 significant digits (the contract asks
 * for at least 6, and tests parse them back), written with an ASCII minus so the text parses.
 */

/** x with 10 significant digits, trailing zeros trimmed ("2.032391600" → "2.0323916"); "—" if not finite. */
export function formatReadout(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const s = x.toPrecision(10);
  const [mantissa, exponent] = s.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/** A parameter exactly as held (shortest round-trip text), so a number box never rounds a value. */
export function formatParam(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** Milliseconds for the status line: 2 significant digits below 10, whole numbers above. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms < 10 ? ms.toPrecision(2) : String(Math.round(ms));
}

/** x with 6 significant digits, trailing zeros trimmed (table cells); "—" if not finite. */
export function formatShort(x: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return '0';
  const s = x.toPrecision(6);
  const [mantissa, exponent] = s.split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}
