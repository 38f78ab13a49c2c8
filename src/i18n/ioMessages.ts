/**
 * The import layer's messages (src/io: English, shared with the CLI, which tests pin word for word)
 * translated at the UI boundary: a message is read as its location prefixes ("case 2: ", "line 7,
 * column 2 (label): ") and a body, each matched against the patterns below and rebuilt from the string
 * table (keys 'io.*' in en/zh notices.ts). English is returned unchanged. A body no pattern knows keeps
 * its English words inside the translated frame; tests/i18n/ioMessages.test.ts produces every pattern
 * from the real parsers, so a change of wording in src/io shows up there.
 */
import type { StringKey, StringVars, Translate } from './strings.ts';

/** A location prefix: its pattern, its key, and the names of its captured values. */
type Rule = readonly [RegExp, StringKey, readonly string[]];

const PREFIXES: readonly Rule[] = [
  [/^JSON (?=input|case)/, 'io.json', []],
  [/^CSV /, 'io.csv', []],
  [/^case (\d+): /, 'io.case', ['n']],
  [/^line (\d+), column (\d+) \(label\): /, 'io.lineColumnLabel', ['line', 'column']],
  [/^line (\d+), column (\d+): /, 'io.lineColumn', ['line', 'column']],
  [/^line (\d+): /, 'io.line', ['line']],
  [/^input: /, 'io.input', []],
];

/** A value described by the io layer (case.ts describe()): its English phrasings. */
const VALUE_RULES: readonly Rule[] = [
  [/^(".*"), a string: write numbers without quotes$/, 'io.value.quoted', ['v']],
  [/^an array of length (\d+)$/, 'io.value.array', ['n']],
  [/^an object$/, 'io.value.object', []],
  [/^nothing$/, 'io.value.nothing', []],
  [/^(-?Infinity), from a literal beyond the float64 range$/, 'io.value.infinite', ['v']],
];

const BODIES: readonly Rule[] = [
  [/^not valid JSON \((.*)\)$/, 'io.notJson', ['detail']],
  [/^expected one case object or an array of cases \(got (.*)\)$/, 'io.notCase', ['got']],
  [/^empty array \(expected at least one case\)$/, 'io.emptyArray', []],
  [/^expected an object with "logits" and "targets" \(got (.*)\)$/, 'io.notObject', ['got']],
  [
    /^logits must be an array of N numbers or N rows of K numbers \(got (.*)\)$/,
    'io.logitsShape',
    ['got'],
  ],
  [/^(logits\[\d+\]) is not a row like logits\[0\] \(got (.*)\)$/, 'io.notRow', ['field', 'got']],
  [
    /^(logits\[\d+\]) has (\d+) entries but logits\[0\] has (\d+) \(rows must be equal\)$/,
    'io.rowLength',
    ['field', 'n', 'k'],
  ],
  [/^targets must be an array of (\d+) integers \(got (.*)\)$/, 'io.targetsShape', ['n', 'got']],
  [/^targets has length (\d+) but logits has (\d+) rows$/, 'io.targetsLength', ['n', 'rows']],
  [/^(targets\[\d+\]) is not an integer \(got (.*)\)$/, 'io.targetNotInteger', ['field', 'got']],
  [/^(targets\[\d+\]) = (.*) is not an integer$/, 'io.targetNotInteger', ['field', 'got']],
  [
    /^(targets\[\d+\]) = (-?\d+) is out of range \(-1\.\.K with K = (\d+); -1 or any negative = ignored\)$/,
    'io.targetRange',
    ['field', 'got', 'k'],
  ],
  [/^params must be an object \(got (.*)\)$/, 'io.paramsObject', ['got']],
  [/^(.+) is not a finite number \(got (.*)\)$/, 'io.notFinite', ['field', 'got']],
  [/^no data rows \(expected lines like "logit,label" or "score,label"\)$/, 'io.csvEmpty', []],
  [/^mixes score and logit columns; use one kind$/, 'io.csvMixed', []],
  [
    /^header (".*") is neither a logit nor a score column \(use "logit" or "score"\)$/,
    'io.csvHeaderValue',
    ['header'],
  ],
  [/^header (".*") is not a label column \(use "label"\)$/, 'io.csvHeaderLabel', ['header']],
  [
    /^expected at least 2 columns \(a logit or score, then the label\), found (\d+)$/,
    'io.csvFewColumns',
    ['found'],
  ],
  [
    /^expected (\d+) columns like line (\d+), found (\d+)$/,
    'io.csvColumns',
    ['n', 'line', 'found'],
  ],
  [/^(".*") is not a number$/, 'io.csvNotNumber', ['cell']],
  [/^(".*") is not an integer$/, 'io.csvNotInteger', ['cell']],
  [
    /^(-?\d+) is out of range \(0 background, 1\.\.(\d+) the class, −1 ignored\)$/,
    'io.csvLabelRange',
    ['got', 'k'],
  ],
  [/^more than (\d+) entries$/, 'io.tooMany', ['n']],
  [
    /^(logits\[\d+\]) is an array but logits\[0\] is not: give N numbers \(K = 1\) or N rows$/,
    'io.mixedRows',
    ['field'],
  ],
  [
    /^(-?\d+) is out of range \(1 positive, 0 negative, −1 ignored\)$/,
    'io.csvLabelRange1',
    ['got'],
  ],
  [/^values read as logits \(header (".*")\)$/, 'io.readLogitsHeader', ['header']],
  [/^values read as scores \(header (".*")\)$/, 'io.readScoresHeader', ['header']],
  [
    /^values read as scores \(no header and every value lies in \[0, 1\]; add a header "logit,label" to read them as logits\)$/,
    'io.readScoresGuess',
    [],
  ],
  [
    /^values read as logits \(no header and some values lie outside \[0, 1\]\)$/,
    'io.readLogitsGuess',
    [],
  ],
  [/^The file holds (\d+) cases; case (\d+) was imported$/, 'io.cases', ['n', 'i']],
];

function match(rule: Rule, text: string): { vars: StringVars; rest: string } | null {
  const m = rule[0].exec(text);
  if (!m) return null;
  const vars: Record<string, string> = {};
  rule[2].forEach((name, i) => (vars[name] = m[i + 1] ?? ''));
  return { vars, rest: text.slice(m[0].length) };
}

/** A described value in the reader's language ("an array of length 3" → "长度为 3 的数组"). */
function value(text: string, s: Translate): string {
  for (const rule of VALUE_RULES) {
    const m = match(rule, text);
    if (m && m.rest === '') return s(rule[1], m.vars);
  }
  return text;
}

/** `message` of the io layer in the language of `s` (unchanged for English). */
export function translateIoMessage(message: string, s: Translate, english: boolean): string {
  if (english) return message;
  let rest = message;
  let prefix = '';
  for (let found = true; found;) {
    found = false;
    for (const rule of PREFIXES) {
      const m = match(rule, rest);
      if (m) {
        prefix += s(rule[1], m.vars);
        rest = m.rest;
        found = true;
        break;
      }
    }
  }
  for (const rule of BODIES) {
    const m = rule[0].exec(rest);
    if (!m) continue;
    const vars: Record<string, string> = {};
    rule[2].forEach((name, i) => {
      const v = m[i + 1] ?? '';
      vars[name] = name === 'got' ? value(v, s) : v;
    });
    return prefix + s(rule[1], vars);
  }
  return prefix + rest;
}
