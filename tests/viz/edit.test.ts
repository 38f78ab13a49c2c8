// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  clampScore,
  keyAction,
  logitOf,
  NUDGE_STEP,
  P_EPS,
  scoreAtPixel,
} from '../../src/viz/edit.ts';
import { scoreScale } from '../../src/viz/scales.ts';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('logitOf', () => {
  it('inverts the sigmoid to 1e-12 relative on (P_EPS, 1 − P_EPS)', () => {
    fc.assert(
      fc.property(fc.double({ min: -13, max: 13, noNaN: true }), (x) => {
        expect(Math.abs(logitOf(sigmoid(x)) - x)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(x)),
        );
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('is finite for 0, 1, out-of-range and NaN scores', () => {
    for (const p of [0, 1, -2, 3, NaN]) expect(Number.isFinite(logitOf(p))).toBe(true);
    expect(logitOf(0)).toBeCloseTo(Math.log(P_EPS / (1 - P_EPS)), 9);
    expect(logitOf(1)).toBeCloseTo(-Math.log(P_EPS / (1 - P_EPS)), 9);
  });
});

describe('clampScore', () => {
  it('keeps scores inside [P_EPS, 1 − P_EPS] and maps NaN to 1/2', () => {
    expect(clampScore(-1)).toBe(P_EPS);
    expect(clampScore(2)).toBe(1 - P_EPS);
    expect(clampScore(NaN)).toBe(0.5);
    expect(clampScore(0.25)).toBe(0.25);
  });
});

describe('scoreAtPixel', () => {
  it('reads back the score a pixel was drawn at, clamped at the plot edges', () => {
    const x = scoreScale(500);
    expect(scoreAtPixel(x, x(0.3))).toBeCloseTo(0.3, 12);
    expect(scoreAtPixel(x, -100)).toBe(P_EPS);
    expect(scoreAtPixel(x, 1e4)).toBe(1 - P_EPS);
  });
});

describe('keyAction', () => {
  it('nudges by one step with arrows and ten with Shift or PageUp/PageDown', () => {
    expect(keyAction('ArrowRight', false)).toEqual({ kind: 'nudge', delta: NUDGE_STEP });
    expect(keyAction('ArrowLeft', false)).toEqual({ kind: 'nudge', delta: -NUDGE_STEP });
    expect(keyAction('ArrowUp', true)).toEqual({ kind: 'nudge', delta: 10 * NUDGE_STEP });
    expect(keyAction('PageDown', false)).toEqual({ kind: 'nudge', delta: -10 * NUDGE_STEP });
  });

  it('cycles the label on Enter and Space, deletes on Delete and Backspace, ignores other keys', () => {
    expect(keyAction('Enter', false)).toEqual({ kind: 'cycleLabel' });
    expect(keyAction(' ', false)).toEqual({ kind: 'cycleLabel' });
    expect(keyAction('Delete', false)).toEqual({ kind: 'delete' });
    expect(keyAction('Backspace', false)).toEqual({ kind: 'delete' });
    expect(keyAction('a', false)).toBeNull();
    expect(keyAction('Tab', false)).toBeNull();
  });
});
