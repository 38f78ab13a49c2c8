/**
 * CSV import of candidates from a whole text (a paste, a small file, tests): one row per anchor, K value
 * columns (logits or scores) and a label column last. The format, its rules and its errors are defined
 * once, by the incremental parser in csvStream.ts; this is that parser fed a single chunk, so a paste
 * and a streamed file give the same set, bit for bit, and the same error strings.
 */
import { CsvStreamParser, type CsvResult } from './csvStream.ts';

export { MAX_CSV_ENTRIES } from './csvStream.ts';
export type { CsvResult, CsvSet } from './csvStream.ts';

/**
 * Parse CSV text into a candidate set. Never throws; errors read like
 * `line 7, column 2 (label): "x" is not an integer`.
 */
export function parseCsv(text: string): CsvResult {
  const parser = new CsvStreamParser();
  parser.push(text);
  return parser.finish();
}
