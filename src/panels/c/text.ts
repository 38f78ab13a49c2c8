/**
 * String lookup for panels 1–4: C's keys (strings-c.ts) and the shared table's keys (panel titles,
 * labels, notices from strings-d.ts) through one function, whether or not strings.ts has merged C's
 * part yet.
 */
import { fill, t, type StringKey, type StringVars } from '../../i18n/strings.ts';
import { stringsC } from '../../i18n/strings-c.ts';
import type { Lang } from '../types.ts';

/** A key of C's part of the table. */
export type CKey = keyof typeof stringsC.en;

/** A lookup bound to one language over C's keys and the shared table's. */
export type TextC = (key: CKey | StringKey, vars?: StringVars) => string;

const cache: Partial<Record<Lang, TextC>> = {};

/** `tc(lang)(key, vars)`: the string of `key` in `lang` with its {placeholders} filled. */
export function tc(lang: Lang): TextC {
  const hit = cache[lang];
  if (hit) return hit;
  const own: Readonly<Record<string, string>> = stringsC[lang];
  const shared = t(lang);
  const fn: TextC = (key, vars) =>
    Object.prototype.hasOwnProperty.call(own, key)
      ? fill(own[key], vars)
      : shared(key as StringKey, vars);
  cache[lang] = fn;
  return fn;
}
