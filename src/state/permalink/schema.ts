/**
 * The permalink's schema: one row per URL key, each saying how to write its value and how to read
 * (and validate) it back. The numeric rows come straight from the parameter table (params.ts), so a
 * range or default lives in one place. Adding a key = adding a row; changing a key's meaning = a new
 * PERMALINK_VERSION.
 */
import type { Smoothing } from '../../engine/types.ts';
import { isPresetId } from '../../data/presets.ts';
import { NUMERIC_SPECS, ORIGINAL_OPTIONS, SMOOTHING_OPTIONS } from '../../params/table.ts';
import type { ParamSpec } from '../../params/table.ts';
import type { AppParams } from '../../params/types.ts';
import type { CandidateSource, PresetId } from '../../data/types.ts';

/** The version this code writes (key `v`). Links of a newer version are read as best we can. */
export const PERMALINK_VERSION = 1;

/** A read either yields a value or says, in a few words, what was wrong with the text. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; why: string };

/** One row of the schema: a URL key holding one AppParams field. */
export interface ParamRow<K extends keyof AppParams = keyof AppParams> {
  readonly key: K;
  /** How notices name the field (the symbol for numeric parameters). */
  readonly name: string;
  write(value: AppParams[K]): string;
  read(text: string): ReadResult<AppParams[K]>;
}

/** Decimal syntax accepted for numbers: what String(x) writes (no hex, no spaces, no "Infinity"). */
const NUMBER_RE = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** The shortest decimal that reads back as the same double (String(x) is exactly that). */
export function writeNumber(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** Strict number parse: the whole text must be a decimal; the value must be finite. */
export function readNumber(text: string): number | null {
  if (!NUMBER_RE.test(text)) return null;
  const x = Number(text);
  return Number.isFinite(x) ? x : null;
}

function numericRow(spec: ParamSpec): ParamRow {
  return {
    key: spec.key,
    name: `${spec.symbol} (${spec.label})`,
    write: (v) => writeNumber(v as number),
    read: (text) => {
      const x = readNumber(text);
      if (x === null) return { ok: false, why: 'is not a number' };
      if (spec.integer && !Number.isInteger(x)) return { ok: false, why: 'is not a whole number' };
      // Out of range keeps the default rather than clamping: a link must not silently mean
      // something else than what was written.
      if (x < spec.min || x > spec.max) {
        return { ok: false, why: `is outside ${spec.min}…${spec.max}` };
      }
      return { ok: true, value: x };
    },
  };
}

function choiceRow<K extends 'smoothing' | 'original'>(
  key: K,
  name: string,
  options: readonly { readonly value: AppParams[K] }[],
): ParamRow<K> {
  return {
    key,
    name,
    write: (v) => String(v),
    read: (text) => {
      const hit = options.find((o) => o.value === text);
      return hit
        ? { ok: true, value: hit.value }
        : { ok: false, why: `is not one of ${options.map((o) => o.value).join(', ')}` };
    },
  };
}

/** Every parameter key, in the order links write them. */
export const PARAM_ROWS: readonly ParamRow[] = Object.freeze([
  ...NUMERIC_SPECS.map(numericRow),
  choiceRow<'smoothing'>(
    'smoothing',
    'surrogate',
    SMOOTHING_OPTIONS as readonly { value: Smoothing }[],
  ),
  choiceRow('original', 'original distribution', ORIGINAL_OPTIONS),
] as ParamRow[]);

/** Keys of the candidate source. */
export const SOURCE_KEYS = {
  /** Preset id of a generated set. */
  preset: 'set',
  /** Seed of a generated set: a whole number in 0..2^32 − 1. */
  seed: 'seed',
  /** Name of an explicit (imported) set, at most MAX_NAME_CHARS characters. */
  name: 'name',
  /** Compressed explicit base set (candidates.ts encodeBase). */
  data: 'data',
  /** Compressed edits, of either kind of set (candidates.ts encodeEdits). */
  edits: 'edits',
  /**
   * `R×K` of an imported set too large for its values to go into a link (LINK_DATA_ENTRIES): the link
   * names it, and opening it says so; its values travel as a case file instead.
   */
  big: 'big',
} as const;

/**
 * The largest imported set (R·K entries, plus R·d features when it has them) whose values a link
 * carries. Encoding costs about 4 µs per
 * entry on the main thread (3.9 s for 10⁶ measured in Node), so 5,000 stay under 20 ms per change; a
 * link of 1,000 random float64 logits is already about 10,400 characters.
 */
export const LINK_DATA_ENTRIES = 5_000;

/** Whether a link carries the values of `source` (a generated set is always carried: preset + seed). */
export function linkCarriesSet(source: CandidateSource): boolean {
  if (source.kind === 'generated') return true;
  const { R, K, features } = source.base;
  return R * (K + (features?.d ?? 0)) <= LINK_DATA_ENTRIES;
}

/** Key of the pinned baseline A (a nested field list, codec.ts). */
export const BASELINE_KEY = 'b';

/** Keys of the lesson view (src/state/lesson.ts): not part of the choice, never saved in storage. */
export const LESSON_KEYS = {
  /** The open tour step, 1-based. */
  tour: 'tour',
  /** Comma-separated blocks and panels to hide. */
  hide: 'hide',
  /** The one panel shown alone, for an iframe. */
  embed: 'embed',
} as const;

export const MAX_SEED = 4294967295;
export const MAX_NAME_CHARS = 120;

export function readPreset(text: string): ReadResult<PresetId> {
  return isPresetId(text) ? { ok: true, value: text } : { ok: false, why: 'is not a known preset' };
}

export function readSeed(text: string): ReadResult<number> {
  const x = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
  return x <= MAX_SEED
    ? { ok: true, value: x }
    : { ok: false, why: `is not a whole number in 0…${MAX_SEED}` };
}

/**
 * A set's name as plain text: control characters dropped, length capped. The UI renders it as text
 * only (React escapes it); it is never HTML.
 */
export function cleanName(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, MAX_NAME_CHARS);
}
