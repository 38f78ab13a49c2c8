// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { sameArray, useSameContent } from '../../src/viz/sameContent.ts';

afterEach(cleanup);

describe('sameArray', () => {
  it('compares typed arrays element by element (NaN equal to NaN, 0 and −0 told apart)', () => {
    expect(sameArray(Float64Array.of(1, 2, NaN), Float64Array.of(1, 2, NaN))).toBe(true);
    expect(sameArray(Float64Array.of(1, 2), Float64Array.of(1, 3))).toBe(false);
    expect(sameArray(Float64Array.of(1, 2), Float64Array.of(1, 2, 3))).toBe(false);
    expect(sameArray(Float64Array.of(0), Float64Array.of(-0))).toBe(false);
    expect(sameArray(Int32Array.of(4, 5), Uint8Array.of(4, 5))).toBe(true);
  });
});

describe('useSameContent', () => {
  const same = (a: Float64Array, b: Float64Array) => sameArray(a, b);

  it('keeps the first object while later ones hold the same numbers, and takes a changed one', () => {
    const first = Float64Array.of(0.1, 0.2);
    const { result, rerender } = renderHook(({ v }) => useSameContent(v, same), {
      initialProps: { v: first },
    });
    expect(result.current).toBe(first);
    rerender({ v: Float64Array.of(0.1, 0.2) });
    expect(result.current).toBe(first);
    const changed = Float64Array.of(0.1, 0.3);
    rerender({ v: changed });
    expect(result.current).toBe(changed);
    rerender({ v: Float64Array.of(0.1, 0.3) });
    expect(result.current).toBe(changed);
  });
});
