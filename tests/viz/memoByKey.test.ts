// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { memoByKey } from '../../src/viz/memoByKey.ts';

describe('memoByKey', () => {
  it('computes once per key and arguments, again when either changes; keys are independent', () => {
    let calls = 0;
    const f = memoByKey((key: { n: number }, k: number) => {
      calls++;
      return key.n * k;
    });
    const a = { n: 2 };
    const b = { n: 3 };
    expect(f(a, 10)).toBe(20);
    expect(f(a, 10)).toBe(20);
    expect(calls).toBe(1);
    expect(f(b, 10)).toBe(30);
    expect(f(a, 10)).toBe(20); // a's result survives a call with another key
    expect(calls).toBe(2);
    expect(f(a, 11)).toBe(22);
    expect(calls).toBe(3);
  });
});
