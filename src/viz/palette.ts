/**
 * Colours for canvas painters. SVG marks use the CSS custom properties directly (`var(--pos)`); a
 * canvas cannot, so its component reads them once with getComputedStyle and passes this object to a
 * pure painter.
 */

/** The theme's colours (see src/theme.css), as CSS colour strings. */
export interface Palette {
  readonly fg: string;
  readonly bg: string;
  readonly muted: string;
  readonly grid: string;
  readonly pos: string;
  readonly neg: string;
  readonly accent: string;
  readonly highlight: string;
  readonly panelBg: string;
}

/** The light theme's values: used where a property is missing (jsdom, a detached element). */
export const FALLBACK_PALETTE: Palette = Object.freeze({
  fg: '#1b1b1f',
  bg: '#f7f7f5',
  muted: '#55585f',
  grid: '#d9dadf',
  pos: '#0b6e4f',
  neg: '#b3261e',
  accent: '#1f5fbf',
  highlight: '#d18a00',
  panelBg: '#ffffff',
});

const PROPS: readonly (readonly [keyof Palette, string])[] = [
  ['fg', '--fg'],
  ['bg', '--bg'],
  ['muted', '--muted'],
  ['grid', '--grid'],
  ['pos', '--pos'],
  ['neg', '--neg'],
  ['accent', '--accent'],
  ['highlight', '--highlight'],
  ['panelBg', '--panel-bg'],
];

/** Read the theme's custom properties as resolved for `el` (follows light/dark and the toggle). */
export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const out: Record<keyof Palette, string> = { ...FALLBACK_PALETTE };
  for (const [key, prop] of PROPS) {
    const v = style.getPropertyValue(prop).trim();
    if (v) out[key] = v;
  }
  return out;
}
