/**
 * The app's string lookup: the shared table (src/i18n/strings.ts, t(lang)) first, then the app
 * shell's own keys (strings-app.ts). Components call `useT()` and re-render when the language changes.
 */
import { fill, t, type StringKey, type StringVars } from '../i18n/strings.ts';
import type { Lang } from '../panels/types.ts';
import type { NumericParamKey, ParamSpec } from '../state/params.ts';
import { useApp } from './context.tsx';
import { stringsApp, type AppStringKey } from './strings-app.ts';

export type UiKey = StringKey | AppStringKey;
export type UiTranslate = (key: UiKey, vars?: StringVars) => string;

const cache: Partial<Record<Lang, UiTranslate>> = {};

/** The lookup for `lang` over both tables (memoised per language). */
export function uiStrings(lang: Lang): UiTranslate {
  const hit = cache[lang];
  if (hit) return hit;
  const shared = t(lang);
  const own: Readonly<Record<AppStringKey, string>> = stringsApp[lang];
  const fn: UiTranslate = (key, vars) =>
    key in own ? fill(own[key as AppStringKey], vars) : shared(key as StringKey, vars);
  cache[lang] = fn;
  return fn;
}

/** The current language from the store. */
export function useLang(): Lang {
  return useApp((s) => s.view.lang);
}

/** The lookup for the current language. */
export function useT(): UiTranslate {
  return uiStrings(useLang());
}

const CONTROL_KEYS: Record<NumericParamKey, StringKey> = {
  margin: 'control.margin',
  lambdaPos: 'control.lambdaPos',
  lambdaNeg: 'control.lambdaNeg',
  L: 'control.L',
  tau: 'control.tau',
  rho: 'control.rho',
  hardK: 'control.hardK',
};

/**
 * A parameter's name without its symbol: the parameter table's English label, or the shared
 * table's control name ("负样本温度 λ−") with the trailing symbol dropped.
 */
export function paramLabel(spec: ParamSpec, lang: Lang): string {
  if (lang === 'en') return spec.label;
  const named = t(lang)(CONTROL_KEYS[spec.key]);
  return named.endsWith(spec.symbol) ? named.slice(0, -spec.symbol.length).trim() : named;
}
