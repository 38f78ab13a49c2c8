/**
 * What the candidate picker says about a preset, computed from the engine rather than asserted: every
 * number in a preset's description is filled from `presetFacts` (the preset generated for its seed
 * and explained at the paper's defaults), and every sentence that depends on a number (which side of
 * a threshold, which of two values is larger) is picked from it. tests/app/presetFacts.test.ts checks
 * every claim against the engine for several seeds ("explain the claim").
 */
import { generatePreset, presetInfo } from '../data/index.ts';
import type { CandidateSet, PresetId } from '../data/types.ts';
import { drLoss } from '../engine/index.ts';
import { explain } from '../explain/index.ts';
import type { ExplainerData } from '../explain/types.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../params/table.ts';
import type { AppParams } from '../params/types.ts';
import type { StringKey, Translate } from '../i18n/strings.ts';
import { fmtCount, fmtNum, fmtP, fmtPct } from '../viz/format.ts';

/** The share of q− on the `k` highest-scoring negatives, and their plain mean score. */
export interface TopNegatives {
  readonly k: number;
  readonly share: number;
  readonly mean: number;
}

/** Engine numbers of one generated preset at the paper's defaults (one class of facts per claim). */
export interface PresetFacts {
  readonly id: PresetId;
  readonly seed: number;
  readonly R: number;
  readonly K: number;
  /** Positive and ignored anchors (rows). */
  readonly anchors: number;
  readonly ignored: number;
  readonly nPos: number;
  readonly nNeg: number;
  readonly mPos: number;
  readonly mNeg: number;
  readonly pPlus: number;
  readonly pMinus: number;
  readonly z: number;
  readonly loss: number;
  readonly margin: number;
  readonly lambdaNeg: number;
  /** Negatives with ∂DR/∂p < 0 (descent raises them) and > 0 (descent lowers them). */
  readonly raised: number;
  readonly lowered: number;
  /** The top 1 % of negatives (at least one). */
  readonly top1: TopNegatives;
  /** The negatives counted by `top` below (the preset's own block of hard negatives, else 1 %). */
  readonly top: TopNegatives;
  /** fig2-large-var: the small-variance preset of the same seed, for the comparison. */
  readonly partner: {
    readonly mNeg: number;
    readonly pMinus: number;
    readonly z: number;
    readonly loss: number;
  } | null;
}

/** Hard negatives of the 'hard-negatives' preset (its third block). */
const HARD_BLOCK = 30;

function topNegatives(data: ExplainerData, k: number): TopNegatives {
  const d = data.detail;
  if (!d) return { k, share: Number.NaN, mean: Number.NaN };
  const neg: number[] = [];
  for (let i = 0; i < d.p.length; i++) if (d.positive[i] === 0) neg.push(i);
  neg.sort((a, b) => d.p[b] - d.p[a]);
  let share = 0;
  let sum = 0;
  const m = Math.min(k, neg.length);
  for (let t = 0; t < m; t++) {
    share += d.q[neg[t]];
    sum += d.p[neg[t]];
  }
  return { k: m, share, mean: m > 0 ? sum / m : Number.NaN };
}

function signCounts(data: ExplainerData): { raised: number; lowered: number } {
  const d = data.detail;
  if (!d) return { raised: Number.NaN, lowered: Number.NaN };
  let raised = 0;
  let lowered = 0;
  for (let i = 0; i < d.p.length; i++) {
    if (d.positive[i] !== 0) continue;
    if (d.gradP[i] < 0) raised++;
    else if (d.gradP[i] > 0) lowered++;
  }
  return { raised, lowered };
}

/** The facts of a set (any set: the tests also call it on edited ones). */
export function factsOf(
  id: PresetId,
  seed: number,
  set: CandidateSet,
  params: AppParams = DEFAULT_APP_PARAMS,
): PresetFacts {
  const data = explain(set, params);
  const r = data.result;
  let anchors = 0;
  let ignored = 0;
  for (const t of set.targets) {
    if (t > 0) anchors++;
    else if (t < 0) ignored++;
  }
  const top1 = topNegatives(data, Math.max(1, Math.ceil(0.01 * r.nNeg)));
  let partner: PresetFacts['partner'] = null;
  if (id === 'fig2-large-var') {
    const other = explain(generatePreset('fig2-small-var', seed), params);
    const o = other.result;
    partner = { mNeg: other.neg.mean, pMinus: o.pMinus, z: o.z, loss: o.loss };
  }
  return {
    id,
    seed,
    R: set.R,
    K: set.K,
    anchors,
    ignored,
    nPos: r.nPos,
    nNeg: r.nNeg,
    mPos: data.pos.mean,
    mNeg: data.neg.mean,
    pPlus: r.pPlus,
    pMinus: r.pMinus,
    z: r.z,
    loss: r.loss,
    margin: params.margin,
    lambdaNeg: params.lambdaNeg,
    ...signCounts(data),
    top1,
    top: id === 'hard-negatives' ? topNegatives(data, HARD_BLOCK) : top1,
    partner,
  };
}

