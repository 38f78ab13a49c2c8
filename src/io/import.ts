/**
 * Import of a candidate set from a file or a paste: JSON in the case format (the CLI's and the golden
 * files', parsed by case.ts) or CSV (csv.ts). Pure and total: never throws; an error is one line
 * naming the line (CSV) or the case and field (JSON), and the caller keeps whatever was loaded before.
 */
import type { DRParams } from '../engine/types.ts';
import {
  DEFAULT_APP_PARAMS,
  NUMERIC_SPECS,
  checkParam,
  fromEngineParams,
} from '../params/table.ts';
import type { AppParams } from '../params/types.ts';
import type { CandidateSource } from '../data/types.ts';
import { parseCases, type ParseCasesResult } from './case.ts';
import { MAX_CSV_ENTRIES, parseCsv, type CsvResult } from './csv.ts';
import type { ArraysCaseResult } from './npz.ts';

/** Largest imported set, R·K entries (a permalink carries at most this many). */
export const MAX_IMPORT_ENTRIES = MAX_CSV_ENTRIES;

/** What an import gives the store. */
export type ImportResult =
  | {
      readonly ok: true;
      /** Always an explicit source (the imported values, no edits). */
      readonly source: CandidateSource;
      /**
       * A JSON case's parameters as the app holds them (defaults for those the case leaves out);
       * absent for CSV, which carries none.
       */
      readonly params?: AppParams;
      /** Things the person should know: which case of several, how a CSV was read, a parameter kept. */
      readonly notices: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/** Options of parseImport. */
export interface ImportOptions {
  /** Which case of a JSON array to import (0-based; default 0). */
  readonly caseIndex?: number;
}

/**
 * Which parser reads a file: .json is JSON; .csv, .tsv and .txt are CSV; any other name (or none) is
 * JSON when the first character after a byte-order mark and white space is '{' or '[', else CSV.
 * `firstChar` undefined: the name alone decides, or null when it cannot (read more of the file).
 */
export function importKindOf(
  fileName: string | undefined,
  firstChar: string | undefined,
): 'json' | 'csv' | null {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (firstChar === undefined) return null;
  return firstChar === '{' || firstChar === '[' ? 'json' : 'csv';
}

function looksLikeJson(text: string, fileName: string | undefined): boolean {
  return importKindOf(fileName, text.replace(/^\ufeff/, '').trimStart()[0] ?? '') === 'json';
}

/**
 * A case's engine parameters as AppParams. A value outside the app's range (src/params/table.ts) keeps the
 * default, with a notice naming it: the app could not show or link it faithfully.
 */
function toAppParams(p: DRParams, notices: string[]): AppParams {
  const given = fromEngineParams(p);
  const out: AppParams = {
    ...DEFAULT_APP_PARAMS,
    smoothing: given.smoothing,
    original: given.original,
  };
  for (const spec of NUMERIC_SPECS) {
    const v = given[spec.key];
    const r = checkParam(spec, v);
    if (r.ok && !r.clamped) Object.assign(out, { [spec.key]: r.value });
    else {
      notices.push(
        `${spec.symbol} (${spec.label}) = ${v} is outside ${spec.min}…${spec.max}; the default ${spec.default} is used`,
      );
    }
  }
  return out;
}

/**
 * Parse an import. JSON when the file name ends in .json or the text starts with '{' or '['; CSV when
 * it ends in .csv/.tsv/.txt or otherwise. A JSON array of several cases imports `caseIndex` (default
 * 0) and says so. The source's name is the file name, or "pasted JSON"/"pasted CSV".
 */
export function parseImport(
  text: string,
  fileName?: string,
  options: ImportOptions = {},
): ImportResult {
  try {
    return looksLikeJson(text, fileName)
      ? importParsed({ kind: 'json', result: parseCases(text) }, fileName, options)
      : importParsed({ kind: 'csv', result: parseCsv(text) }, fileName, options);
  } catch (e) {
    // The parsers are total; this only guards against the unforeseen (e.g. running out of memory).
    return { ok: false, error: `cannot read the input (${e instanceof Error ? e.name : 'error'})` };
  }
}

/**
 * A file read by a parser already (the streaming import reads it in a worker): CSV, JSON cases, or
 * NumPy arrays (an .npz or a .npy pair; an error there is already whole, naming the file).
 */
export type ParsedImport =
  | { readonly kind: 'csv'; readonly result: CsvResult }
  | { readonly kind: 'json'; readonly result: ParseCasesResult }
  | { readonly kind: 'numpy'; readonly result: ArraysCaseResult };

/**
 * An import from what a parser produced: the same checks, notices and errors as parseImport on the
 * text. The typed arrays become the source's as they are (not copied).
 */
export function importParsed(
  parsed: ParsedImport,
  fileName?: string,
  options: ImportOptions = {},
): ImportResult {
  switch (parsed.kind) {
    case 'json':
      return importJson(parsed.result, fileName, options.caseIndex ?? 0);
    case 'csv':
      return importCsv(parsed.result, fileName);
    case 'numpy':
      return importArrays(parsed.result, fileName ?? 'arrays');
  }
}

/** NumPy arrays read as a case (no params: the app's stay): the set, with a note on features. */
function importArrays(c: ArraysCaseResult, name: string): ImportResult {
  if (!c.ok) return c;
  const { R, K, logits, targets, features } = c.value;
  if (R * K > MAX_IMPORT_ENTRIES) {
    return { ok: false, error: `${name}: more than ${MAX_IMPORT_ENTRIES} entries` };
  }
  const base = features === null ? { R, K, logits, targets } : { R, K, logits, targets, features };
  const notices = features === null ? [] : [featuresNotice(features.d)];
  return { ok: true, source: { kind: 'explicit', name, base, edits: [] }, notices };
}

function importJson(
  parsed: ParseCasesResult,
  fileName: string | undefined,
  caseIndex: number,
): ImportResult {
  if (!parsed.ok) return { ok: false, error: `JSON ${parsed.error}` };
  const n = parsed.cases.length;
  if (!(Number.isInteger(caseIndex) && caseIndex >= 0 && caseIndex < n)) {
    return { ok: false, error: `JSON: case ${caseIndex} does not exist (the file has ${n})` };
  }
  const c = parsed.cases[caseIndex];
  if (c.R * c.K > MAX_IMPORT_ENTRIES) {
    return { ok: false, error: `JSON case ${caseIndex}: more than ${MAX_IMPORT_ENTRIES} entries` };
  }
  const notices: string[] = [];
  if (n > 1) notices.push(`The file holds ${n} cases; case ${caseIndex} was imported`);
  if (c.features !== null) notices.push(featuresNotice(c.features.d));
  const params = toAppParams(c.params, notices);
  const name = fileName ?? 'pasted JSON';
  return {
    ok: true,
    source: {
      kind: 'explicit',
      name: n > 1 ? `${name} #${caseIndex}` : name,
      base:
        c.features === null
          ? { R: c.R, K: c.K, logits: c.logits, targets: c.targets }
          : { R: c.R, K: c.K, logits: c.logits, targets: c.targets, features: c.features },
      edits: [],
    },
    params,
    notices,
  };
}

/** What an import with features says (translated by i18n/ioMessages.ts). */
export function featuresNotice(d: number): string {
  return `The case carries ${d} features per row: the Train section can train a head on them`;
}

function importCsv(parsed: CsvResult, fileName: string | undefined): ImportResult {
  if (!parsed.ok) return { ok: false, error: `CSV ${parsed.error}` };
  const { R, K, logits, targets, interpretation } = parsed.value;
  return {
    ok: true,
    source: {
      kind: 'explicit',
      name: fileName ?? 'pasted CSV',
      base: { R, K, logits, targets },
      edits: [],
    },
    notices: [`CSV values read as ${interpretation.as}s (${interpretation.because})`],
  };
}
