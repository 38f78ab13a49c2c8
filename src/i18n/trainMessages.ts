/**
 * The training layer's English reasons (src/train, src/worker/trainSetup.ts and trainHandler.ts:
 * why a training could not start, why a run stopped) in the reader's language, at the UI boundary.
 * A reason no pattern knows keeps its English words inside the translated frame;
 * tests/i18n/trainMessages.test.ts produces every pattern from the real code.
 */
import type { StringKey, Translate } from './strings.ts';

type Rule = readonly [RegExp, StringKey, readonly string[]];

const RULES: readonly Rule[] = [
  [/^the loss is not finite at step (\d+)$/, 'train.why.lossNotFinite', ['step']],
  [/^the parameters are not finite at step (\d+)$/, 'train.why.paramsNotFinite', ['step']],
  [
    /^model: the free model trains at most (\d+) entries \(this set has (\d+)\); use a head model$/,
    'train.why.freeTooLarge',
    ['max', 'n'],
  ],
  [/^data: the current candidate set has no features /, 'train.why.noFeatures', []],
];

/** `message` of the training layer in the language of `s` (unchanged for English). */
export function translateTrainMessage(message: string, s: Translate, english: boolean): string {
  if (english) return message;
  for (const [re, key, names] of RULES) {
    const m = re.exec(message);
    if (!m) continue;
    const vars: Record<string, string> = {};
    names.forEach((name, i) => (vars[name] = m[i + 1] ?? ''));
    return s(key, vars);
  }
  return message;
}