/** Presets whose set is small enough to generate and explain on the main thread for the picker. */
export function hasFacts(id: PresetId): boolean {
  return id !== 'detection-scale';
}

const memo = new Map<string, PresetFacts>();

/** The facts of preset `id` for `seed` at the paper's defaults (memoised), or null for the large preset. */
export function presetFacts(id: PresetId, seed: number): PresetFacts | null {
  if (!hasFacts(id)) return null;
  const key = `${id}:${seed}`;
  let f = memo.get(key);
  if (!f) {
    f = factsOf(id, seed, generatePreset(id, seed));
    if (memo.size > 32) memo.clear();
    memo.set(key, f);
  }
  return f;
}

/**
 * DR at initialisation (π = 0.5: every logit 0, every score 0.5, so P̂± = 0.5 and z = γ): the engine's
 * loss of one positive and one negative at logit 0, τ·ℓ(γ).
 */
export function lossAtInit(params: AppParams = DEFAULT_APP_PARAMS): number {
  const zero = new Float64Array(2);
  return drLoss(zero, Int32Array.of(1, 0), 1, toEngineParams(params)).result.loss;
}

/** The sentences of a preset's description, each filled from `f` (null: the large preset). */
export function describePreset(id: PresetId, f: PresetFacts | null, s: Translate): string[] {
  const info = presetInfo(id);
  const out: string[] = [];
  const counts = {
    R: fmtCount(info?.R ?? 0),
    K: fmtCount(info?.K ?? 0),
    entries: fmtCount((info?.R ?? 0) * (info?.K ?? 0)),
    anchors: fmtCount(info?.positives ?? 0),
    ignored: fmtCount(info?.ignored ?? 0),
  };
  if (f === null) {
    out.push(s(`presetDesc.${id}` as StringKey, { ...counts, dr0: fmtNum(lossAtInit()) }));
    return out;
  }
  const v = {
    ...counts,
    seed: f.seed,
    nPos: fmtCount(f.nPos),
    nNeg: fmtCount(f.nNeg),
    pairs: fmtCount(f.nPos * f.nNeg),
    mPos: fmtP(f.mPos),
    mNeg: fmtP(f.mNeg),
    pPlus: fmtP(f.pPlus),
    pMinus: fmtP(f.pMinus),
    z: fmtNum(f.z),
    loss: fmtNum(f.loss),
    g: fmtNum(f.margin),
    gap: fmtP(f.mPos - f.mNeg),
    k: fmtCount(f.top.k),
    share: fmtPct(f.top.share),
    mTop: fmtP(f.top.mean),
    raised: fmtCount(f.raised),
    lowered: fmtCount(f.lowered),
    c: fmtP(f.pMinus - f.lambdaNeg),
    easy: fmtCount(f.nNeg - HARD_BLOCK),
    hard: fmtCount(HARD_BLOCK),
  };
  out.push(s(`presetDesc.${id}` as StringKey, v));
  switch (id) {
    case 'paper-default':
    case 'imbalance-1000':
    case 'hard-negatives':
      out.push(s(`presetDesc.${id}.top` as StringKey, v));
      break;
    case 'no-positives':
      out.push(s('presetDesc.no-positives.raised', v));
      break;
    case 'fig2-small-var':
      out.push(
        s(f.mPos - f.mNeg < f.margin ? 'presetDesc.gap.below' : 'presetDesc.gap.atLeast', v),
      );
      break;
    case 'fig2-large-var':
      if (f.partner) {
        const p = f.partner;
        out.push(
          s('presetDesc.fig2-large-var.compare', {
            mNegSmall: fmtP(p.mNeg),
            mNeg: v.mNeg,
            pMinusSmall: fmtP(p.pMinus),
            pMinus: v.pMinus,
            zSmall: fmtNum(p.z),
            z: v.z,
            zRatio: fmtNum(f.z / p.z),
            lossSmall: fmtNum(p.loss),
            loss: v.loss,
            lossRatio: fmtNum(f.loss / p.loss),
          }),
        );
        out.push(
          s(f.mPos - f.mNeg < f.margin ? 'presetDesc.gap.below' : 'presetDesc.gap.atLeast', v),
        );
      }
      break;
    default:
      break;
  }
  out.push(s('presetDesc.pHat', v));
  // With an empty set there is nothing to compare (P̂+ := 1 or P̂− := 0 by convention).
  if (f.nPos > 0 && f.nNeg > 0) {
    out.push(s(f.pMinus > f.pPlus ? 'presetDesc.order.negAbove' : 'presetDesc.order.negBelow', v));
  }
  out.push(s(f.z > 0 ? 'presetDesc.margin.violated' : 'presetDesc.margin.met', v));
  return out;
}
