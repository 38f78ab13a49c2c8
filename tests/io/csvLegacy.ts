/**
 * The CSV parser as it was before streaming (commit f90f44f, src/io/csv.ts), kept verbatim as the
 * oracle the streaming parser must match: same sets bit for bit, same error strings.
 */
import { MAX_CSV_ENTRIES, type CsvSet } from '../../src/io/csvStream.ts';

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const SCORE_NAME = /^(?:score|scores|prob|probability|p|confidence|sigmoid)[_ -]?\d*$/i;
const LOGIT_NAME = /^(?:logit|logits|x|z)[_ -]?\d*$/i;
const LABEL_NAME = /^(?:label|labels|target|targets|y|class|gt)$/i;

function cells(line: string): string[] {
  return line.split(/[,;\t]/).map((c) => {
    const t = c.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
  });
}

function show(cell: string): string {
  return JSON.stringify(cell.length > 30 ? `${cell.slice(0, 30)}…` : cell);
}

/** logit(s) = ln s − ln(1 − s), accurate near 1 through log1p. */
function logitOf(s: number): number {
  return Math.log(s) - Math.log1p(-s);
}

/**
 * Parse CSV text into a candidate set. Never throws; errors read like
 * `line 7, column 2 (label): "x" is not an integer`.
 */
export function legacyParseCsv(
  text: string,
): { ok: true; value: CsvSet } | { ok: false; error: string } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  let header: { names: string[]; line: number } | null = null;
  let K = -1;
  let firstData = -1;
  const values: number[] = [];
  const labels: number[] = [];
  const labelLines: number[] = [];

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const row = cells(raw);
    const lineNo = i + 1;
    if (K < 0) {
      if (row.length < 2) {
        return {
          ok: false,
          error: `line ${lineNo}: expected at least 2 columns (a logit or score, then the label), found ${row.length}`,
        };
      }
      K = row.length - 1;
      if (!row.every((c) => NUMBER_RE.test(c))) {
        header = { names: row, line: lineNo };
        continue;
      }
    }
    if (row.length !== K + 1) {
      return {
        ok: false,
        error: `line ${lineNo}: expected ${K + 1} columns like line ${header?.line ?? firstData}, found ${row.length}`,
      };
    }
    if (firstData < 0) firstData = lineNo;
    for (let c = 0; c < K; c++) {
      const cell = row[c];
      const x = NUMBER_RE.test(cell) ? Number(cell) : NaN;
      if (!Number.isFinite(x)) {
        return {
          ok: false,
          error: `line ${lineNo}, column ${c + 1}: ${show(cell)} is not a number`,
        };
      }
      values.push(x);
    }
    const lab = row[K];
    const t = /^[+-]?\d+$/.test(lab) ? Number(lab) : NaN;
    if (!Number.isSafeInteger(t)) {
      return {
        ok: false,
        error: `line ${lineNo}, column ${K + 1} (label): ${show(lab)} is not an integer`,
      };
    }
    if (t > K) {
      return {
        ok: false,
        error:
          `line ${lineNo}, column ${K + 1} (label): ${t} is out of range ` +
          (K === 1
            ? '(1 positive, 0 negative, −1 ignored)'
            : `(0 background, 1..${K} the class, −1 ignored)`),
      };
    }
    labels.push(t < 0 ? -1 : t);
    labelLines.push(lineNo);
    if (values.length > MAX_CSV_ENTRIES) {
      return { ok: false, error: `line ${lineNo}: more than ${MAX_CSV_ENTRIES} entries` };
    }
  }
  if (labels.length === 0) {
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
  } else if (values.every((x) => x >= 0 && x <= 1)) {
    as = 'score';
    because =
      'no header and every value lies in [0, 1]; add a header "logit,label" to read them as logits';
  } else {
    as = 'logit';
    because = 'no header and some values lie outside [0, 1]';
  }

  const R = labels.length;
  const logits = new Float64Array(R * K);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (as === 'logit') {
      logits[i] = x;
      continue;
    }
    if (!(x > 0 && x < 1)) {
      const lineNo = labelLines[Math.floor(i / K)];
      return {
        ok: false,
        error:
          `line ${lineNo}, column ${(i % K) + 1}: score ${x} ` +
          (x === 0 || x === 1 ? 'has no finite logit (need 0 < score < 1)' : 'is not in (0, 1)'),
      };
    }
    logits[i] = logitOf(x);
  }
  return {
    ok: true,
    value: { R, K, logits, targets: Int32Array.from(labels), interpretation: { as, because } },
  };
}
