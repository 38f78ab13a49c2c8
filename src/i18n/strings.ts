/**
 * The one string table of the app, English and Chinese: D's table (strings-d.ts: panel titles, controls,
 * readouts, notices, panels 5–8) merged with C's (strings-c.ts: panels 1–4). Both parts
 * export `{ en, zh } as const` with identical keys in the two languages; their key sets must not overlap
 * (tests/panels/strings.test.ts checks both).
 *
 * Usage: `const s = t(lang); s('panel.smoothing.title'); s('smoothing.quad', { rho: 0.5 })`.
 */
import type { Lang } from './lang.ts';
import { stringsC } from './strings-c.ts';
import { stringsD } from './strings-d.ts';

/** Every part merged into the table, for the tests that check keys per part. */
export const STRING_PARTS = { c: stringsC, d: stringsD } as const;

/** The merged table, one object per language. */
export const strings = {
  en: { ...stringsC.en, ...stringsD.en },
  zh: { ...stringsC.zh, ...stringsD.zh },
} as const;

/** A key of the merged table. */
export type StringKey = keyof typeof strings.en;

/** Values filled into {name} placeholders; numbers are inserted with String(). */
export type StringVars = Readonly<Record<string, string | number>>;

/** A lookup bound to one language. */
export type Translate = (key: StringKey, vars?: StringVars) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fill {name} placeholders of `template` from `vars`. A placeholder with no value is left as written,
 * so a forgotten value shows up in the UI (and in tests) instead of silently vanishing.
 */
export function fill(template: string, vars?: StringVars): string {
  if (!vars) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

const cache: Partial<Record<Lang, Translate>> = {};

/**
 * The lookup for one language: `t(lang)(key, vars)` returns the string of `key` in `lang` with its
 * placeholders filled. Unknown languages cannot occur (Lang is 'en' | 'zh'); the function is memoised per
 * language so components may call t(lang) on every render.
 */
export function t(lang: Lang): Translate {
  const hit = cache[lang];
  if (hit) return hit;
  const table: Readonly<Record<StringKey, string>> = strings[lang];
  const fn: Translate = (key, vars) => fill(table[key], vars);
  cache[lang] = fn;
  return fn;
}
