/**
 * The paper's equations as TeX with the live values filled in (pure: ExplainerData + AppParams + the
 * hovered entry in, a TeX string out; <Tex> renders them). Written from docs/maths.md, which corrects
 * the seed blog post: the positive weights are q+ ∝ exp(−p/λ+) (minus), and the logistic surrogate is
 * (1/L)·log(1 + e^{Lz}) (1/L, not 1/z).
 *
 * The hovered entry's term is wrapped in \boxed{…}: it needs neither KaTeX's `trust` option nor a colour
 * name (KaTeX accepts no CSS variables in \textcolor), and its frame takes the text colour of the theme.
 */
import { FOCAL_DEFAULTS } from '../../engine/objectives/focalParams.ts';
import { softplus } from '../../engine/numerics.ts';
import { hingeLoss, logisticLoss, quadraticLoss } from '../../engine/surrogates.ts';
import type { AppParams } from '../../params/types.ts';
import type { ExplainerData } from '../../explain/types.ts';
import { entryOf, type EntryValues } from '../common/entry.ts';
import { paren, texNum, texP, texPct } from './texNumbers.ts';
import type { Lang } from '../../i18n/lang.ts';
import { t, type StringKey } from '../../i18n/strings.ts';

/** What every equation is built from: the same inputs as a panel. */
export interface EquationInput {
  readonly data: ExplainerData;
  readonly params: AppParams;
  /** The hovered entry's flat index r·K + c, or null. */
  readonly hovered: number | null;
  /** The language of the words inside \text{…} (English when absent). */
  readonly lang?: Lang;
}

