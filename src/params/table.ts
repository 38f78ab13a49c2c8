/**
 * The parameter table: one row per numeric parameter the person can set. It drives the sliders and
 * number boxes (src/app), the permalink codec (src/state/permalink) and range checks, so a range or a
 * default is stated once, here. Defaults are the official code's and the paper's (docs/maths.md §2).
 */
import { DEFAULT_PARAMS, SMOOTHINGS, type DRParams, type Smoothing } from '../engine/types.ts';
import type { AppParams } from './types.ts';

/** The numeric keys of AppParams. */
export type NumericParamKey = 'margin' | 'lambdaPos' | 'lambdaNeg' | 'L' | 'tau' | 'rho' | 'hardK';

/** One row of the table. */
export interface ParamSpec {
  readonly key: NumericParamKey;
  /** The symbol of the paper; every control's accessible name contains it. */
  readonly symbol: 'γ' | 'λ+' | 'λ−' | 'L' | 'τ' | 'ρ' | 'n̂';
  /** What the parameter means, in a few words (for labels and notices). */
  readonly label: string;
  /** Inclusive range; values outside it are clamped (with a notice) or refused by the caller. */
  readonly min: number;
  readonly max: number;
  /**
   * Slider step in the slider's own coordinate: the value itself for scale 'linear', log10 of the
   * value for scale 'log' (0.01 = one hundredth of a decade). Number boxes accept any value in range.
   */
  readonly step: number;
  /** 'log': the slider moves along log10(value) (temperatures span decades). */
  readonly scale: 'log' | 'linear';
  readonly default: number;
  /** Only whole numbers are valid. */
  readonly integer?: true;
}

/** γ, λ+, λ−, L, τ, ρ: the six continuous parameters, in the order the controls show them. */
export const PARAM_SPECS: readonly ParamSpec[] = Object.freeze([
  {
    key: 'margin',
    symbol: 'γ',
    label: 'margin',
    min: 0,
    max: 1,
    step: 0.01,
    scale: 'linear',
    default: DEFAULT_PARAMS.margin,
  },
  {
    key: 'lambdaPos',
    symbol: 'λ+',
    label: 'positive temperature',
    min: 1e-4,
    max: 1e4,
    step: 0.01,
    scale: 'log',
    default: DEFAULT_PARAMS.lambdaPos,
  },
  {
    key: 'lambdaNeg',
    symbol: 'λ−',
    label: 'negative temperature',
    min: 1e-4,
    max: 1e4,
    step: 0.01,
    scale: 'log',
    default: DEFAULT_PARAMS.lambdaNeg,
  },
  {
    key: 'L',
    symbol: 'L',
    label: 'logistic sharpness',
    min: 0.1,
    max: 50,
    step: 0.1,
    scale: 'linear',
    default: DEFAULT_PARAMS.L,
  },
  {
    key: 'tau',
    symbol: 'τ',
    label: 'classification weight',
    min: 0,
    max: 20,
    step: 0.1,
    scale: 'linear',
    default: DEFAULT_PARAMS.tau,
  },
  {
    key: 'rho',
    symbol: 'ρ',
    label: 'quadratic width',
    min: 0.01,
    max: 1,
    step: 0.01,
    scale: 'linear',
    default: DEFAULT_PARAMS.rho,
  },
]);

/**
 * n̂, the size of the hard-negative original distribution (o = 1/n̂ on the n̂ highest-scoring
 * negatives); used only when `original` is 'hardNegative'. n̂ ≥ n− is the uniform prior.
 */
export const HARD_K_SPEC: ParamSpec = Object.freeze({
  key: 'hardK',
  symbol: 'n̂',
  label: 'hard negatives kept',
  min: 1,
  max: 1e8,
  step: 1,
  scale: 'linear',
  default: 100,
  integer: true,
});

/** Every numeric parameter (the six of PARAM_SPECS, then n̂): what the codec walks. */
export const NUMERIC_SPECS: readonly ParamSpec[] = Object.freeze([...PARAM_SPECS, HARD_K_SPEC]);

const SMOOTHING_LABELS: Readonly<Record<Smoothing, string>> = {
  logistic: 'logistic (Eq. 8)',
  quad: 'quadratic (Eq. 7)',
  hinge: 'hinge',
};

/** The surrogates ℓ of the hinge [z]+ (paper Eq. 7–8) in the engine's order, with labels. */
export const SMOOTHING_OPTIONS: readonly { readonly value: Smoothing; readonly label: string }[] =
  Object.freeze(SMOOTHINGS.map((value) => ({ value, label: SMOOTHING_LABELS[value] })));

/** The original distributions o, with labels; the first is the default. */
export const ORIGINAL_OPTIONS: readonly {
  readonly value: AppParams['original'];
  readonly label: string;
}[] = Object.freeze([
  { value: 'uniform', label: 'uniform (paper)' },
  { value: 'hardNegative', label: 'hard negatives (top n̂)' },
]);

