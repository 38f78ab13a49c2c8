/**
 * The paper's argument, a few exact sentences per panel (shown in an expandable "why" under the panel,
 * Why.tsx): why ranking all pairs fails (most pairs are easy), why the single worst pair fails (it is
 * fragile), why DR constrains q with KL (the unconstrained worst case collapses onto one candidate),
 * what h means, Remark 1, initialisation, Eq. 9 against the official code, and the full objective.
 * Every number is computed here from the snapshot and the parameters (tests/panels/why.test.tsx checks
 * them against the engine and the paper's tables); no sentence asserts a number it did not compute.
 */
import { surrogate } from '../../engine/surrogates.ts';
import type { ExplainerData } from '../../explain/types.ts';
import type { Translate } from '../../i18n/strings.ts';
import { DEFAULT_APP_PARAMS } from '../../params/table.ts';
import type { AppParams } from '../../params/types.ts';
import { fmtCount, fmtNum, fmtP, fmtPct } from '../../viz/format.ts';
import { TABLE1, TABLE3 } from '../paperTables/paperTables.ts';

/** DR at initialisation (π = 0.5: every logit 0, P̂± = 0.5, z = γ): τ·ℓ(γ). */
export function lossAtInit(params: AppParams): number {
  return params.tau * surrogate(params.smoothing, params.margin, params.L, params.rho).value;
}

/** h− = e^{0.1/λ−} and h+ = e^{1/λ+}: the temperatures the paper's way. */
export function hOf(params: AppParams): { hNeg: number; hPos: number } {
  return { hNeg: Math.exp(0.1 / params.lambdaNeg), hPos: Math.exp(1 / params.lambdaPos) };
}

/** A large factor readably: "2.758e+5" → "2.758·10⁵" (plain below 10⁴). */
export function fmtFactor(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  if (x < 1e4) return fmtNum(x);
  const e = Math.floor(Math.log10(x));
  const m = x / 10 ** e;
  const sup = String(e).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]);
  return `${fmtNum(Number(m.toPrecision(4)))}·10${sup}`;
}

/** Panel 2: most pairs are easy, so the mean over all pairs is diluted. */
export function whyRanking(data: ExplainerData, s: Translate): string[] {
  const { pairs, violating } = data.pairwise;
  if (pairs === 0) return [s('why.ranking.next')];
  const easy = pairs - violating;
  return [
    s('why.ranking.easy', {
      easy: fmtCount(easy),
      pairs: fmtCount(pairs),
      share: fmtPct(easy / pairs),
      apAll: TABLE3.allPairs,
    }),
    s('why.ranking.next'),
  ];
}

/** Panel 3: the single worst pair is fragile. */
export function whyWorst(data: ExplainerData, s: Translate): string[] {
  if (data.result.nPos === 0 || data.result.nNeg === 0) return [s('why.worst.fragileEmpty')];
  return [
    s('why.worst.fragile', {
      maxNeg: fmtP(data.worstCase.maxNeg),
      minPos: fmtP(data.worstCase.minPos),
    }),
  ];
}

/** Panel 4: the KL constraint, h, Remark 1. */
export function whyDistribution(data: ExplainerData, params: AppParams, s: Translate): string[] {
  const r = data.result;
  const { hNeg, hPos } = hOf(params);
  const out = [
    s('why.dist.collapse', {
      essNeg: fmtNum(r.essNeg),
      nNeg: fmtCount(r.nNeg),
      klNeg: fmtNum(r.klNeg),
    }),
    s('why.dist.h', {
      hNeg: fmtNum(hNeg),
      hNeg10: fmtFactor(hNeg ** 10),
      hPos: fmtNum(hPos),
      def10: fmtFactor(3.5 ** 10),
    }),
    s('why.dist.remark1'),
  ];
  return out;
}

/** Panel 6: initialisation, Eq. 9 against the code, the full objective. */
export function whyGradient(params: AppParams, s: Translate): string[] {
  return [
    s('why.grad.init', {
      dr0: fmtNum(lossAtInit(params)),
      dr0Paper: fmtNum(lossAtInit(DEFAULT_APP_PARAMS)),
    }),
    s('why.grad.eq9'),
    s('why.grad.objective', { tau: fmtNum(params.tau) }),
  ];
}

/** Panel 8: Table 1 read through h. */
export function whyPaper(s: Translate): string[] {
  const ap = (hPos: number, hNeg: number) =>
    TABLE1.find((r) => r.hPos === hPos && r.hNeg === hNeg)?.ap ?? Number.NaN;
  const best = ap(Math.E, 3.5);
  return [
    s('why.paper.table1', {
      dPos1: fmtNum(best - ap(5.5, 3.5)),
      dPos2: fmtNum(best - ap(20, 3.5)),
      f35: fmtFactor(3.5 ** 10),
      fe: fmtFactor(Math.E ** 10),
      f20: fmtFactor(20 ** 10),
      fPos: fmtNum(Math.E),
      fPos20: fmtNum(20),
    }),
  ];
}
