// Every Vitest file: KaTeX is loaded before any test, so equations typeset synchronously as they did
// before it became a lazily loaded chunk of the app (src/panels/tex/Tex.tsx loadKatex); likewise the
// Chinese strings (the app fetches them on demand: src/i18n/strings.ts loadLang).
import { loadKatex } from '../src/panels/tex/Tex.tsx';
import '../src/i18n/allStrings.ts';

await loadKatex();
