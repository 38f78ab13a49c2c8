/**
 * Small helpers for reading untrusted JSON values and naming them in one-line error messages, shared by
 * every reader of the JSON formats (the case format here, the training spec, the check input).
 */

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A short, single-line account of a JSON value for error messages. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') {
    const shown = JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    // "1.5" in quotes is the classic mistake: say so rather than only "not a number".
    return v.trim() !== '' && Number.isFinite(Number(v))
      ? `${shown}, a string: write numbers without quotes`
      : shown;
  }
  if (typeof v === 'number') {
    // JSON has no NaN/Infinity literals; an out-of-range literal such as 1e999 parses to ±Infinity.
    return Number.isFinite(v) ? String(v) : `${v}, from a literal beyond the float64 range`;
  }
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Collapse whitespace runs (V8 quotes the offending input, newlines included) and cap the length. */
export function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
