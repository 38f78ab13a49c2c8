import { describe, expect, it } from 'vitest';
import { pool, sigmoid } from '../../src/engine/index.ts';

describe('pool (drloss-math.md §1)', () => {
  it('splits entries: positive iff target = c+1, negative iff target ≥ 0 and ≠ c+1, ignored rows dropped', () => {
    // R = 4, K = 3; row 0 class 2, row 1 background, row 2 ignored, row 3 class 1
    const logits = new Float64Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const p = pool(logits, new Int32Array([2, 0, -1, 1]), 3);
    expect(p.R).toBe(4);
    expect(p.K).toBe(3);
    expect(Array.from(p.posIndex)).toEqual([1, 9]);
    expect(Array.from(p.negIndex)).toEqual([0, 2, 3, 4, 5, 10, 11]);
    p.posIndex.forEach((i, j) =>
      expect(Math.abs(p.pPos[j] - sigmoid(logits[i]))).toBeLessThanOrEqual(
        4e-16 * sigmoid(logits[i]),
      ),
    );
    p.negIndex.forEach((i, j) =>
      expect(Math.abs(p.pNeg[j] - sigmoid(logits[i]))).toBeLessThanOrEqual(
        4e-16 * sigmoid(logits[i]),
      ),
    );
  });

  it('treats any negative target as ignored', () => {
    const p = pool(new Float64Array([1, 2]), new Int32Array([-3, 0]), 1);
    expect(Array.from(p.negIndex)).toEqual([1]);
    expect(p.pPos.length).toBe(0);
  });

  it('maps ±Infinity logits to p = 1 and 0, extreme finite logits to [0, 1]', () => {
    const p = pool(
      new Float64Array([Infinity, -Infinity, 1e4, -1e4, 800, -800]),
      new Int32Array(6),
      1,
    );
    expect(Array.from(p.pNeg)).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('rejects a shape mismatch, a bad K, a target above K and NaN logits with clear RangeErrors', () => {
    expect(() => pool(new Float64Array(5), new Int32Array(2), 2)).toThrow(
      /logits.length \(5\) must equal targets.length × K = 2 × 2 = 4/,
    );
    expect(() => pool(new Float64Array(2), new Int32Array(2), 0)).toThrow(/K must be an integer/);
    expect(() => pool(new Float64Array(2), new Int32Array(2), 1.5)).toThrow(RangeError);
    expect(() => pool(new Float64Array(2), new Int32Array([0, 2]), 1)).toThrow(
      /targets\[1\] = 2 exceeds K = 1/,
    );
    expect(() => pool(new Float64Array([0, NaN]), new Int32Array([0, 0]), 1)).toThrow(/NaN/);
  });

  it('ignores NaN logits on ignored rows', () => {
    expect(pool(new Float64Array([0, NaN]), new Int32Array([0, -1]), 1).pNeg.length).toBe(1);
  });

  it('accepts an empty problem', () => {
    const p = pool(new Float64Array(0), new Int32Array(0), 3);
    expect(p.pPos.length + p.pNeg.length).toBe(0);
  });
});
