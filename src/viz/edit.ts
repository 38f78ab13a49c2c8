/**
 * Pure rules of direct editing on a score axis (shared by every panel with draggable candidates):
 * pixel → score, keyboard nudges, and the logit an edit carries.
 */
import type { ScoreScale } from './scales.ts';

/** Scores are clamped to [P_EPS, 1 − P_EPS] before taking the logit, so every edit is finite. */
export const P_EPS = 1e-6;

/** Keyboard step in score units; Shift (or PageUp/PageDown) takes 10 of them. */
export const NUDGE_STEP = 0.01;

/** p clamped to [P_EPS, 1 − P_EPS]; NaN becomes 1/2 (a neutral score, never a NaN logit). */
export function clampScore(p: number): number {
  if (Number.isNaN(p)) return 0.5;
  return Math.min(1 - P_EPS, Math.max(P_EPS, p));
}

/**
 * logit(p) = ln p − ln(1 − p) of the clamped score (inverse of σ); |logit| ≤ ln((1 − ε)/ε) ≈ 13.8.
 * log1p keeps the digits of 1 − p for small p.
 */
export function logitOf(p: number): number {
  const c = clampScore(p);
  return Math.log(c) - Math.log1p(-c);
}

/** The score under a pixel x of the score axis (scale.invert), clamped as an edit needs. */
export function scoreAtPixel(scale: ScoreScale, x: number): number {
  return clampScore(scale.invert(x));
}

/** What a key does to a focused candidate. */
export type KeyAction =
  | { readonly kind: 'nudge'; readonly delta: number }
  | { readonly kind: 'cycleLabel' }
  | { readonly kind: 'delete' }
  | null;

/**
 * Key → action: arrows move the score by ±NUDGE_STEP (×10 with Shift), PageUp/PageDown by ±10 steps,
 * Enter/Space cycle the label, Delete/Backspace delete the candidate; anything else is ignored.
 */
export function keyAction(key: string, shift: boolean): KeyAction {
  const step = shift ? 10 * NUDGE_STEP : NUDGE_STEP;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return { kind: 'nudge', delta: step };
    case 'ArrowLeft':
    case 'ArrowDown':
      return { kind: 'nudge', delta: -step };
    case 'PageUp':
      return { kind: 'nudge', delta: 10 * NUDGE_STEP };
    case 'PageDown':
      return { kind: 'nudge', delta: -10 * NUDGE_STEP };
    case 'Enter':
    case ' ':
      return { kind: 'cycleLabel' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'delete' };
    default:
      return null;
  }
}
