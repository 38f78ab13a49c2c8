/**
 * The engine's shared types: the contract every other layer (worker, CLI, state, panels) codes against.
 * Conventions: float64 throughout; logits are row-major R×K in one Float64Array; an *entry* is (r, c)
 * with flat index r·K + c (see docs/maths.md §1).
 */

/**
 * The surrogates ℓ of the hinge [z]+ the engine implements (paper Eq. 7–8): the one list every layer
 * validates, parses and offers against.
 */
export const SMOOTHINGS = Object.freeze(['logistic', 'quad', 'hinge'] as const);

/** Surrogate ℓ for the hinge [z]+ (paper Eq. 7–8): one of SMOOTHINGS. */
export type Smoothing = (typeof SMOOTHINGS)[number];

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

/** Parameters of the DR loss; defaults in DEFAULT_PARAMS (docs/maths.md §2). */
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
 * The original distribution o restricted to one set, as the kernels take it (setPriors builds it from
 * an OriginalDistribution):
 * - null: uniform, o_j = 1/n;
 * - { support }: uniform over the listed positions (ascending, within the set), 0 elsewhere
 *   (the hard-negative prior);
 * - { weights }: o_j ∝ weights[j] ≥ 0 (same length as the set; need not be normalised).
 */
export type SetPrior = null | { readonly support: Int32Array } | { readonly weights: Float64Array };

/** The priors of the positive and the negative set (setPriors). */
export interface SetPriors {
  readonly pos: SetPrior;
  readonly neg: SetPrior;
}

/** Tilt direction σ: +1 for the negative set (Proposition 1), −1 for the positive set (Proposition 2). */
export type TiltSign = 1 | -1;

/**
 * The pooled sets of one problem, built once from logits and targets by `pool()`; the sigmoids live
 * here, so a change of parameters alone never recomputes them. Immutable by contract: nothing may
 * write into its arrays once `pool` has returned it (posMin, negMax and every cache built for it
 * describe those arrays).
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
  /**
   * min pPos (Infinity when there is no positive) and max pNeg (−Infinity when there is no negative):
   * the shifts of the softmaxes of Propositions 1–2, recorded by `pool` while it computes the
   * sigmoids so that no evaluation needs a pass to find them. Exact: they shift every exponent.
   */
  readonly posMin: number;
  readonly negMax: number;
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
