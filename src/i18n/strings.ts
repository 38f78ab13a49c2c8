/**
 * The one string table of the app, English and Chinese, split by topic: en/ and zh/ hold one file per
 * topic (app, controls, notices, panels). Every Chinese part is typed against its English keys, so a
 * missing translation fails type-check; the topics' key sets must not overlap (tests/i18n checks it).
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
import { app as zhApp } from './zh/app.ts';
import { baseline as zhBaseline } from './zh/baseline.ts';
import { exportStrings as zhExport } from './zh/export.ts';
import { train as zhTrain } from './zh/train.ts';
import { tour as zhTour } from './zh/tour.ts';
import { controls as zhControls } from './zh/controls.ts';
import { notices as zhNotices } from './zh/notices.ts';
import { panels as zhPanels } from './zh/panels.ts';

/** Every topic's table in both languages, for the tests that check keys per topic. */
export const STRING_PARTS = {
  app: { en: enApp, zh: zhApp },
  controls: { en: enControls, zh: zhControls },
  notices: { en: enNotices, zh: zhNotices },
  panels: { en: enPanels, zh: zhPanels },
  baseline: { en: enBaseline, zh: zhBaseline },
  export: { en: enExport, zh: zhExport },
  train: { en: enTrain, zh: zhTrain },
  tour: { en: enTour, zh: zhTour },
} as const;

/** The merged table, one object per language. */
export const strings = {
  en: {
    ...enApp,
    ...enControls,
    ...enNotices,
    ...enPanels,
    ...enBaseline,
    ...enExport,
    ...enTrain,
    ...enTour,
  },
  zh: {
    ...zhApp,
    ...zhControls,
    ...zhNotices,
    ...zhPanels,
    ...zhBaseline,
    ...zhExport,
    ...zhTrain,
    ...zhTour,
  },
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
