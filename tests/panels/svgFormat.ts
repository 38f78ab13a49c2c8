/**
 * SVG snapshots that a diff can review (as Observable Plot's test/output): one element per line,
 * indented by depth, numbers in attributes rounded to 2 decimals (sub-pixel noise is not a change).
 * Text content is kept as rendered. Pure over a DOM element, so it formats a live render (the tests)
 * or a stored markup string parsed by any DOM (scripts/format-snapshot.ts, to show a reformat
 * changes nothing else).
 */

const NUMBER = /-?\d*\.\d+(?:e[+-]?\d+)?/gi;

/** A number in an attribute, rounded to 2 decimals and written without trailing zeros. */
function roundNumbers(value: string): string {
  return value.replace(NUMBER, (s) => {
    const r = Math.round(Number(s) * 100) / 100;
    return String(r === 0 ? 0 : r);
  });
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The element and its subtree, one element per line; an element holding only text keeps it inline. */
export function formatSvg(el: Element, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = [...el.attributes].map((a) => ` ${a.name}="${escapeAttr(roundNumbers(a.value))}"`);
  const open = `${pad}<${el.localName}${attrs.join('')}>`;
  const close = `</${el.localName}>`;
  const children = [...el.childNodes].filter(
    (n) => n.nodeType === 1 || (n.nodeType === 3 && (n.textContent ?? '').trim() !== ''),
  );
  if (children.length === 0) return `${open}${close}`;
  if (children.every((n) => n.nodeType === 3)) {
    return `${open}${escapeText(children.map((n) => n.textContent).join(''))}${close}`;
  }
  const lines = children.map((n) =>
    n.nodeType === 1
      ? formatSvg(n as Element, depth + 1)
      : `${pad}  ${escapeText((n.textContent ?? '').trim())}`,
  );
  return [open, ...lines, `${pad}${close}`].join('\n');
}
