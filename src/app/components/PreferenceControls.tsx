/** Language and theme choices in the header (view preferences: saved locally, not in the link). */
import { LANGS, THEMES, type Theme } from '../../state/preferences.ts';
import type { Lang } from '../../i18n/lang.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useT } from '../hooks/i18n.ts';
import { useLater } from '../hooks/useLater.ts';

export function PreferenceControls() {
  const store = useAppStore();
  const s = useT();
  const lang = useApp((st) => st.view.lang);
  const theme = useApp((st) => st.view.theme);
  const later = useLater();
  return (
    <div className="preferences" role="group" aria-label={s('app.preferences')}>
      <label>
        <span>{s('control.language')}</span>
        <select value={lang} onChange={(e) => store.getState().setLang(e.target.value as Lang)}>
          {LANGS.map((l) => (
            // Each language's name is written in that language, whatever the page's language. The
            // other languages' names come after the first readout, their code until then: "中文" on
            // an English page sent the first frame's layout looking for a CJK fallback font, 7 ms of
            // a 24 ms layout at 1× and 14–37 ms with the CPU throttled 4× (static first screen,
            // Chromium on Linux).
            <option key={l} value={l} lang={l}>
              {l === lang || later ? s(`control.language.${l}`) : l}
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
