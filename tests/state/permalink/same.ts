/**
 * Deep equality for codec tests: numbers by Object.is (so −0 ≠ 0 and NaN = NaN), typed arrays bit for
 * bit and of the same type, objects by their own keys. Vitest's toEqual treats typed arrays loosely.
 */
export function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    return (
      a.constructor === b.constructor &&
      x.length === y.length &&
      Array.from(x).every((v, i) => Object.is(v, y[i]))
    );
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => same(v, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    return same(ka, kb) && ka.every((k) => same(ra[k], rb[k]));
  }
  return a === b;
}
