/**
 * The known ways a port of SigmoidDRLoss goes wrong, in the order `dr check` reports them (the issue's
 * table; the order decides which id is named when several give the same numbers). Each id comes with
 * what it computes and one sentence saying what to change.
 */

/** Every id `dr check` can name, in table order. */
export const VARIANT_IDS = [
  'official',
  'float32',
  'positive-sign',
  'blog-logistic',
  'per-class',
  'divided-by-positives',
  'no-positive-fallback',
  'ignored-as-negative',
  'other-classes-excluded',
  'lambdas-swapped',
  'grad-wrt-scores',
] as const;

export type VariantId = (typeof VARIANT_IDS)[number];

/** The ids that change the maths (all but official and float32, which are precisions of the same maths). */
export type MathsVariantId = Exclude<VariantId, 'official' | 'float32'>;

export const MATHS_VARIANT_IDS: readonly MathsVariantId[] = VARIANT_IDS.filter(
  (id): id is MathsVariantId => id !== 'official' && id !== 'float32',
);

/** What one id computes (docs/maths.md §1–4 for the official maths it departs from). */
export const VARIANT_DESCRIPTIONS: Readonly<Record<VariantId, string>> = {
  official: 'the official SigmoidDRLoss, float64',
  float32: 'the official maths computed in float32',
  'positive-sign': 'q+ ∝ o·exp(+p/λ+) instead of exp(−p/λ+)',
  'blog-logistic': 'ℓ(z) = (1/z)·log(1+e^{Lz}) instead of (1/L)·log(1+e^{Lz})',
  'per-class': 'one pair of distributions per class column, loss = Σ_k τ·ℓ(z_k)',
  'divided-by-positives': 'loss and gradient divided by max(1, n+)',
  'no-positive-fallback': 'with no positive entry, P̂+ = 0 instead of 1',
  'ignored-as-negative': 'rows with target −1 counted as background',
  'other-classes-excluded': "a positive anchor's other-class entries are not negatives",
  'lambdas-swapped': 'λ+ and λ− exchanged',
  'grad-wrt-scores': 'the gradient reported with respect to p = σ(logit) instead of the logit',
};

/** The change that brings a port carrying each variant back to the official maths. */
export const VARIANT_HINTS: Readonly<Record<VariantId, string>> = {
  official: 'Nothing to change: your numbers are the official SigmoidDRLoss to float64 rounding.',
  float32:
    'Nothing is wrong with the maths: your numbers are the official ones to float32 rounding; compute in float64 (e.g. logits.double()) if you need more digits.',
  'positive-sign':
    'Your positive weights use exp(+p/λ+); the official code weights positives by softmax(−p/λ+) so that hard (low-scoring) positives weigh most: flip the sign of the positive exponent.',
  'blog-logistic':
    'Your logistic surrogate divides by z; the official one is log(1 + exp(L·z)) / L: divide by L, not by z (compute it as softplus(L·z) / L).',
  'per-class':
    'You build one pair of distributions per class column and sum the per-class losses; the official code pools all positive entries into one distribution and all negative entries into another, and returns one τ·ℓ(z).',
  'divided-by-positives':
    'You divide the loss by the number of positives; the official SigmoidDRLoss returns τ·ℓ(z) unnormalised: remove the division by max(1, n+).',
  'no-positive-fallback':
    'With no positive entry your P̂+ is 0 (the softmax of an empty tensor); the official code sets P̂+ = 1 in that case: add that fallback.',
  'ignored-as-negative':
    'Your code counts rows with target −1 as background; the official code drops every row with a negative target (they get zero gradient): select rows with target ≥ 0 before building the negatives.',
  'other-classes-excluded':
    "Your code leaves a positive anchor's other-class entries out; in the official code every entry (r, c) with targets[r] ≥ 0 and targets[r] ≠ c+1 is a negative, including the other classes of a positive anchor.",
  'lambdas-swapped':
    'Your temperatures are exchanged: λ+ (pos_lambda, default 1) belongs to the positives and λ− (neg_lambda, default 0.1/ln 3.5) to the negatives.',
  'grad-wrt-scores':
    'Your gradient is with respect to the scores p = σ(logit); the official loss takes logits, so ∂loss/∂logit = ∂loss/∂p · p·(1 − p): differentiate through the sigmoid.',
};
