/**
 * A panel's charts as one self-contained SVG, and that SVG as a PNG. Every chart <svg> of the panel
 * (its figures, stacked top to bottom) is cloned with its computed styles inlined (CSS variables and
 * theme colours resolved, fonts named), attributes that still say `var(…)` dropped; a canvas drawn
 * over a chart (dense dots) becomes an <image> of its pixels at the same place. A panel without a
 * chart (the paper's tables, or pairs too many to draw) is drawn as text: tables and lists in a grid. The PNG is the SVG drawn onto a canvas at
 * devicePixelRatio 2.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Style properties copied from the computed style (what SVG rendering reads). */
const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'letter-spacing',
  'visibility',
  'paint-order',
] as const;

/** Properties that are not inherited, with their initial values (written only when different). */
const NOT_INHERITED: Readonly<Record<string, string>> = {
  opacity: '1',
  'alignment-baseline': 'auto',
};

/**
 * Copy computed styles from `from` onto `to` (same tree shape), removing `var(…)` attributes. An
 * inherited property equal to the parent's is left out (the file stays small: thousands of dots).
 */
function inlineStyles(from: Element, to: Element, parent: CSSStyleDeclaration | null = null): void {
  const cs = getComputedStyle(from);
  const parts: string[] = [];
  for (const p of PROPS) {
    const v = cs.getPropertyValue(p);
    if (v === '') continue;
    const initial = NOT_INHERITED[p];
    if (initial !== undefined ? v === initial : parent !== null && parent.getPropertyValue(p) === v)
      continue;
    parts.push(`${p}:${v}`);
  }
  if (cs.display === 'none') parts.push('display:none');
  if (parts.length > 0) to.setAttribute('style', parts.join(';'));
  else to.removeAttribute('style');
  for (const a of [...to.attributes]) {
    if (a.value.includes('var(') || /^(data|aria)-/.test(a.name)) to.removeAttribute(a.name);
  }
  to.removeAttribute('class');
  to.removeAttribute('tabindex');
  to.removeAttribute('role');
  const a = from.children;
  const b = to.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i], cs);
}

/** The charts of a panel: each figure's main <svg> (not the small legend swatches) and its canvases. */
function chartsOf(panel: HTMLElement): { svg: SVGSVGElement; canvases: HTMLCanvasElement[] }[] {
  const out: { svg: SVGSVGElement; canvases: HTMLCanvasElement[] }[] = [];
  for (const svg of panel.querySelectorAll<SVGSVGElement>('figure svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    const w = Number(svg.getAttribute('width'));
    if (!(w >= 60)) continue;
    const box = svg.parentElement;
    const canvases = box ? [...box.querySelectorAll<HTMLCanvasElement>(':scope > canvas')] : [];
    out.push({ svg, canvases });
  }
  return out;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Lines of at most `max` characters (split at spaces). */
function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > max) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') out.push(line);
  return out;
}

/**
 * A panel without a chart (the paper's tables; pairs too many to draw) as SVG text: its tables as a
 * grid, its term–definition lists as two columns, its paragraphs wrapped; in document order.
 */
function textSvg(
  panel: HTMLElement,
  font: string,
  color: string,
): { body: string; w: number; h: number } {
  const rows: string[] = [];
  let y = 0;
  let w = 0;
  const grid = (cells: string[][], boldFirst: boolean) => {
    const cols = Math.max(0, ...cells.map((r) => r.length));
    const widths = Array.from(
      { length: cols },
      (_, c) => Math.max(4, ...cells.map((r) => (r[c] ?? '').length)) * 7 + 16,
    );
    for (const [i, r] of cells.entries()) {
      y += 18;
      let x = 8;
      r.forEach((text, c) => {
        const bold = (boldFirst && i === 0) || (!boldFirst && c === 0) ? ' font-weight="bold"' : '';
        rows.push(`<text x="${x}" y="${y}"${bold}>${escapeXml(text)}</text>`);
        x += widths[c];
      });
      w = Math.max(w, x);
    }
    y += 10;
  };
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  for (const el of panel.querySelectorAll('table, dl, p')) {
    if (el.closest('figure') || el.parentElement?.closest('table, dl')) continue;
    if (el.localName === 'table') {
      const caption = el.querySelector('caption');
      if (caption) {
        y += 20;
        rows.push(`<text x="8" y="${y}" font-weight="bold">${escapeXml(text(caption))}</text>`);
      }
      grid(
        [...el.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map(text)),
        true,
      );
    } else if (el.localName === 'dl') {
      const pairs: string[][] = [];
      for (const dt of el.querySelectorAll('dt')) {
        const dd = dt.nextElementSibling;
        pairs.push([text(dt), dd && dd.localName === 'dd' ? text(dd) : '']);
      }
      grid(pairs, false);
    } else {
      const t = text(el);
      if (t === '') continue;
      for (const line of wrap(t, 100)) {
        y += 18;
        rows.push(`<text x="8" y="${y}">${escapeXml(line)}</text>`);
        w = Math.max(w, 16 + line.length * 7);
      }
      y += 6;
    }
  }
  const body = `<g font-family="${escapeXml(font)}" font-size="12" fill="${escapeXml(color)}">${rows.join('')}</g>`;
  return { body, w: Math.max(w, 200), h: Math.max(y + 8, 40) };
}

/** The panel's charts as one standalone SVG document (and its size in CSS pixels). */
export function panelSvg(
  panel: HTMLElement,
  title: string,
): { svg: string; width: number; height: number } {
  const root = getComputedStyle(panel);
  const background = getComputedStyle(document.body).backgroundColor || '#fff';
  const parts: string[] = [];
  let y = 0;
  let width = 0;
  const charts = chartsOf(panel);
  for (const { svg, canvases } of charts) {
    const w = Number(svg.getAttribute('width'));
    const h = Number(svg.getAttribute('height'));
    const clone = svg.cloneNode(true) as SVGSVGElement;
    inlineStyles(svg, clone);
    clone.removeAttribute('aria-hidden');
    clone.removeAttribute('aria-label');
    clone.setAttribute('x', '0');
    clone.setAttribute('y', String(y));
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(h));
    if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${w} ${h}`);
    for (const c of canvases) {
      if (c.width === 0 || c.height === 0) continue;
      const img = document.createElementNS(SVG_NS, 'image');
      img.setAttribute('x', '0');
      img.setAttribute('y', '0');
      img.setAttribute('width', String(w));
      img.setAttribute('height', String(h));
      img.setAttribute('preserveAspectRatio', 'none');
      img.setAttribute('href', c.toDataURL('image/png'));
      clone.appendChild(img);
    }
    parts.push(new XMLSerializer().serializeToString(clone));
    y += h + 8;
    width = Math.max(width, w);
  }
  if (charts.length === 0) {
    const t = textSvg(panel, root.fontFamily, root.color);
    parts.push(t.body);
    y = t.h;
    width = t.w;
  } else {
    y -= 8;
  }
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>` +
    parts.join('') +
    `</svg>\n`;
  return { svg, width, height: y };
}

/** The SVG drawn at `scale` × its size into a PNG. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('toBlob gave nothing'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A file name from a panel title: "5 · Smoothing (Eq. 7–8)" → "5-smoothing-eq-7-8". */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'panel' : stem.slice(0, 60);
}
