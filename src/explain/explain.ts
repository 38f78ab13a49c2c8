/**
 * The explainer's one computation: from a candidate set and the parameters to everything the eight
 * panels draw (viz/types.ts ExplainerData). Pure and synchronous; the worker calls it after every
 * change, tests call it for fixtures. Uses the engine (DR loss, q±, gradients) and the related
 * objectives (pairwise hinge, worst case, focal, BCE, recovery counts); computes nothing of its own
 * except histograms, summaries and the hardest-1 % share.
 *
 * A slider drag changes the parameters, not the set, so `prepare` pools the set once and keeps what
 * depends on the scores alone (binning, means, the hardest negatives, BCE and focal, and the pairwise
 * loss of the last γ); `explainPrepared` then redoes only what the parameters change.
 */
import {
  createWorkspace,
  evaluate,
  pool,
  setPriors,
  type Pooled,
  type Workspace,
} from '../engine/index.ts';
import {
  binaryCrossEntropy,
  focalLoss,
  FOCAL_DEFAULTS,
  pairwiseHinge,
  recoveryCounts,
  worstCasePair,
  type PairwiseResult,
} from '../engine/related/index.ts';
import { toEngineParams } from '../state/params.ts';
import type { AppParams, CandidateSet } from '../state/types.ts';
import { DETAIL_LIMIT, type ExplainerData } from '../viz/types.ts';
import { buildDetail } from './detail.ts';
import { hardestNegatives, hardestShare } from './hardest.ts';
import { HISTOGRAM_BINS, originalInto } from './histogram.ts';
import { setBase, setSummary, type SetBase } from './summary.ts';

/** Parameter-independent objectives of a set (BCE and focal do not depend on γ, λ±, L, τ, ρ, o). */
interface SetObjectives {
  readonly bce: { readonly total: number; readonly fromNeg: number };
  readonly focal: { readonly loss: number };
  /** Per-flat-entry gradients, only when the set is small enough for detail. */
  readonly bceGrad: Float64Array | null;
  readonly focalGrad: Float64Array | null;
}

/** The pairwise hinge depends on γ only: kept for the last γ. */
interface PairwiseCache {
  readonly margin: number;
  readonly result: PairwiseResult;
  readonly gradPos: Float64Array | null;
  readonly gradNeg: Float64Array | null;
}

/** What `explainPrepared` reuses across parameter changes (filled on first use). */
interface PreparedCache {
  objectives: SetObjectives | null;
  bases: { readonly bins: number; readonly pos: SetBase; readonly neg: SetBase } | null;
  hardest: Int32Array | null;
  pairwise: PairwiseCache | null;
}

/**
 * A set made ready for repeated explanation under changing parameters: pooled once (sigmoids), one
 * engine workspace, and caches of everything that depends on the scores alone. Not shareable between
 * concurrent calls (the workspace is scratch); results never alias it.
 */
export interface Prepared {
  readonly set: CandidateSet;
  readonly pooled: Pooled;
  readonly ws: Workspace;
  /** Entries in the pooled sets (n+ + n−). */
  readonly entries: number;
  readonly cache: PreparedCache;
}

/** Options of explain; defaults are the app's. */
export interface ExplainOptions {
  /** Largest n+ + n− with per-entry detail (default DETAIL_LIMIT); above it, detail is null. */
  readonly detailLimit?: number;
  /** Histogram bins on [0, 1] (default 40). */
  readonly bins?: number;
}

/**
 * Pool a candidate set for explanation (drloss-math.md §1: positives, negatives, ignored rows).
 * @throws RangeError for a malformed set (see the engine's pool).
 */
export function prepare(set: CandidateSet): Prepared {
  const pooled = pool(set.logits, set.targets, set.K);
  return {
    set,
    pooled,
    ws: createWorkspace(pooled),
    entries: pooled.pPos.length + pooled.pNeg.length,
    cache: { objectives: null, bases: null, hardest: null, pairwise: null },
  };
}

function objectivesOf(prep: Prepared, detail: boolean): SetObjectives {
  const cached = prep.cache.objectives;
  if (cached && (cached.bceGrad !== null || !detail)) return cached;
  const { logits, targets, K } = prep.set;
  const bceGrad = detail ? new Float64Array(logits.length) : null;
  const focalGrad = detail ? new Float64Array(logits.length) : null;
  const bce = binaryCrossEntropy(logits, targets, K, bceGrad ?? undefined);
  const focal = focalLoss(logits, targets, K, FOCAL_DEFAULTS, focalGrad ?? undefined);
  const objectives: SetObjectives = {
    bce: { total: bce.loss, fromNeg: bce.lossNeg },
    focal: { loss: focal.loss },
    bceGrad,
    focalGrad,
  };
  prep.cache.objectives = objectives;
  return objectives;
}

