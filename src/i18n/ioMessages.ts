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
  [
    /^features must be an array of (\d+) rows of d numbers \(got (.*)\)$/,
    'io.featuresShape',
    ['n', 'got'],
  ],
  [/^features has (\d+) rows but logits has (\d+)$/, 'io.featuresRows', ['n', 'rows']],
  [/^features\[0\] is not a row of numbers \(got (.*)\)$/, 'io.featuresFirst', ['got']],
  [/^features\[0\] is an empty row \(need d ≥ 1 features\)$/, 'io.featuresEmpty', []],
  [
    /^(features\[\d+\]) is not a row like features\[0\] \(got (.*)\)$/,
    'io.featuresNotRow',
    ['field', 'got'],
  ],
  [
    /^(features\[\d+\]) has (\d+) entries but features\[0\] has (\d+) \(rows must be equal\)$/,
    'io.featuresRowLength',
    ['field', 'n', 'k'],
  ],
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
  [
    /^The case carries (\d+) features per row: the Train section can train a head on them$/,
    'io.features',
    ['d'],
  ],
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

/**
 * Other lower-layer messages that reach the notices as plain text ('notice.raw'): the engine worker's
 * (src/worker/client.ts) and the link decoder's frames (src/state/permalink/codec.ts). A detail no
 * pattern knows keeps its English words.
 */
const WORKER_REASONS: readonly Rule[] = [
  [/^the engine worker could not start \((.*)\)$/, 'msg.workerNoStart', ['detail']],
  [/^the engine worker did not start within (\d+) ms$/, 'msg.workerSlow', ['ms']],
  [/^(.*) \((\d+) times in a row\)$/, 'msg.workerTimes', ['reason', 'n']],
];

/** Why a link field was refused (the permalink rows' `why`), after the quoted value. */
const WHY_RULES: readonly Rule[] = [
  [/^is not a number$/, 'msg.why.notNumber', []],
  [/^is not a whole number$/, 'msg.why.notWhole', []],
  [/^is not a known preset$/, 'msg.why.notPreset', []],
  [/^is not a version number$/, 'msg.why.notVersion', []],
  [/^is outside (.+)…(.+)$/, 'msg.why.outside', ['min', 'max']],
  [/^is not a whole number in (.+)…(.+)$/, 'msg.why.notWholeIn', ['min', 'max']],
  [/^is not a step number in (.+)…(.+)$/, 'msg.why.notStep', ['min', 'max']],
  [/^is not a step in (.+)…(.+)$/, 'msg.why.notStep', ['min', 'max']],
  [/^is not one of (.+)$/, 'msg.why.notOneOf', ['list']],
];

const RAW_RULES: readonly Rule[] = [
  [
    /^(.*); computing on the main thread instead \(large sets will make the page stutter\)\.$/,
    'msg.workerFallback',
    ['reason'],
  ],
  [/^(.*); it was restarted and your settings are unchanged\.$/, 'msg.workerRestarted', ['reason']],
  [/^(Link|Saved state) unreadable: defaults used$/, 'msg.linkUnreadable', ['from']],
  [
    /^(Link|Saved state) too long \((\d+) characters; limit (\d+)\): defaults used$/,
    'msg.linkTooLong',
    ['from', 'n', 'limit'],
  ],
  [
    /^(Link|Saved state): (.*) is not a field=value pair; ignored$/,
    'msg.linkPiece',
    ['from', 'piece'],
  ],
  [
    /^(Link|Saved state) field (.*) appears more than once; the last one is used$/,
    'msg.linkTwice',
    ['from', 'field'],
  ],
  [
    /^(Link|Saved state) field (.*): bad percent-encoding; ignored$/,
    'msg.linkEncoding',
    ['from', 'field'],
  ],
  [
    /^(Link|Saved state) field v \(version\) is missing; read as version 1$/,
    'msg.linkNoVersion',
    ['from'],
  ],
  [/^(Link|Saved state): unknown field (.*) ignored$/, 'msg.linkUnknown', ['from', 'field']],
  [
    /^(Link|Saved state) field v \(version\): (\d+) is newer than this app \((\d+)\); read as far as possible$/,
    'msg.linkNewer',
    ['from', 'got', 'mine'],
  ],
  [
    /^(Link|Saved state) field ([^:]+): (".*?"|\S+) (is .*); kept the default (.*)$/,
    'msg.linkBadField',
    ['from', 'field', 'raw', 'why', 'fallback'],
  ],
];

/** A plain-text notice of a lower layer in the language of `s` (unchanged for English). */
export function translateRawMessage(message: string, s: Translate, english: boolean): string {
  if (english) return message;
  for (const rule of RAW_RULES) {
    const m = match(rule, message);
    if (!m || m.rest !== '') continue;
    const vars: Record<string, string> = { ...(m.vars as Record<string, string>) };
    if (vars.from !== undefined) {
      vars.from = s(vars.from === 'Link' ? 'msg.fromLink' : 'msg.fromSaved');
    }
    if (vars.reason !== undefined) vars.reason = workerReason(vars.reason, s);
    if (vars.why !== undefined) vars.why = linkWhy(vars.why, s);
    return s(rule[1], vars);
  }
  return translateIoMessage(message, s, english);
}

function linkWhy(why: string, s: Translate): string {
  for (const rule of WHY_RULES) {
    const m = match(rule, why);
    if (m && m.rest === '') return s(rule[1], m.vars);
  }
  return why;
}

function workerReason(reason: string, s: Translate): string {
  for (const rule of WORKER_REASONS) {
    const m = match(rule, reason);
    if (!m || m.rest !== '') continue;
    const vars: Record<string, string> = { ...(m.vars as Record<string, string>) };
    if (vars.reason !== undefined) vars.reason = workerReason(vars.reason, s);
    return s(rule[1], vars);
  }
  return reason;
}
