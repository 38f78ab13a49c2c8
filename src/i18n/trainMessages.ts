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

/**
 * A notice of the training pool (src/worker/trainPool.ts: a worker crashed, the pool restarted or
 * fell back to one thread, the steps recomputed) in the language of `s`. The crash's cause stays in
 * the browser's words, as the engine worker's do.
 */
export function translateTrainNotice(notice: string, s: Translate, english: boolean): string {
  if (english) return notice;
  const m =
    /^(.*?)(?: \((\d+) times in a row\); training in one thread|; the training pool was restarted)(?:; steps 0…(\d+) are recomputed \(the same numbers, nothing lost\))?$/s.exec(
      notice,
    );
  if (!m) return notice;
  const [, cause, times, last] = m;
  const head =
    times !== undefined
      ? s('train.pool.oneThread', { cause, n: times })
      : s('train.pool.restarted', { cause });
  return last !== undefined ? head + s('train.pool.replay', { last }) : head;
}

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
