/**
 * The engine's shared types: the contract every other layer (worker, CLI, state, panels) codes against.
 * Conventions: float64 throughout; logits are row-major R×K in one Float64Array; an *entry* is (r, c)
 * with flat index r·K + c (see ../shared/drloss-math.md §1).
 */

/** Surrogate ℓ for the hinge [z]+ (paper Eq. 7–8). */
export type Smoothing = 'logistic' | 'quad' | 'hinge';

/**
 * The original distribution o of Propositions 1–2 (the prior the KL term pulls q towards).
 * - uniform: o_j = 1/n (the paper and the official code; q is then a plain softmax).
 * - hardNegative: negatives only: o_j = 1/k on the k highest-scoring negatives (ties: lower flat index
 *   first), 0 elsewhere; positives stay uniform. k ≥ n− means uniform.
 * - weights: user-given non-negative weights per flat entry (length R·K), normalised within each set;
 *   a set whose weights sum to 0 falls back to uniform.
 */
export type OriginalDistribution =
  | { readonly kind: 'uniform' }
  | { readonly kind: 'hardNegative'; readonly k: number }
  | { readonly kind: 'weights'; readonly weights: Float64Array };

/** Parameters of the DR loss; defaults in DEFAULT_PARAMS (drloss-math.md §2). */
export interface DRParams {
  /** γ, the margin; z = P̂− − P̂+ + γ. */
  readonly margin: number;
  /** λ+ > 0, temperature of the positive distribution (q+ ∝ o·exp(−p/λ+)). */
  readonly lambdaPos: number;
  /** λ− > 0, temperature of the negative distribution (q− ∝ o·exp(p/λ−)). */
  readonly lambdaNeg: number;
  /** L > 0, sharpness of the logistic surrogate ℓ(z) = softplus(L·z)/L. */
  readonly L: number;
  /** τ, weight of the classification loss: DR = τ·ℓ(z). */
  readonly tau: number;
  /** ρ > 0, half-width of the quadratic surrogate (Eq. 7). */
  readonly rho: number;
  readonly smoothing: Smoothing;
  readonly original: OriginalDistribution;
}

/** Defaults of the official code and the paper: γ=0.5, λ+=1, λ−=0.1/ln 3.5, L=6, τ=4, ρ=0.5. */
export const DEFAULT_PARAMS: DRParams = Object.freeze({
  margin: 0.5,
  lambdaPos: 1,
  lambdaNeg: 0.1 / Math.log(3.5),
  L: 6,
  tau: 4,
  rho: 0.5,
  smoothing: 'logistic',
  original: Object.freeze({ kind: 'uniform' }),
});

/**
 * The pooled sets of one problem, built once from logits and targets by `pool()`; the sigmoids live
 * here, so a change of parameters alone never recomputes them.
 */
export interface Pooled {
  readonly R: number;
  readonly K: number;
  /** σ(logit) of every positive entry, in flat-index order. */
  readonly pPos: Float64Array;
  /** σ(logit) of every negative entry, in flat-index order. */
  readonly pNeg: Float64Array;
  /** Flat entry index (r·K + c) of each positive / negative entry. */
  readonly posIndex: Int32Array;
  readonly negIndex: Int32Array;
}

/** Scalars of one evaluation. */
export interface DRResult {
  readonly loss: number;
  /** P̂+ = Σ q+_j p_j (1 when there is no positive entry). */
  readonly pPlus: number;
  /** P̂− = Σ q−_j p_j (0 when there is no negative entry, as the official code). */
  readonly pMinus: number;
  /** z = P̂− − P̂+ + γ. */
  readonly z: number;
  /** τ·ℓ'(z), the factor every gradient entry shares. */
  readonly slope: number;
  readonly nPos: number;
  readonly nNeg: number;
  /** ε = KL(q‖o) of each set (the implied constraint radius of Proposition 1); 0 for an empty set. */
  readonly klPos: number;
  readonly klNeg: number;
  /** Effective sample size 1/Σq² of each set; 0 for an empty set. */
  readonly essPos: number;
  readonly essNeg: number;
}

/**
 * Buffers a caller owns and the engine writes into (no allocation per evaluation once sized).
 * qPos/qNeg and gradPPos/gradPNeg have the lengths of pPos/pNeg; gradLogits has length R·K
 * (ignored rows and ignored entries get 0).
 */
export interface Workspace {
  qPos: Float64Array;
  qNeg: Float64Array;
  /** ∂DR/∂p per positive / negative entry. */
  gradPPos: Float64Array;
  gradPNeg: Float64Array;
  /** ∂DR/∂logit per flat entry. */
  gradLogits: Float64Array;
}