function basesOf(prep: Prepared, bins: number) {
  const cached = prep.cache.bases;
  if (cached && cached.bins === bins) return cached;
  const bases = {
    bins,
    pos: setBase(prep.pooled.pPos, bins),
    neg: setBase(prep.pooled.pNeg, bins),
  };
  prep.cache.bases = bases;
  return bases;
}

function pairwiseOf(prep: Prepared, margin: number, detail: boolean): PairwiseCache {
  const cached = prep.cache.pairwise;
  if (cached && cached.margin === margin && (cached.gradPos !== null || !detail)) return cached;
  const { pPos, pNeg } = prep.pooled;
  const grad = detail
    ? { gradPos: new Float64Array(pPos.length), gradNeg: new Float64Array(pNeg.length) }
    : undefined;
  const pair: PairwiseCache = {
    margin,
    result: pairwiseHinge(pPos, pNeg, margin, grad),
    gradPos: grad?.gradPos ?? null,
    gradNeg: grad?.gradNeg ?? null,
  };
  prep.cache.pairwise = pair;
  return pair;
}

/**
 * Everything the panels draw for `prep` under `params`:
 * - result: the DR loss, P̂±, z, τℓ'(z), n±, ε± = KL(q±‖o±), ESS± (engine `evaluate`, Eq. 6 and
 *   Propositions 1–2);
 * - pos / neg: n, plain mean, min, max, and 40-bin histograms of counts, o-mass and q-mass on [0, 1];
 * - detail: per-entry p, logit, q, o, ∂DR/∂p, ∂DR/∂logit, focal and BCE ∂/∂logit, pairwise ∂/∂p, in
 *   flat-index order, when n+ + n− ≤ detailLimit; otherwise null;
 * - pairwise: Σ_{j+,j−} [p− − p+ + γ]+ with the violating-pair count and n+·n− (Eq. 3/4);
 * - worstCase: τ·ℓ(max p− − min p+ + γ) (Eq. 5; empty sets as P̂+ = 1, P̂− = 0);
 * - bce: Σ BCE and the negatives' part (Eq. 1–2); focal: RetinaNet's FL (α 0.25, γf 2, ÷ n+);
 * - recovery: #positives with p ≥ γ, #negatives with p ≤ 1 − γ (§3.3);
 * - hardestShare: the top 1 % of negatives' share of Σ|∂DR/∂logit| over negatives.
 *
 * @throws RangeError for parameters the engine rejects (λ± ≤ 0, …).
 */
export function explainPrepared(
  prep: Prepared,
  params: AppParams,
  options: ExplainOptions = {},
): ExplainerData {
  const { pooled, ws } = prep;
  const { pPos, pNeg } = pooled;
  const engineParams = toEngineParams(params);
  const wantDetail = prep.entries <= (options.detailLimit ?? DETAIL_LIMIT);
  // ∂DR/∂logit per flat entry is only read by the detail; skipping it saves a scatter over R·K.
  const result = evaluate(pooled, engineParams, ws, { gradLogits: wantDetail });
  const priors = setPriors(pooled, engineParams.original);

  const objectives = objectivesOf(prep, wantDetail);
  const bases = basesOf(prep, options.bins ?? HISTOGRAM_BINS);
  const pair = pairwiseOf(prep, params.margin, wantDetail);
  prep.cache.hardest ??= hardestNegatives(pNeg);
  const worst = worstCasePair(pPos, pNeg, engineParams);

  const detail =
    wantDetail && pair.gradPos && pair.gradNeg && objectives.bceGrad && objectives.focalGrad
      ? buildDetail(pooled, prep.set.logits, ws, {
          oPos: originalInto(priors.pos, pPos.length, new Float64Array(pPos.length)),
          oNeg: originalInto(priors.neg, pNeg.length, new Float64Array(pNeg.length)),
          pairPos: pair.gradPos,
          pairNeg: pair.gradNeg,
          bceGrad: objectives.bceGrad,
          focalGrad: objectives.focalGrad,
        })
      : null;

  return {
    result,
    pos: setSummary(bases.pos, ws.qPos, priors.pos),
    neg: setSummary(bases.neg, ws.qNeg, priors.neg),
    detail,
    pairwise: {
      loss: pair.result.loss,
      violating: pair.result.violating,
      pairs: pair.result.pairs,
    },
    worstCase: { loss: worst.loss, maxNeg: worst.maxNeg, minPos: worst.minPos },
    bce: objectives.bce,
    focal: objectives.focal,
    recovery: recoveryCounts(pPos, pNeg, params.margin),
    hardestShare: hardestShare(pNeg, ws.gradPNeg, prep.cache.hardest),
  };
}

/** explainPrepared(prepare(set), params, options): one-shot explanation of a set. */
export function explain(
  set: CandidateSet,
  params: AppParams,
  options: ExplainOptions = {},
): ExplainerData {
  return explainPrepared(prepare(set), params, options);
}
