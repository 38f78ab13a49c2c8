/**
 * Surrogates ℓ of the hinge [z]+ applied to z = P̂− − P̂+ + γ (paper Eq. 7–8, docs/maths.md §3), with
 * their slopes ℓ'(z) for the gradient (§4).
 */
import { sigmoid, softplus } from './numerics.ts';
import type { Smoothing } from './types.ts';

/** Logistic surrogate, paper Eq. 8: ℓ(z) = (1/L)·log(1 + e^(L·z)) = softplus(L·z)/L; never overflows. */
export function logisticLoss(z: number, L: number): number {
  return softplus(L * z) / L;
}

/** ℓ'(z) of the logistic surrogate: σ(L·z), in (0, 1). */
export function logisticSlope(z: number, L: number): number {
  return sigmoid(L * z);
}

/** Quadratic surrogate, paper Eq. 7: z if z ≥ ρ; (z+ρ)²/(4ρ) if −ρ < z < ρ; 0 if z ≤ −ρ (C¹ at ±ρ). */
export function quadraticLoss(z: number, rho: number): number {
  if (z >= rho) return z;
  if (z <= -rho) return 0;
  const u = z + rho;
  return (u * u) / (4 * rho);
}

/** ℓ'(z) of the quadratic surrogate: 1 if z ≥ ρ; (z+ρ)/(2ρ) if −ρ < z < ρ; 0 if z ≤ −ρ. */
export function quadraticSlope(z: number, rho: number): number {
  if (z >= rho) return 1;
  if (z <= -rho) return 0;
  return (z + rho) / (2 * rho);
}

/** The hinge [z]+ = max(0, z) itself (paper Eq. 4's ℓ). */
export function hingeLoss(z: number): number {
  return z > 0 ? z : 0;
}

/** Slope of the hinge: 1 for z > 0, 0 for z ≤ 0 (the subgradient 0 at the kink, as ReLU's autograd). */
export function hingeSlope(z: number): number {
  return z > 0 ? 1 : 0;
}

/** ℓ(z) and ℓ'(z) of one surrogate. */
export interface SurrogateValue {
  readonly value: number;
  readonly slope: number;
}

/** ℓ(z) and ℓ'(z) for the chosen smoothing; L is used by 'logistic', ρ by 'quad'. */
export function surrogate(smoothing: Smoothing, z: number, L: number, rho: number): SurrogateValue {
  switch (smoothing) {
    case 'logistic':
      return { value: logisticLoss(z, L), slope: logisticSlope(z, L) };
    case 'quad':
      return { value: quadraticLoss(z, rho), slope: quadraticSlope(z, rho) };
    case 'hinge':
      return { value: hingeLoss(z), slope: hingeSlope(z) };
  }
}
