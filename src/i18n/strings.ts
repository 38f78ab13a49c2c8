/**
 * The one string table of the app, English and Chinese, split by topic: en/ and zh/ hold one file per
 * topic (app, controls, notices, panels, …). Every Chinese part is typed against its English keys, so a
 * missing translation fails type-check; the topics' key sets must not overlap (tests/i18n checks it).
 *
 * English is here; Chinese is its own chunk (zh/index.ts), fetched by loadLang('zh') when a reader
 * asks for it, so the first load of an English page does not carry it. Until it has arrived,
 * t('zh') is the English lookup. allStrings.ts holds both tables for tests and scripts.
 *
 * Usage: `const s = t(lang); s('panel.smoothing.title'); s('smoothing.quad', { rho: 0.5 })`.
 */
import { app as enApp } from './en/app.ts';
import { baseline as enBaseline } from './en/baseline.ts';
import { exportStrings as enExport } from './en/export.ts';
import { train as enTrain } from './en/train.ts';
import { tour as enTour } from './en/tour.ts';
import { controls as enControls } from './en/controls.ts';
import { notices as enNotices } from './en/notices.ts';
import { panels as enPanels } from './en/panels.ts';
import type { Lang } from './lang.ts';

/** Every English topic's table, for the tests that check keys per topic. */
export const EN_PARTS = {
  app: enApp,
  controls: enControls,
  notices: enNotices,
  panels: enPanels,
  baseline: enBaseline,
  export: enExport,
  train: enTrain,
  tour: enTour,
} as const;

/** The merged English table. */
export const en = {
  ...enApp,
  ...enControls,
  ...enNotices,
  ...enPanels,
  ...enBaseline,
  ...enExport,
  ...enTrain,
  ...enTour,
} as const;

/** A key of the merged table. */
export type StringKey = keyof typeof en;

/** A whole table: one string per key. */
export type StringTable = Readonly<Record<StringKey, string>>;

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

const tables: Partial<Record<Lang, StringTable>> = { en };
const cache: Partial<Record<Lang, Translate>> = {};
const listeners = new Set<() => void>();

/** Make `table` the strings of `lang` (loadLang does this; tests and scripts via allStrings.ts). */
export function registerLang(lang: Lang, table: StringTable): void {
  if (tables[lang] === table) return;
  tables[lang] = table;
  delete cache[lang];
  for (const listener of listeners) listener();
}

/** Whether `lang`'s strings are here (English always is). */
export function hasLang(lang: Lang): boolean {
  return tables[lang] !== undefined;
}

/** Call `listener` whenever a language's strings arrive; returns the unsubscribe function. */
export function onLangLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fetch `lang`'s strings (its own chunk) unless they are here. */
export async function loadLang(lang: Lang): Promise<void> {
  if (hasLang(lang)) return;
  const { zh } = await import('./zh/index.ts');
  registerLang('zh', zh);
}

/**
 * The lookup for one language: `t(lang)(key, vars)` returns the string of `key` in `lang` with its
 * placeholders filled. Unknown languages cannot occur (Lang is 'en' | 'zh'); a language whose strings
 * have not arrived yet (loadLang) gets the English lookup. Memoised per language so components may
 * call t(lang) on every render.
 */
export function t(lang: Lang): Translate {
  const hit = cache[lang];
  if (hit) return hit;
  const table = tables[lang];
  if (!table) return t('en');
  const fn: Translate = (key, vars) => fill(table[key], vars);
  cache[lang] = fn;
  return fn;
}
