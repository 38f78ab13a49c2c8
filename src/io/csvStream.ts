/**
 * CSV import of candidates, read incrementally: text arrives in chunks (cut anywhere, even inside a
 * number or a CRLF), rows go straight into growing typed arrays, and nothing holds the whole text.
 * This is the only CSV parser: `parseCsv` (csv.ts) feeds it one chunk. Pure and total: never throws;
 * every error is one line naming the line (1-based, as an editor shows it) and the column.
 *
 * - Separators: comma, semicolon or tab. Blank lines and lines starting with '#' are skipped; a
 *   leading byte-order mark, CRLF line ends and double quotes around a cell are accepted.
 * - Header (optional): the first line, when any of its cells is not a number. Value columns named
 *   score/prob/probability/p/confidence are scores σ(x) ∈ (0, 1); logit/logits/x/z are logits
 *   (optionally numbered: logit1, score_2); the last column is the label (label/target/y/class/gt).
 * - Without a header, the values are read as scores when every one lies in [0, 1], else as logits;
 *   `interpretation` says which, so the caller can tell the person.
 * - Labels: integers; 0 background (negative), 1..K the class, any negative = ignored (as the official
 *   code and the case format). With one value column, 1 is positive.
 * - Scores become logits once, at the end, in place: x = ln s − ln(1 − s). A score of exactly 0 or 1
 *   has no finite logit and is refused (not nudged: nothing imported is rounded). Logits are kept bit
 *   for bit.
 *
 * Error precedence is that of reading the whole text first: the first bad row (in line order) wins;
 * only when every row is fine come "no data rows", then the header's names, then the scores' range.
 */

/** A parsed CSV: R rows × K classes, row-major logits, targets as in docs/maths.md §1. */
export interface CsvSet {
  readonly R: number;
  readonly K: number;
  readonly logits: Float64Array;
  readonly targets: Int32Array;
  /** How the value columns were read, and why ("header" or "all values in [0, 1]" …). */
  readonly interpretation: { readonly as: 'logit' | 'score'; readonly because: string };
}

/** Outcome of a CSV parse. */
export type CsvResult = { ok: true; value: CsvSet } | { ok: false; error: string };

/** Largest CSV accepted, in entries R·K (a permalink carries at most 2·10⁶). */
export const MAX_CSV_ENTRIES = 2_000_000;

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const INTEGER_RE = /^[+-]?\d+$/;
const SCORE_NAME = /^(?:score|scores|prob|probability|p|confidence|sigmoid)[_ -]?\d*$/i;
const LOGIT_NAME = /^(?:logit|logits|x|z)[_ -]?\d*$/i;
const LABEL_NAME = /^(?:label|labels|target|targets|y|class|gt)$/i;

/** The general cell splitter: separators, then trimming and one pair of surrounding quotes. */
function cells(line: string): string[] {
  return line.split(/[,;\t]/).map((c) => {
    const t = c.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
  });
}

/**
 * `cells(line)` for the common line made only of digits, signs, dots, exponents and separators (no
 * space, quote or other character that trimming or unquoting would touch), without the regex split
 * and the per-cell trim: the same cells, faster on 10⁶ rows. Returns the count, or -1 for any other
 * line.
 */
function plainCells(line: string, out: string[]): number {
  let n = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 44 || ch === 59 || ch === 9) {
      out[n++] = line.slice(start, i);
      start = i + 1;
    } else if (!(
      (ch >= 48 && ch <= 57) ||
      ch === 46 ||
      ch === 43 ||
      ch === 45 ||
      ch === 101 ||
      ch === 69
    )) {
      return -1;
    }
  }
  out[n++] = line.slice(start);
  return n;
}

function show(cell: string): string {
  return JSON.stringify(cell.length > 30 ? `${cell.slice(0, 30)}…` : cell);
}

/** logit(s) = ln s − ln(1 − s), accurate near 1 through log1p. */
function logitOf(s: number): number {
  return Math.log(s) - Math.log1p(-s);
}

/**
 * An incremental CSV parser: `push` text chunks in order, then `finish` once. After an error is
 * found, further pushes are ignored (`failed` tells a reader it may stop early). Never throws.
 */