/** A word of the string table inside an equation: \text{…} with TeX's special characters escaped. */
function word(input: EquationInput, key: StringKey): string {
  const text = t(input.lang ?? 'en')(key).replace(/[\\{}$&#^_%~]/g, (c) => `\\${c}`);
  return `\\text{${text}}`;
}

/** Frame the hovered term (theme-coloured by currentColor, no trust needed). */
function box(tex: string): string {
  return `\\boxed{${tex}}`;
}

/** The hovered entry when it belongs to the wanted set, else null. */
function hoveredIn(input: EquationInput, positive: boolean): EntryValues | null {
  const e = entryOf(input.data.detail, input.hovered);
  return e !== null && e.positive === positive ? e : null;
}

/** The hovered entry of either set, or null. */
function hoveredAny(input: EquationInput): EntryValues | null {
  return entryOf(input.data.detail, input.hovered);
}

/** Subscript naming entry j by its flat index r·K + c. */
function sub(e: EntryValues): string {
  return `{${e.index}}`;
}

/**
 * Eq. 1–2, the imbalance: summed binary cross-entropy over all entries,
 * L_CE = −Σ_{j+} log p_j − Σ_{j−} log(1 − p_j), and the share of it that comes from the negatives.
 * The hovered entry's own term −log p_j (positive) or −log(1 − p_j) (negative) is shown boxed;
 * it is computed from the logit (softplus(∓x)), exact even where p rounds to 0 or 1.
 */
export function texImbalance(input: EquationInput): string {
  const { bce, result } = input.data;
  const e = hoveredAny(input);
  let term = '';
  if (e !== null) {
    const v = e.positive ? softplus(-e.logit) : softplus(e.logit);
    const body = e.positive
      ? `-\\log p_${sub(e)} = -\\log ${texP(e.p)} = ${texNum(v)}`
      : `-\\log(1 - p_${sub(e)}) = -\\log(1 - ${texP(e.p)}) = ${texNum(v)}`;
    term = `,\\quad ${box(body)}`;
  }
  const ce = `\\mathcal{L}_{\\mathrm{CE}} = -\\sum_{j \\in \\mathcal{P}} \\log p_j - \\sum_{j \\in \\mathcal{N}} \\log(1 - p_j)`;
  const ratio = `\\frac{${word(input, 'tex.negatives')}}{${word(input, 'tex.total')}}`;
  // null for a moment after a detection-scale load: the pool of workers still computes it
  const values =
    bce === null
      ? `${ce} = ${word(input, 'tex.pending')},\\quad ${ratio} = ${word(input, 'tex.pending')}`
      : `${ce} = ${texNum(bce.total)},\\quad ${ratio} = \\frac{${texNum(bce.fromNeg)}}{${texNum(bce.total)}} = ${texPct(bce.total > 0 ? bce.fromNeg / bce.total : 0)}`;
  return values + `\\ \\ (n_+ = ${result.nPos},\\ n_- = ${result.nNeg})${term}`;
}

/**
 * Eq. 3–4, ranking all pairs with the hinge: Σ_{j+} Σ_{j−} [p_{j−} − p_{j+} + γ]+ over n+·n− pairs,
 * and how many pairs violate the margin (a positive hinge). The hovered entry's ∂/∂p_j is boxed.
 */
export function texPairwise(input: EquationInput): string {
  const { pairwise } = input.data;
  const g = input.params.margin;
  const e = hoveredAny(input);
  const term =
    e === null
      ? ''
      : `,\\quad ${box(`\\frac{\\partial}{\\partial p_${sub(e)}} = ${texNum(e.pairGradP)}`)}`;
  return (
    `\\sum_{j_+ \\in \\mathcal{P}} \\sum_{j_- \\in \\mathcal{N}} \\big[\\, p_{j_-} - p_{j_+} + \\gamma \\,\\big]_+ = ${texNum(pairwise.loss)}` +
    `\\quad (\\gamma = ${texNum(g)})` +
    `,\\quad \\#\\{${word(input, 'tex.violating')}\\} = ${pairwise.violating} ${word(input, 'tex.of')} n_+ n_- = ${pairwise.pairs}${term}`
  );
}

/** τ·ℓ(·) with the current surrogate, as TeX ("4\,\ell"). */
function tauEll(params: AppParams): string {
  return `${texNum(params.tau)}\\,\\ell`;
}

/**
 * Eq. 5, the worst case: τ·ℓ(max p− − min p+ + γ), the hardest negative against the hardest positive
 * (the λ → 0 limit of DR); the paper reports that training on it alone fails.
 */
export function texWorstCase(input: EquationInput): string {
  const { worstCase } = input.data;
  const { params } = input;
  const zw = worstCase.maxNeg - worstCase.minPos + params.margin;
  return (
    `\\tau\\,\\ell\\big(\\max_{j_-} p_{j_-} - \\min_{j_+} p_{j_+} + \\gamma\\big) = ` +
    `${tauEll(params)}\\big(${texP(worstCase.maxNeg)} - ${texP(worstCase.minPos)} + ${texNum(params.margin)}\\big) = ` +
    `${tauEll(params)}(${texNum(zw)}) = ${texNum(worstCase.loss)}`
  );
}

/**
 * Proposition 1, the negatives' distribution: q−_j = o_j e^{p_j/λ−} / Σ_k o_k e^{p_k/λ−}, the
 * maximiser of Σ_j q_j p_j − λ− KL(q‖o) over the simplex; the hovered negative's q−_j is boxed.
 */
export function texQNeg(input: EquationInput): string {
  const e = hoveredIn(input, false);
  const term = e === null ? '' : `,\\quad ${box(`q^-_${sub(e)} = ${texNum(e.q)}`)}`;
  return (
    `q^-_j = \\frac{o_j\\, e^{p_j/\\lambda_-}}{\\sum_k o_k\\, e^{p_k/\\lambda_-}}` +
    `\\quad (\\lambda_- = ${texNum(input.params.lambdaNeg)})${term}`
  );
}

/**
 * Proposition 2, the positives' distribution, with the MINUS sign (hard positives have low p):
 * q+_j = o_j e^{−p_j/λ+} / Σ_k o_k e^{−p_k/λ+}; the hovered positive's q+_j is boxed.
 */
export function texQPos(input: EquationInput): string {
  const e = hoveredIn(input, true);
  const term = e === null ? '' : `,\\quad ${box(`q^+_${sub(e)} = ${texNum(e.q)}`)}`;
  return (
    `q^+_j = \\frac{o_j\\, e^{-p_j/\\lambda_+}}{\\sum_k o_k\\, e^{-p_k/\\lambda_+}}` +
    `\\quad (\\lambda_+ = ${texNum(input.params.lambdaPos)})${term}`
  );
}

/** Σ_j q_j p_j = … with the hovered entry's q_j·p_j boxed inside the sum when it is in this set. */
function weightedMean(symbol: string, q: string, value: number, e: EntryValues | null): string {
  const expanded =
    e === null ? '' : ` = \\cdots + ${box(`${texNum(e.q)} \\cdot ${texP(e.p)}`)} + \\cdots`;
  return `${symbol} = \\sum_j ${q}_j\\, p_j${expanded} = ${texP(value)}`;
}

/**
 * Eq. 6's negative part: P̂− = Σ_j q−_j p_j (0 when there is no negative, as the official code).
 * Example: "\hat P_- = \sum_j q^-_j\, p_j = 0.6211".
 */
export function texPMinus(input: EquationInput): string {
  return weightedMean('\\hat P_-', 'q^-', input.data.result.pMinus, hoveredIn(input, false));
}

/** Eq. 6's positive part: P̂+ = Σ_j q+_j p_j (1 when there is no positive, as the official code). */
export function texPPlus(input: EquationInput): string {
  return weightedMean('\\hat P_+', 'q^+', input.data.result.pPlus, hoveredIn(input, true));
}

/**
 * Propositions 1–2 as optimisation problems with the implied constraint radii ε± = KL(q±‖o±) and the
 * effective sample sizes 1/Σ q² of each reweighted set.
 */
export function texDistributions(input: EquationInput): string {
  const r = input.data.result;
  return (
    `q^- = \\arg\\max_{q \\in \\Delta} \\sum_j q_j p_j - \\lambda_- \\mathrm{KL}(q \\,\\|\\, o),\\quad ` +
    `q^+ = \\arg\\min_{q \\in \\Delta} \\sum_j q_j p_j + \\lambda_+ \\mathrm{KL}(q \\,\\|\\, o)` +
    `\\\\ \\varepsilon_- = \\mathrm{KL}(q^- \\| o^-) = ${texNum(r.klNeg)},\\ ` +
    `\\varepsilon_+ = \\mathrm{KL}(q^+ \\| o^+) = ${texNum(r.klPos)},\\ ` +
    `\\frac{1}{\\sum_j (q^-_j)^2} = ${texNum(r.essNeg)} ${word(input, 'tex.of')} ${r.nNeg},\\ ` +
    `\\frac{1}{\\sum_j (q^+_j)^2} = ${texNum(r.essPos)} ${word(input, 'tex.of')} ${r.nPos}`
  );
}

/** h written as a number, or as e^{ln h} when it would not fit (h = e^{1/λ} overflows for tiny λ). */
function texExpOf(lnH: number): string {
  return lnH < Math.log(1e6) ? texNum(Math.exp(lnH)) : `e^{${texNum(lnH)}}`;
}

/**
 * The paper's parametrisation of the temperatures: λ+ = 1/ln h+, λ− = 0.1/ln h−, read as "a score
 * 0.1 higher gets h times the weight"; h+ = e^{1/λ+}, h− = e^{0.1/λ−} (paper's best: h+ = e, h− = 3.5).
 */
export function texTemperatures(input: EquationInput): string {
  const { lambdaPos, lambdaNeg } = input.params;
  return (
    `\\lambda_+ = \\frac{1}{\\ln h_+},\\ h_+ = e^{1/\\lambda_+} = ${texExpOf(1 / lambdaPos)};\\quad ` +
    `\\lambda_- = \\frac{0.1}{\\ln h_-},\\ h_- = e^{0.1/\\lambda_-} = ${texExpOf(0.1 / lambdaNeg)}`
  );
}

/** The hinge [z]+ = max(0, z) at the current z. */
export function texHinge(input: EquationInput): string {
  const z = input.data.result.z;
  return `[z]_+ = \\max(0, z) = \\max(0, ${texNum(z)}) = ${texNum(hingeLoss(z))}`;
}

/**
 * Eq. 7, the quadratic surrogate of half-width ρ (C¹ at ±ρ):
 * ℓ(z) = z if z ≥ ρ; (z+ρ)²/(4ρ) if −ρ < z < ρ; 0 if z ≤ −ρ. An arrow marks the branch the current z
 * takes (boxes are kept for the hovered candidate).
 */
export function texQuadratic(input: EquationInput): string {
  const z = input.data.result.z;
  const rho = input.params.rho;
  const branch = z >= rho ? 0 : z > -rho ? 1 : 2;
  const rows = [
    `z & z \\ge \\rho`,
    `\\frac{(z + \\rho)^2}{4\\rho} & -\\rho < z < \\rho`,
    `0 & z \\le -\\rho`,
  ].map((row, i) => (i === branch ? `${row} \\;\\leftarrow` : row));
  return (
    `\\ell_\\rho(z) = \\begin{cases} ${rows.join(' \\\\ ')} \\end{cases}` +
    `\\quad \\ell_{${texNum(rho)}}(${texNum(z)}) = ${texNum(quadraticLoss(z, rho))}`
  );
}

/** Eq. 8, the logistic surrogate: ℓ_L(z) = (1/L)·log(1 + e^{Lz}) (1/L, not 1/z as the blog wrote). */
export function texLogistic(input: EquationInput): string {
  const z = input.data.result.z;
  const L = input.params.L;
  return (
    `\\ell_L(z) = \\frac{1}{L}\\log\\big(1 + e^{Lz}\\big) = ` +
    `\\frac{1}{${texNum(L)}}\\log\\big(1 + e^{${texNum(L)} \\cdot ${paren(texNum(z), z)}}\\big) = ` +
    `${texNum(logisticLoss(z, L))}`
  );
}

/** The surrogate the loss currently uses, at the current z (Eq. 7, Eq. 8 or the hinge). */
export function texSurrogate(input: EquationInput): string {
  switch (input.params.smoothing) {
    case 'logistic':
      return texLogistic(input);
    case 'quad':
      return texQuadratic(input);
    case 'hinge':
      return texHinge(input);
  }
}

/**
 * The DR loss (Eq. 6 with a smooth ℓ): L_DR = τ·ℓ(P̂− − P̂+ + γ), each symbol filled with its value.
 * Example at the defaults on docs/maths.md §6's second case: 4·ℓ(0.6211 − 0.4841 + 0.5) = 2.563.
 */
export function texDR(input: EquationInput): string {
  const { result } = input.data;
  const { params } = input;
  return (
    `\\mathcal{L}_{\\mathrm{DR}} = \\tau\\,\\ell\\big(\\hat P_- - \\hat P_+ + \\gamma\\big) = ` +
    `${tauEll(params)}\\big(${texP(result.pMinus)} - ${texP(result.pPlus)} + ${texNum(params.margin)}\\big) = ` +
    `${tauEll(params)}(${texNum(result.z)}) = ${texNum(result.loss)}`
  );
}

/**
 * The gradient (docs/maths.md §4), with s = τ·ℓ'(z):
 * ∂L/∂p_j = s·q−_j·(1 + (p_j − P̂−)/λ−) for a negative, −s·q+_j·(1 − (p_j − P̂+)/λ+) for a positive,
 * and ∂L/∂x_j = ∂L/∂p_j · p_j(1 − p_j) through the sigmoid. With a hovered entry its own line is filled
 * in and boxed; otherwise both general forms are shown.
 */
export function texGradient(input: EquationInput): string {
  const { result } = input.data;
  const { params } = input;
  const s = texNum(result.slope);
  const negForm = `\\frac{\\partial \\mathcal{L}}{\\partial p_j} = \\tau\\ell'(z)\\, q^-_j \\Big(1 + \\frac{p_j - \\hat P_-}{\\lambda_-}\\Big)`;
  const posForm = `\\frac{\\partial \\mathcal{L}}{\\partial p_j} = -\\tau\\ell'(z)\\, q^+_j \\Big(1 - \\frac{p_j - \\hat P_+}{\\lambda_+}\\Big)`;
  const chain = `\\frac{\\partial \\mathcal{L}}{\\partial x_j} = \\frac{\\partial \\mathcal{L}}{\\partial p_j}\\, p_j (1 - p_j)`;
  const e = hoveredAny(input);
  if (e === null) {
    // Three lines, as with a hovered entry, so hovering barely changes the equation's height.
    return `${negForm}\\ (j \\in \\mathcal{N}) \\\\ ${posForm}\\ (j \\in \\mathcal{P}) \\\\ ${chain},\\quad \\tau\\ell'(z) = ${s}`;
  }
  const j = sub(e);
  const filled = e.positive
    ? `\\frac{\\partial \\mathcal{L}}{\\partial p_${j}} = -${paren(s, result.slope)} \\cdot ${texNum(e.q)} \\Big(1 - \\frac{${texP(e.p)} - ${texP(result.pPlus)}}{${texNum(params.lambdaPos)}}\\Big) = ${texNum(e.gradP)}`
    : `\\frac{\\partial \\mathcal{L}}{\\partial p_${j}} = ${paren(s, result.slope)} \\cdot ${texNum(e.q)} \\Big(1 + \\frac{${texP(e.p)} - ${texP(result.pMinus)}}{${texNum(params.lambdaNeg)}}\\Big) = ${texNum(e.gradP)}`;
  const filledChain = `\\frac{\\partial \\mathcal{L}}{\\partial x_${j}} = ${paren(texNum(e.gradP), e.gradP)} \\cdot ${texP(e.p)} \\cdot (1 - ${texP(e.p)}) = ${texNum(e.gradLogit)}`;
  return `${e.positive ? posForm : negForm} \\\\ ${box(filled)} \\\\ ${box(filledChain)}`;
}

/**
 * The focal loss of RetinaNet that DR replaces (α = 0.25, γf = 2, divided by the number of positive
 * anchors N+): FL = (1/N+) Σ_j −α_t (1 − p_t)^{γf} log p_t.
 */
export function texFocal(input: EquationInput): string {
  const { data } = input;
  const e = hoveredAny(input);
  const term =
    e === null
      ? ''
      : `,\\quad ${box(`\\frac{\\partial\\,\\mathrm{FL}}{\\partial x_${sub(e)}} = ${texNum(e.focalGrad)}`)}`;
  return (
    `\\mathrm{FL} = \\frac{1}{\\max(1,\\, N_+)} \\sum_j -\\alpha_t (1 - p_t)^{\\gamma_f} \\log p_t = ${data.focal ? texNum(data.focal.loss) : word(input, 'tex.pending')}` +
    `\\quad (\\alpha = ${FOCAL_DEFAULTS.alpha},\\ \\gamma_f = ${FOCAL_DEFAULTS.gamma},\\ N_+ = ${data.result.nPos})${term}`
  );
}

/**
 * §3.3, recovering classification: scores lie in [0, 1], so P̂+ − P̂− ≥ γ implies P̂+ ≥ γ and
 * P̂− ≤ 1 − γ; the current gap is compared with γ.
 */
export function texRecovery(input: EquationInput): string {
  const { result } = input.data;
  const g = input.params.margin;
  const d = result.pPlus - result.pMinus;
  const met = d >= g;
  return (
    `\\hat P_+ - \\hat P_- = ${texP(result.pPlus)} - ${texP(result.pMinus)} = ${texNum(d)} ${met ? '\\ge' : '<'} \\gamma = ${texNum(g)}` +
    `\\quad \\big(\\hat P_+ - \\hat P_- \\ge \\gamma \\;\\Rightarrow\\; \\hat P_+ \\ge \\gamma,\\ \\hat P_- \\le 1 - \\gamma = ${texNum(1 - g)}\\big)`
  );
}

/**
 * Eq. 9, the loss over a batch of N images: Σ_i τ·ℓ(P̂−_i − P̂+_i + γ), one distribution pair per image.
 * The explorer (like the official code on one call) pools every candidate into one image, N = 1.
 */
export function texImages(input: EquationInput): string {
  return (
    `\\mathcal{L} = \\sum_{i=1}^{N} \\tau\\,\\ell\\big(\\hat P_{i,-} - \\hat P_{i,+} + \\gamma\\big)` +
    `\\quad (N = 1:\\ ${texNum(input.data.result.loss)})`
  );
}

/** Every equation by id, in the order of the paper's argument (for panels and the no-error test). */
export const EQUATIONS = Object.freeze({
  imbalance: texImbalance,
  pairwise: texPairwise,
  worstCase: texWorstCase,
  qNeg: texQNeg,
  qPos: texQPos,
  pMinus: texPMinus,
  pPlus: texPPlus,
  distributions: texDistributions,
  temperatures: texTemperatures,
  hinge: texHinge,
  quadratic: texQuadratic,
  logistic: texLogistic,
  surrogate: texSurrogate,
  dr: texDR,
  gradient: texGradient,
  focal: texFocal,
  recovery: texRecovery,
  images: texImages,
} as const satisfies Record<string, (input: EquationInput) => string>);

/** The id of one equation. */
export type EquationId = keyof typeof EQUATIONS;
