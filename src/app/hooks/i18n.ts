/**
 * The app's string lookup: the one shared table (src/i18n/strings.ts, t(lang)); components call
 * `useT()` and re-render when the language changes, or when the chosen language's strings arrive
 * (Chinese is fetched on demand: app/preferences.ts asks for it).
 */
import { useSyncExternalStore } from 'react';
import { hasLang, onLangLoaded, t, type StringKey, type Translate } from '../../i18n/strings.ts';
import type { Lang } from '../../i18n/lang.ts';
import type { NumericParamKey, ParamSpec } from '../../params/table.ts';
import { useApp } from './context.tsx';

/** A lookup bound to one language (the shared table's Translate). */
export type UiTranslate = Translate;

/** The language the page shows: the store's, once its strings are here; English until then. */
export function useLang(): Lang {
  const chosen = useApp((s) => s.view.lang);
  const here = useSyncExternalStore(onLangLoaded, () => hasLang(chosen));
  return here ? chosen : 'en';
}

/** The lookup for the current language. */
export function useT(): UiTranslate {
  return t(useLang());
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
