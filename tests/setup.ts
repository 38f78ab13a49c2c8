// Every Vitest file: KaTeX is loaded before any test, so equations typeset synchronously as they did
// before it became a lazily loaded chunk of the app (src/panels/tex/Tex.tsx loadKatex).
import { loadKatex } from '../src/panels/tex/Tex.tsx';

await loadKatex();