/** The paper's defaults as the app holds them: γ=0.5, λ+=1, λ−=0.1/ln 3.5, L=6, τ=4, ρ=0.5. */
export const DEFAULT_APP_PARAMS: Readonly<AppParams> = Object.freeze({
  margin: DEFAULT_PARAMS.margin,
  lambdaPos: DEFAULT_PARAMS.lambdaPos,
  lambdaNeg: DEFAULT_PARAMS.lambdaNeg,
  L: DEFAULT_PARAMS.L,
  tau: DEFAULT_PARAMS.tau,
  rho: DEFAULT_PARAMS.rho,
  smoothing: DEFAULT_PARAMS.smoothing,
  original: 'uniform',
  hardK: HARD_K_SPEC.default,
});

/** The row of a numeric key. */
export function specOf(key: NumericParamKey): ParamSpec {
  const spec = NUMERIC_SPECS.find((s) => s.key === key);
  if (!spec) throw new Error(`unknown parameter ${key}`);
  return spec;
}

/**
 * The hard-negative prior's size k has one meaning and a name per boundary; this table and the two
 * functions below are the only places that translate between them:
 * - the paper's symbol n̂ (labels, notices);
 * - AppParams.hardK (the controls, the store, the permalink key `hardK`);
 * - DRParams.original.k (the engine: `{ kind: 'hardNegative', k }`);
 * - `negTopK` in the JSON case format (src/io/case.ts, the golden cases and the CLI).
 */
export const HARD_K_NAMES = Object.freeze({
  symbol: 'n̂',
  app: 'hardK',
  engine: 'original.k',
  caseFormat: 'negTopK',
} as const);

/** The app's parameters as the engine takes them (the hard-negative prior carries n̂). */
export function toEngineParams(app: AppParams): DRParams {
  return {
    margin: app.margin,
    lambdaPos: app.lambdaPos,
    lambdaNeg: app.lambdaNeg,
    L: app.L,
    tau: app.tau,
    rho: app.rho,
    smoothing: app.smoothing,
    original:
      app.original === 'hardNegative'
        ? { kind: 'hardNegative', k: app.hardK }
        : { kind: 'uniform' },
  };
}

/**
 * The engine's parameters as the app holds them, before any range check: the inverse of
 * toEngineParams (a uniform prior keeps the default n̂, which is then unused; the engine's explicit
 * weights have no control in the app and read as uniform).
 */
export function fromEngineParams(p: DRParams): AppParams {
  return {
    margin: p.margin,
    lambdaPos: p.lambdaPos,
    lambdaNeg: p.lambdaNeg,
    L: p.L,
    tau: p.tau,
    rho: p.rho,
    smoothing: p.smoothing,
    original: p.original.kind === 'hardNegative' ? 'hardNegative' : 'uniform',
    hardK: p.original.kind === 'hardNegative' ? p.original.k : HARD_K_SPEC.default,
  };
}

/**
 * Check a value the person typed or a link carried against its row. Never throws.
 * - not a finite number → refused (`ok: false`, the message names the symbol);
 * - outside [min, max] → clamped to the nearest end, `clamped: true` (callers show a notice);
 * - integer rows: a fractional value is refused (rounding would change what was typed).
 * An in-range value is returned unchanged, bit for bit.
 */
export function checkParam(
  spec: ParamSpec,
  value: number,
): { ok: true; value: number; clamped: boolean } | { ok: false; error: string } {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { ok: false, error: `${spec.symbol} (${spec.label}): not a number` };
  }
  if (spec.integer && !Number.isInteger(value)) {
    return { ok: false, error: `${spec.symbol} (${spec.label}): must be a whole number` };
  }
  if (value < spec.min) return { ok: true, value: spec.min, clamped: true };
  if (value > spec.max) return { ok: true, value: spec.max, clamped: true };
  // -0 is in range for γ and τ; normalise so links and readouts never show "-0".
  return { ok: true, value: value === 0 ? 0 : value, clamped: false };
}

/**
 * Value → slider position: log10(value) on a log row, the value itself on a linear row.
 * Positions run from sliderMin(spec) to sliderMax(spec).
 */
export function toSlider(spec: ParamSpec, value: number): number {
  return spec.scale === 'log' ? Math.log10(value) : value;
}

/**
 * Slider position → value: 10^position on a log row (inverse of toSlider), kept inside [min, max]
 * (10^−4 in floating point can land an ulp below 1e-4).
 */
export function fromSlider(spec: ParamSpec, position: number): number {
  const v = spec.scale === 'log' ? Math.pow(10, position) : position;
  return Math.min(spec.max, Math.max(spec.min, v));
}

/** Slider ends in slider coordinates (log10 of min/max on a log row). */
export function sliderMin(spec: ParamSpec): number {
  return toSlider(spec, spec.min);
}
/** Upper slider end in slider coordinates (log10(max) on a log row). */
export function sliderMax(spec: ParamSpec): number {
  return toSlider(spec, spec.max);
}
