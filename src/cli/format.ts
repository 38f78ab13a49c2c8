/**
 * JSON text for the CLI's output: exact doubles, -0 kept, and a layout a person can read (arrays of
 * numbers on one line, everything else one item per line).
 */

/** A JSON value the formatter accepts. */
export type Json =
  number | string | boolean | null | readonly Json[] | { readonly [k: string]: Json };

/**
 * A finite double as a JSON number literal that parses back to the identical double: the shortest
 * round-trip digits of `String(x)` (ECMAScript Number::toString), except that -0 is written "-0"
 * (JSON.stringify would write "0" and lose the sign, which a gradient can legitimately carry).
 * Throws a RangeError for NaN or ±Infinity, which JSON cannot hold: callers check finiteness first.
 */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`JSON cannot hold ${x}`);
  return Object.is(x, -0) ? '-0' : String(x);
}

/**
 * `value` as JSON text with two-space indentation; an array whose items are all numbers stays on one
 * line (a gradient row, or a flat gradient), so an N×K gradient prints as N lines.
 * Numbers go through formatNumber (exact, -0 kept, throws on non-finite).
 */
export function formatJson(value: Json, indent = ''): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) {
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => typeof v === 'number')) {
      return `[${value.map((v) => formatNumber(v as number)).join(', ')}]`;
    }
    const items = value.map((v) => inner + formatJson(v, inner));
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const items = keys.map((k) => `${inner}${JSON.stringify(k)}: ${formatJson(value[k], inner)}`);
  return `{\n${items.join(',\n')}\n${indent}}`;
}

// Array.isArray does not narrow a readonly array type; this guard does.
function isArray(v: Json): v is readonly Json[] {
  return Array.isArray(v);
}