export class CsvStreamParser {
  private pending = '';
  /** The previous chunk ended in '\r': a '\n' opening this one belongs to that line break. */
  private skipLF = false;
  private started = false;
  /** Lines completed so far (the next line's number is lines + 1). */
  private lines = 0;
  private error: string | null = null;
  private header: { names: string[]; line: number } | null = null;
  private K = -1;
  private firstData = -1;
  private values = new Float64Array(4096);
  private n = 0;
  private labels = new Int32Array(1024);
  private R = 0;
  /** Every value so far lies in [0, 1] (the headerless score rule needs all of them). */
  private allInUnit = true;
  /** The first value outside (0, 1): the error if the values turn out to be scores. */
  private badScore: { line: number; column: number; x: number } | null = null;
  private readonly row: string[] = [];

  /** Data rows read so far. */
  get rows(): number {
    return this.R;
  }

  /** The number of the line being read (the one after the last complete line). */
  get line(): number {
    return this.lines + 1;
  }

  /** True once an error is certain: the rest of the input cannot change the result. */
  get failed(): boolean {
    return this.error !== null;
  }

  /** Feed the next piece of text (any length, cut anywhere). */
  push(text: string): void {
    if (this.error !== null || text.length === 0) return;
    let chunk = text;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let p = 0;
    if (this.skipLF) {
      this.skipLF = false;
      if (chunk.charCodeAt(0) === 10) p = 1;
    }
    let nextLF = chunk.indexOf('\n', p);
    let nextCR = chunk.indexOf('\r', p);
    while (this.error === null) {
      if (nextLF < 0 && nextCR < 0) break;
      const end = nextCR < 0 || (nextLF >= 0 && nextLF < nextCR) ? nextLF : nextCR;
      const piece = chunk.slice(p, end);
      const line = this.pending === '' ? piece : this.pending + piece;
      this.pending = '';
      this.lines++;
      this.readLine(line, this.lines);
      p = end + 1;
      if (end === nextCR) {
        if (p === chunk.length) this.skipLF = true;
        else if (chunk.charCodeAt(p) === 10) p++;
        nextCR = chunk.indexOf('\r', p);
      }
      if (nextLF >= 0 && nextLF < p) nextLF = chunk.indexOf('\n', p);
    }
    if (this.error === null && p < chunk.length) this.pending += chunk.slice(p);
  }

  /**
   * Stop at an input failure outside the text (e.g. bytes that are not UTF-8), unless a row before
   * it already failed: `line N: <detail>`, N the line being read.
   */
  failAt(detail: string): { ok: false; error: string } {
    if (this.error === null) this.error = `line ${this.line}: ${detail}`;
    return { ok: false, error: this.error };
  }

  /** The last line, then the checks that need every row; returns the set or the first error. */
  finish(): CsvResult {
    if (this.error === null) {
      this.lines++;
      this.readLine(this.pending, this.lines);
      this.pending = '';
    }
    if (this.error !== null) return { ok: false, error: this.error };
    const { K, R, header } = this;
    if (R === 0) {
      return {
        ok: false,
        error: 'no data rows (expected lines like "logit,label" or "score,label")',
      };
    }
    let as: 'logit' | 'score';
    let because: string;
    if (header) {
      const names = header.names;
      const valueNames = names.slice(0, K);
      const bad = valueNames.findIndex((n) => !SCORE_NAME.test(n) && !LOGIT_NAME.test(n));
      if (bad >= 0) {
        return {
          ok: false,
          error: `line ${header.line}, column ${bad + 1}: header ${show(names[bad])} is neither a logit nor a score column (use "logit" or "score")`,
        };
      }
      const scores = valueNames.filter((n) => SCORE_NAME.test(n)).length;
      if (scores !== 0 && scores !== K) {
        return {
          ok: false,
          error: `line ${header.line}: mixes score and logit columns; use one kind`,
        };
      }
      if (!LABEL_NAME.test(names[K])) {
        return {
          ok: false,
          error: `line ${header.line}, column ${K + 1}: header ${show(names[K])} is not a label column (use "label")`,
        };
      }
      as = scores === K ? 'score' : 'logit';
      because = `header "${valueNames.join(',')}"`;
    } else if (this.allInUnit) {
      as = 'score';
      because =
        'no header and every value lies in [0, 1]; add a header "logit,label" to read them as logits';
    } else {
      as = 'logit';
      because = 'no header and some values lie outside [0, 1]';
    }
    if (as === 'score' && this.badScore) {
      const { line, column, x } = this.badScore;
      return {
        ok: false,
        error:
          `line ${line}, column ${column}: score ${x} ` +
          (x === 0 || x === 1 ? 'has no finite logit (need 0 < score < 1)' : 'is not in (0, 1)'),
      };
    }
    // Exact lengths, so a transferred buffer holds nothing else.
    const logits = this.values.length === this.n ? this.values : this.values.slice(0, this.n);
    this.values = new Float64Array(0);
    if (as === 'score') for (let i = 0; i < logits.length; i++) logits[i] = logitOf(logits[i]);
    const targets = this.labels.length === R ? this.labels : this.labels.slice(0, R);
    this.labels = new Int32Array(0);
    return { ok: true, value: { R, K, logits, targets, interpretation: { as, because } } };
  }

