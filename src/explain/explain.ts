/**
 * The explainer's one computation: from a candidate set and the parameters to everything the eight
 * panels draw (viz/types.ts ExplainerData). Pure and synchronous; the worker calls it after every
 * change, tests call it for fixtures. Uses the engine (DR loss, q±, gradients) and the related
 * objectives (pairwise hinge, worst case, focal, BCE, recovery counts); computes nothing of its own
 * except histograms, summaries and the hardest-1 % share.
 *
 * A slider drag changes the parameters, not the set, so `prepare` pools the set once and keeps what
 * depends on the scores alone (each set sorted, with its bins and hardest 1 % as index ranges; BCE
 * and focal; the pairwise loss of the last γ; each set's last fused pass); `explainPrepared` then
 * redoes only what the parameters change.
 */
import {
  cellSegmentSums,
  createEvaluateCache,
  createWorkspace,
  evaluate,
  pool,
  resultFromSums,
  SEG_LEN,
  setPriors,
  SUM_LEN,
  tiltedSegmentSums,
  validateParams,
  type DRParams,
  type EvaluateCache,
  type Pooled,
  type TiltSign,
  type Workspace,
} from '../engine/index.ts';
import {
  entryObjectives,
  FOCAL_DEFAULTS,
  pairwiseHinge,
  pairwiseHingeSorted,
  recoveryCountsSorted,
  worstCaseLoss,
  type PairwiseResult,
} from '../engine/objectives/index.ts';
import { objectivesBlocked, shardRowsFor, type BlockedObjectives } from '../engine/shards/index.ts';
import { toEngineParams } from '../params/table.ts';
import type { AppParams } from '../params/types.ts';
import type { CandidateSet } from '../data/types.ts';
import { DETAIL_LIMIT, type EntryDetail, type ExplainerData } from './types.ts';
import { buildDetail } from './detail.ts';
import { hardestShare } from './hardest.ts';
import { HISTOGRAM_BINS, originalInto } from './histogram.ts';
import { sortedSet, sortedSetOf, type SortedSet } from './sortedSet.ts';
import { setSummary } from './summary.ts';

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

/** One set's fused tilted pass (tiltedSegmentSums) for its λ and support start, kept until they change. */
interface SetTilt {
  lambda: number;
  from: number;
  readonly sums: Float64Array;
  readonly seg: Float64Array;
}

/** Both sets sorted for one bin count, with their last fused passes. */
interface SortedSets {
  readonly bins: number;
  readonly pos: SortedSet;
  readonly neg: SortedSet;
  tiltPos: SetTilt | null;
  tiltNeg: SetTilt | null;
}

/** What `explainPrepared` reuses across parameter changes (filled on first use). */
interface PreparedCache {
  /** 'pending': a pool of workers computes them (prepareSorted with `pending`); see provideObjectives. */
  objectives: SetObjectives | 'pending' | null;
  sorted: SortedSets | null;
  pairwise: PairwiseCache | null;
  ws: Workspace | null;
  /** The engine's memo of the pooled problem (hard-negative supports, gathered weights). */
  readonly engine: EvaluateCache;
}

/**
 * A set made ready for repeated explanation under changing parameters: pooled once (sigmoids), each
 * set's scores sorted once, and caches of everything that depends on the scores alone. Not shareable
 * between concurrent calls (the workspace and the passes' sums are scratch); results never alias it.
 */
