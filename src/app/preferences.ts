/**
 * Language and theme in the browser: read from localStorage at start-up (else the browser's language
 * and the system theme), written back on every change, and applied to <html>: `lang` for screen
 * readers and fonts, `data-theme` for src/theme.css (absent for 'system', which follows
 * prefers-color-scheme). A language whose strings are not here yet is fetched (src/i18n/strings.ts
 * loadLang); the page shows it once they arrive (hooks/i18n.ts useLang).
 */
import {
  parsePreferences,
  preferredLang,
  PREFERENCES_KEY,
  serializePreferences,
  type Preferences,
} from '../state/preferences.ts';
import type { AppStore } from '../state/store.ts';
import { loadLang } from '../i18n/strings.ts';

/** The part of localStorage used here (storage may be missing or throw in privacy modes). */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Stored preferences, else the browser's language and the system theme. Never throws. */
export function loadPreferences(
  storage: PreferenceStorage | null,
  languages: readonly string[],
): Preferences {
  const fallback: Preferences = { lang: preferredLang(languages), theme: 'system' };
  try {
    return parsePreferences(storage?.getItem(PREFERENCES_KEY) ?? null, fallback);
  } catch {
    return fallback;
  }
}

/** Set <html lang> and <html data-theme> (removed for 'system'). */
export function applyPreferences(root: HTMLElement, p: Preferences): void {
  root.lang = p.lang;
  if (p.theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', p.theme);
}

/** Apply the store's preferences now and on every change, saving them. Returns `dispose`. */
export function connectPreferences(
  store: AppStore,
  storage: PreferenceStorage | null,
  root: HTMLElement,
): () => void {
  const sync = (p: Preferences) => {
    applyPreferences(root, p);
    loadLang(p.lang).catch(() => {
      // The chunk did not arrive (offline, a new deploy): the page stays in English; the next change
      // of language tries again.
    });
    try {
      storage?.setItem(PREFERENCES_KEY, serializePreferences(p));
    } catch {
      // A full or forbidden storage only loses the preference for the next visit.
    }
  };
  sync(store.getState().view);
  return store.subscribe((state, prev) => {
    if (state.view.lang !== prev.view.lang || state.view.theme !== prev.view.theme) {
      sync(state.view);
    }
  });
}
