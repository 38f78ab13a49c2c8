/**
 * The data of the smoothing panel (paper Eq. 7–8): each surrogate of the hinge sampled over a z range,
 * its value at the current z, and its gap to the hinge there and at worst.
 */
import { hingeLoss, logisticLoss, quadraticLoss } from '../../engine/surrogates.ts';
import type { Smoothing } from '../../engine/types.ts';

/** The z range the panel always shows; widened to include the current z if it falls outside. */
export const Z_RANGE: readonly [number, number] = [-1.5, 1.5];

/** [min, max] of the z axis: Z_RANGE widened by a small margin around a z outside it. */
export function zDomain(z: number): [number, number] {
  const pad = 0.1;
  const lo = Number.isFinite(z) ? Math.min(Z_RANGE[0], z - pad) : Z_RANGE[0];
  const hi = Number.isFinite(z) ? Math.max(Z_RANGE[1], z + pad) : Z_RANGE[1];
  return [lo, hi];
}

/** ℓ(z) of a surrogate with its parameters (L for the logistic, ρ for the quadratic). */
export function surrogateValue(kind: Smoothing, z: number, L: number, rho: number): number {
  switch (kind) {
    case 'logistic':
      return logisticLoss(z, L);
    case 'quad':
      return quadraticLoss(z, rho);
    case 'hinge':
      return hingeLoss(z);
  }
}

/**
 * The largest gap ℓ(z) − [z]+ over all z, reached at z = 0 for both smooth surrogates:
 * logistic: log(1 + e^{−L|z|})/L ≤ log 2 / L; quadratic: (z+ρ)²/(4ρ) − [z]+ = (|z| − ρ)²/(4ρ) on
 * |z| < ρ, ≤ ρ/4; the hinge itself: 0. Both smooth surrogates lie above the hinge everywhere.
 */
export function maxGap(kind: Smoothing, L: number, rho: number): number {
  switch (kind) {
    case 'logistic':
      return Math.LN2 / L;
    case 'quad':
      return rho / 4;
    case 'hinge':
      return 0;
  }
}

/** One surrogate at the current z: its value, its gap to the hinge there, and its largest gap. */
export interface SurrogateAtZ {
  readonly kind: Smoothing;
  readonly value: number;
  readonly gap: number;
  readonly maxGap: number;
}

/** The three surrogates at z, in the order hinge, quadratic, logistic (Eq. 4's ℓ, Eq. 7, Eq. 8). */
export function surrogatesAt(z: number, L: number, rho: number): readonly SurrogateAtZ[] {
  const kinds: readonly Smoothing[] = ['hinge', 'quad', 'logistic'];
  const hinge = hingeLoss(z);
  return kinds.map((kind) => {
    const value = surrogateValue(kind, z, L, rho);
    // The logistic gap is computed directly (log1p(e^{−L|z|})/L) so it keeps its digits where
    // ℓ(z) and [z]+ agree to many places (large |z|).
    const gap =
      kind === 'logistic'
        ? Math.log1p(Math.exp(-L * Math.abs(z))) / L
        : kind === 'quad'
          ? value - hinge
          : 0;
    return { kind, value, gap, maxGap: maxGap(kind, L, rho) };
  });
}

/**
 * Points (z, ℓ(z)) of one surrogate on [lo, hi]: n + 1 evenly spaced samples plus the points where the
 * curve bends (0 for the hinge, ±ρ for the quadratic), sorted by z, so every kink is drawn exactly.
 */
export function sampleSurrogate(
  kind: Smoothing,
  lo: number,
  hi: number,
  L: number,
  rho: number,
  n = 240,
): [number, number][] {
  const zs: number[] = [];
  if (kind === 'hinge') {
    zs.push(lo, 0, hi);
  } else {
    for (let i = 0; i <= n; i++) zs.push(lo + ((hi - lo) * i) / n);
    if (kind === 'quad') zs.push(-rho, rho);
  }
  return zs
    .filter((z) => z >= lo && z <= hi)
    .sort((a, b) => a - b)
    .map((z) => [z, surrogateValue(kind, z, L, rho)]);
}
