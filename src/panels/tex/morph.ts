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
  if (live.childNodes.length !== next.childNodes.length) {
    replaceChildren(live, next);
    return;
  }
  let x = live.firstChild;
  let y = next.firstChild;
  while (x !== null && y !== null) {
    // Step first: a replaced node leaves its list.
    const xNext: ChildNode | null = x.nextSibling;
    const yNext: ChildNode | null = y.nextSibling;
    if (!sameKind(x, y)) {
      live.replaceChild(y, x);
    } else if (x.nodeType === Node.ELEMENT_NODE) {
      syncAttributes(x as Element, y as Element);
      morphChildren(x, y);
    } else if (x.nodeValue !== y.nodeValue) {
      x.nodeValue = y.nodeValue;
    }
    x = xNext;
    y = yNext;
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
  const want = y.attributes;
  for (let i = 0; i < want.length; i++) {
    const { name, value } = want[i];
    if (x.getAttribute(name) !== value) x.setAttribute(name, value);
  }
  // Now x has all of y's attributes: any more are extra (rare in KaTeX's markup).
  const have = x.attributes;
  for (let i = have.length - 1; have.length > want.length && i >= 0; i--) {
    if (!y.hasAttribute(have[i].name)) x.removeAttribute(have[i].name);
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
