/**
 * The person's display preferences: language and colour theme. They belong to the reader, not to
 * what is shown, so they live in localStorage under their own key and never in the permalink (a link
 * opens in the recipient's language and theme). Pure parsing here; src/app/preferences.ts applies
 * them to <html> and saves them.
 */
import type { Lang } from '../i18n/lang.ts';

/** 'system' follows prefers-color-scheme; 'light' and 'dark' force one (html[data-theme]). */
export type Theme = 'system' | 'light' | 'dark';

export interface Preferences {
  readonly lang: Lang;
  readonly theme: Theme;
}

/** localStorage key of the preferences (the permalink state has its own key). */
export const PREFERENCES_KEY = 'dr-loss-explorer:prefs';

export const LANGS: readonly Lang[] = ['en', 'zh'];
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** The language of the browser's first preferred language that we have ('zh-CN' → zh), else English. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'zh') return 'zh';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/**
 * The preferences stored as `text` (JSON {lang, theme}); total: a missing, corrupt or unknown value
 * keeps `fallback` for that field.
 */
export function parsePreferences(text: string | null, fallback: Preferences): Preferences {
  if (text === null) return fallback;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fallback;
  }
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const lang = LANGS.find((l) => l === o.lang) ?? fallback.lang;
  const theme = THEMES.find((t) => t === o.theme) ?? fallback.theme;
  return { lang, theme };
}

export function serializePreferences(p: Preferences): string {
  return JSON.stringify({ lang: p.lang, theme: p.theme });
}
