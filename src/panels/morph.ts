/**
 * Bring a live DOM subtree to the markup of another, touching only what differs: text that changed
 * is rewritten in place, attributes are synced, and only where the shape differs (another element,
 * another number of children) is a subtree replaced. A live equation's KaTeX markup differs between
 * two results of a drag mostly in its digits; replacing it whole (innerHTML) re-created some 2,000
 * elements per snapshot, and their style, layout and paint cost 40–60 ms whenever a panel with
 * several equations was on screen. Morphed, the browser lays out only the changed text runs.
 */

/** Make `live`'s children equal to `next`'s (`next` is consumed: its nodes may be moved into `live`). */
export function morphChildren(live: Node, next: Node): void {
  const a = live.childNodes;
  const b = next.childNodes;
  if (a.length !== b.length) {
    replaceChildren(live, next);
    return;
  }
  // Snapshot first: a replaced child leaves `next`'s live list.
  const pairs: [Node, Node][] = [];
  for (let i = 0; i < a.length; i++) pairs.push([a[i], b[i]]);
  for (const [x, y] of pairs) {
    if (!sameKind(x, y)) {
      live.replaceChild(y, x);
      continue;
    }
    if (x.nodeType === Node.ELEMENT_NODE) {
      syncAttributes(x as Element, y as Element);
      morphChildren(x, y);
    } else if (x.nodeValue !== y.nodeValue) {
      x.nodeValue = y.nodeValue;
    }
  }
}

/** Same node type, and for elements the same tag in the same namespace. */
function sameKind(x: Node, y: Node): boolean {
  if (x.nodeType !== y.nodeType) return false;
  if (x.nodeType !== Node.ELEMENT_NODE) return true;
  const ex = x as Element;
  const ey = y as Element;
  return ex.localName === ey.localName && ex.namespaceURI === ey.namespaceURI;
}

function syncAttributes(x: Element, y: Element): void {
  for (const { name } of Array.from(x.attributes))
    if (!y.hasAttribute(name)) x.removeAttribute(name);
  for (const { name, value } of Array.from(y.attributes)) {
    if (x.getAttribute(name) !== value) x.setAttribute(name, value);
  }
}

function replaceChildren(live: Node, next: Node): void {
  while (live.firstChild) live.removeChild(live.firstChild);
  while (next.firstChild) live.appendChild(next.firstChild);
}

/** Morph `el`'s content to the HTML `html` (parsed off the document, in a <template>). */
export function morphInnerHtml(el: Element, html: string): void {
  const template = el.ownerDocument.createElement('template');
  template.innerHTML = html;
  morphChildren(el, template.content);
}