export interface Prepared {
  readonly set: CandidateSet;
  /** The pooled set (engine pool); computed on first read when prepareSorted made this. */
  readonly pooled: Pooled;
  /**
   * The engine workspace of the per-entry detail, allocated on first read: sets above the detail
   * limit never need its q, ∂/∂p and ∂/∂logit arrays (192 MB at 8·10⁶ entries).
   */
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
 * Pool a candidate set for explanation (docs/maths.md §1: positives, negatives, ignored rows).
 * @throws RangeError for a malformed set (see the engine's pool).
 */
export function prepare(set: CandidateSet): Prepared {
  const pooled = pool(set.logits, set.targets, set.K);
  return prepared(set, () => pooled, pooled.pPos.length + pooled.pNeg.length, null);
}

/**
 * `prepare` for a set whose scores were pooled and sorted elsewhere (a pool of workers,
 * src/worker/poolLoad.ts): `sorted.pos` / `sorted.neg` must be sortAscending of the sigmoids of the
 * set's positive / negative entries, and `objectives`, when given, objectivesBlocked of the set in the
 * engine's blocks (engine/shards). The pooled arrays themselves are computed only if read (per-entry
 * detail, which sets this large never show). Every explanation is then the one `prepare` gives, bit
 * for bit.
 */
export function prepareSorted(
  set: CandidateSet,
  sorted: { readonly pos: Float64Array; readonly neg: Float64Array },
  objectives?: BlockedObjectives | 'pending',
): Prepared {
  let pooled: Pooled | null = null;
  const lazy = () => (pooled ??= pool(set.logits, set.targets, set.K));
  const bins = HISTOGRAM_BINS;
  const prep = prepared(set, lazy, sorted.pos.length + sorted.neg.length, {
    bins,
    pos: sortedSetOf(sorted.pos, bins),
    neg: sortedSetOf(sorted.neg, bins),
    tiltPos: null,
    tiltNeg: null,
  });
  // 'pending': explanations leave BCE and FL null until provideObjectives (the set's logits are not
  // here yet to compute them from)
  if (objectives === 'pending') prep.cache.objectives = 'pending';
  else if (objectives) provideObjectives(prep, objectives);
  return prep;
}

/**
 * The BCE and FL totals of a set prepareSorted made without them (objectivesBlocked of the set): a
 * pool of workers computes them while this thread prepares the sorted sets and explains. Given before
 * the first explanation, every explanation has them; given later (prepareSorted with 'pending'), the
 * explanations before have them null. Without them and not pending, the first explanation computes
 * them from the set's logits.
 */
export function provideObjectives(prep: Prepared, objectives: BlockedObjectives): void {
  prep.cache.objectives = { ...objectives, bceGrad: null, focalGrad: null };
}

function prepared(
  set: CandidateSet,
  pooledOf: () => Pooled,
  entries: number,
  sorted: SortedSets | null,
): Prepared {
  const cache: PreparedCache = {
    objectives: null,
    sorted,
    pairwise: null,
    ws: null,
    engine: createEvaluateCache(),
  };
  return {
    set,
    get pooled() {
      return pooledOf();
    },
    get ws() {
      return (cache.ws ??= createWorkspace(pooledOf()));
    },
    entries,
    cache,
  };
}

/** The set's objectives; null while they are pending (a pool of workers computes them). */
function objectivesOf(prep: Prepared, detail: boolean): SetObjectives | null {
  const cached = prep.cache.objectives;
  if (cached === 'pending') return null;
  if (cached && (cached.bceGrad !== null || !detail)) return cached;
  const { logits, targets, K } = prep.set;
  // The totals are sums over the engine's blocks of rows, in block order: what a pool of workers
  // computes (prepareSorted), the same with and without detail; a set of one block (every set with
  // detail but those padded with millions of ignored rows) gets entryObjectives' numbers exactly.
  const blockRows = shardRowsFor(K);
  if (!detail) {
    const blocked = objectivesBlocked(logits, targets, K, FOCAL_DEFAULTS, blockRows);
    return (prep.cache.objectives = { ...blocked, bceGrad: null, focalGrad: null });
  }
  const bceGrad = new Float64Array(logits.length);
  const focalGrad = new Float64Array(logits.length);
  const { bce, focal } = entryObjectives(logits, targets, K, FOCAL_DEFAULTS, {
    bce: bceGrad,
    focal: focalGrad,
  });
  const totals =
    targets.length > blockRows
      ? objectivesBlocked(logits, targets, K, FOCAL_DEFAULTS, blockRows)
      : { bce: { total: bce.loss, fromNeg: bce.lossNeg }, focal: { loss: focal.loss } };
  const objectives: SetObjectives = { ...totals, bceGrad, focalGrad };
  prep.cache.objectives = objectives;
  return objectives;
}

function sortedOf(prep: Prepared, bins: number): SortedSets {
  const cached = prep.cache.sorted;
  if (cached && cached.bins === bins) return cached;
  const sets: SortedSets = {
    bins,
    pos: sortedSet(prep.pooled.pPos, bins),
    neg: sortedSet(prep.pooled.pNeg, bins),
    tiltPos: null,
    tiltNeg: null,
  };
  prep.cache.sorted = sets;
  return sets;
}

/** The fused pass of one set for λ and support start `from`, redone only when either changed. */
function tiltOf(
  set: SortedSet,
  last: SetTilt | null,
  sign: TiltSign,
  lambda: number,
  from: number,
): SetTilt {
  if (last && last.lambda === lambda && last.from === from) return last;
  const tilt = last ?? {
    lambda,
    from,
    sums: new Float64Array(SUM_LEN),
    seg: new Float64Array(SEG_LEN * set.ends.length),
  };
  // Large sets: from the cell moments in O(cells); otherwise (or for λ below the series' reach) a
  // pass over the scores. Both give the same sums to a few 2^-53 (engine cells.ts).
  const byCells =
    set.cells !== null &&
    cellSegmentSums(set.cells, set.p, sign, lambda, from, set.ends, tilt.seg, tilt.sums);
  if (!byCells) tiltedSegmentSums(set.p, sign, lambda, from, set.ends, tilt.seg, tilt.sums);
  tilt.lambda = lambda;
  tilt.from = from;
  return tilt;
}

/**
 * Start of the negatives' support in sorted order: the hard-negative prior is uniform over the k
 * highest scores (the engine's setPriors: k ≥ n− means uniform), the uniform prior over all.
 */
function supportStart(params: DRParams, nNeg: number): number {
  return params.original.kind === 'hardNegative' ? Math.max(0, nNeg - params.original.k) : 0;
}

/**
 * The pairwise loss and count come from the sorted sets whatever the size, so a set explains to the
 * same numbers with and without detail; the per-entry gradient (detail only) from pairwiseHinge.
 */
function pairwiseOf(
  prep: Prepared,
  sets: SortedSets,
  margin: number,
  detail: boolean,
): PairwiseCache {
  const cached = prep.cache.pairwise;
  const same = cached !== null && cached.margin === margin;
  if (same && (cached.gradPos !== null || !detail)) return cached;
  const result = same
    ? cached.result
    : pairwiseHingeSorted(sets.pos.p, sets.neg.p, margin, sets.neg.blockSums);
  let grad: { gradPos: Float64Array; gradNeg: Float64Array } | null = null;
  if (detail) {
    const { pPos, pNeg } = prep.pooled;
    grad = { gradPos: new Float64Array(pPos.length), gradNeg: new Float64Array(pNeg.length) };
    pairwiseHinge(pPos, pNeg, margin, grad);
  }
  const pair: PairwiseCache = {
    margin,
    result,
    gradPos: grad?.gradPos ?? null,
    gradNeg: grad?.gradNeg ?? null,
  };
  prep.cache.pairwise = pair;
  return pair;
}

/** Per-entry q, o and gradients of every objective, in flat-index order (engine evaluate). */
function detailOf(
  prep: Prepared,
  params: DRParams,
  pair: PairwiseCache,
  objectives: SetObjectives | null,
): EntryDetail | null {
  const { pooled } = prep;
  const { pPos, pNeg } = pooled;
  if (!(pair.gradPos && pair.gradNeg && objectives?.bceGrad && objectives.focalGrad)) return null;
  const ws = prep.ws;
  evaluate(pooled, params, ws, { cache: prep.cache.engine });
  const priors = setPriors(pooled, params.original, prep.cache.engine);
  return buildDetail(pooled, prep.set.logits, ws, {
    oPos: originalInto(priors.pos, pPos.length, new Float64Array(pPos.length)),
    oNeg: originalInto(priors.neg, pNeg.length, new Float64Array(pNeg.length)),
    pairPos: pair.gradPos,
    pairNeg: pair.gradNeg,
    bceGrad: objectives.bceGrad,
    focalGrad: objectives.focalGrad,
  });
}

/**
 * Everything the panels draw for `prep` under `params`:
 * - result: the DR loss, P̂±, z, τℓ'(z), n±, ε± = KL(q±‖o±), ESS± (Eq. 6 and Propositions 1–2), from
 *   one fused pass per set over its sorted scores (engine tiltedSegmentSums, resultFromSums), redone
 *   only for a set whose λ or prior changed, and taken from the set's cell moments when it has them
 *   (engine cellSegmentSums: O(cells), ~5·10⁴ for 8·10⁶ scores, instead of O(n));
 * - pos / neg: n, plain mean, min, max, and 40-bin histograms of counts, o-mass and q-mass on [0, 1]
 *   (q-mass from the same pass);
 * - detail: per-entry p, logit, q, o, ∂DR/∂p, ∂DR/∂logit (engine evaluate), focal and BCE ∂/∂logit,
 *   pairwise ∂/∂p, in flat-index order, when n+ + n− ≤ detailLimit; otherwise null;
 * - pairwise: Σ_{j+,j−} [p− − p+ + γ]+ with the violating-pair count and n+·n− (Eq. 3/4);
 * - worstCase: τ·ℓ(max p− − min p+ + γ) (Eq. 5; empty sets as P̂+ = 1, P̂− = 0);
 * - bce: Σ BCE and the negatives' part (Eq. 1–2); focal: RetinaNet's FL (α 0.25, γf 2, ÷ n+); both
 *   null while pending (prepareSorted with 'pending', until provideObjectives);
 * - recovery: #positives with p ≥ γ, #negatives with p ≤ 1 − γ (§3.3);
 * - hardestShare: the top 1 % of negatives' share of Σ|∂DR/∂logit| over negatives (from the pass).
 * Above the detail limit a parameter change costs the fused pass of the set whose λ or prior changed
 * (none for γ, τ, L, ρ; a sum over cells for a large set) plus binary searches.
 *
 * @throws RangeError for parameters the engine rejects (λ± ≤ 0, …).
 */
export function explainPrepared(
  prep: Prepared,
  params: AppParams,
  options: ExplainOptions = {},
): ExplainerData {
  const engineParams = toEngineParams(params);
  validateParams(engineParams);
  const wantDetail = prep.entries <= (options.detailLimit ?? DETAIL_LIMIT);
  const sets = sortedOf(prep, options.bins ?? HISTOGRAM_BINS);
  const { pos, neg } = sets;
  const negFrom = supportStart(engineParams, neg.n);
  const tiltNeg = (sets.tiltNeg = tiltOf(neg, sets.tiltNeg, 1, params.lambdaNeg, negFrom));
  const tiltPos = (sets.tiltPos = tiltOf(pos, sets.tiltPos, -1, params.lambdaPos, 0));
  const result = resultFromSums(engineParams, tiltPos.sums, tiltNeg.sums, pos.n, neg.n);

  const objectives = objectivesOf(prep, wantDetail);
  const pair = pairwiseOf(prep, sets, params.margin, wantDetail);
  const maxNeg = neg.n > 0 ? neg.p[neg.n - 1] : 0;
  const minPos = pos.n > 0 ? pos.p[0] : 1;

  return {
    result,
    pos: setSummary(pos, 0, tiltPos.seg, tiltPos.sums),
    neg: setSummary(neg, negFrom, tiltNeg.seg, tiltNeg.sums),
    detail: wantDetail ? detailOf(prep, engineParams, pair, objectives) : null,
    pairwise: {
      loss: pair.result.loss,
      violating: pair.result.violating,
      pairs: pair.result.pairs,
    },
    worstCase: { loss: worstCaseLoss(maxNeg, minPos, engineParams).loss, maxNeg, minPos },
    bce: objectives?.bce ?? null,
    focal: objectives?.focal ?? null,
    recovery: recoveryCountsSorted(pos.p, neg.p, params.margin),
    hardestShare: hardestShare(
      neg,
      negFrom,
      tiltNeg.seg,
      tiltNeg.sums,
      params.lambdaNeg,
      result.slope,
    ),
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
