/** Language and theme choices in the header (view preferences: saved locally, not in the link). */
import { LANGS, THEMES, type Theme } from '../../state/preferences.ts';
import type { Lang } from '../../i18n/lang.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';

export function PreferenceControls() {
  const store = useAppStore();
  const s = useT();
  const lang = useApp((st) => st.view.lang);
  const theme = useApp((st) => st.view.theme);
  return (
    <div className="preferences" role="group" aria-label={s('app.preferences')}>
      <label>
        <span>{s('control.language')}</span>
        <select value={lang} onChange={(e) => store.getState().setLang(e.target.value as Lang)}>
          {LANGS.map((l) => (
            // Each language's name is written in that language, whatever the page's language.
            <option key={l} value={l} lang={l}>
              {s(`control.language.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{s('control.theme')}</span>
        <select value={theme} onChange={(e) => store.getState().setTheme(e.target.value as Theme)}>
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {s(`control.theme.${th}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