  private fail(error: string): void {
    this.error = error;
  }

  private readLine(text: string, lineNo: number): void {
    const raw = text.trim();
    if (raw === '' || raw.charCodeAt(0) === 35) return;
    let row = this.row;
    let count = plainCells(raw, row);
    if (count < 0) {
      row = cells(raw);
      count = row.length;
    }
    let K = this.K;
    if (K < 0) {
      if (count < 2) {
        this.fail(
          `line ${lineNo}: expected at least 2 columns (a logit or score, then the label), found ${count}`,
        );
        return;
      }
      K = this.K = count - 1;
      let numeric = true;
      for (let c = 0; c < count && numeric; c++) numeric = NUMBER_RE.test(row[c]);
      if (!numeric) {
        this.header = { names: row.slice(0, count), line: lineNo };
        return;
      }
    }
    if (count !== K + 1) {
      this.fail(
        `line ${lineNo}: expected ${K + 1} columns like line ${this.header?.line ?? this.firstData}, found ${count}`,
      );
      return;
    }
    if (this.firstData < 0) this.firstData = lineNo;
    if (this.n + K > this.values.length) this.values = grow(this.values, this.n + K);
    const values = this.values;
    for (let c = 0; c < K; c++) {
      const cell = row[c];
      const x = NUMBER_RE.test(cell) ? Number(cell) : NaN;
      if (!Number.isFinite(x)) {
        this.fail(`line ${lineNo}, column ${c + 1}: ${show(cell)} is not a number`);
        return;
      }
      values[this.n + c] = x;
      if (!(x > 0 && x < 1)) {
        if (this.badScore === null) this.badScore = { line: lineNo, column: c + 1, x };
        if (!(x >= 0 && x <= 1)) this.allInUnit = false;
      }
    }
    const lab = row[K];
    const t = INTEGER_RE.test(lab) ? Number(lab) : NaN;
    if (!Number.isSafeInteger(t)) {
      this.fail(`line ${lineNo}, column ${K + 1} (label): ${show(lab)} is not an integer`);
      return;
    }
    if (t > K) {
      this.fail(
        `line ${lineNo}, column ${K + 1} (label): ${t} is out of range ` +
          (K === 1
            ? '(1 positive, 0 negative, −1 ignored)'
            : `(0 background, 1..${K} the class, −1 ignored)`),
      );
      return;
    }
    this.n += K;
    if (this.R === this.labels.length) this.labels = grow(this.labels, this.R + 1);
    this.labels[this.R++] = t < 0 ? -1 : t;
    if (this.n > MAX_CSV_ENTRIES) {
      this.fail(`line ${lineNo}: more than ${MAX_CSV_ENTRIES} entries`);
    }
  }
}

/** A copy with at least `need` slots, doubling so n appends cost O(n) in all. */
function grow<T extends Float64Array | Int32Array>(a: T, need: number): T {
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}
