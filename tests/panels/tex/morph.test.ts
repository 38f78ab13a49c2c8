// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { morphInnerHtml } from '../../../src/panels/tex/morph.ts';
import { renderTex } from '../../../src/panels/tex/Tex.tsx';

/** An element holding `html`, as the browser would parse it. */
function holding(html: string): HTMLDivElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

/** The markup `html` parses to (attribute order as parsed). */
const parsed = (html: string) => holding(html).innerHTML;

describe('morphInnerHtml', () => {
  it('ends with exactly the new markup', () => {
    const cases: [string, string][] = [
      ['<p class="a">1.5</p><p>x</p>', '<p class="a">2.25</p><p>x</p>'],
      ['<p class="a" title="t">1</p>', '<p class="b" style="height:1em">1</p>'],
      ['<p>1</p>', '<p>1</p><p>2</p>'],
      ['<p>1</p><p>2</p>', '<span>1</span>'],
      ['<p><b>1</b></p>', '<p>text</p>'],
      ['', '<p>new</p>'],
      ['<p>old</p>', ''],
    ];
    for (const [from, to] of cases) {
      const el = holding(from);
      morphInnerHtml(el, to);
      expect(el.innerHTML).toBe(parsed(to));
    }
  });

  it('rewrites changed text and attributes in place, keeping every element', () => {
    const el = holding('<span class="mord">0.5</span><span style="height:1em">+</span>');
    const [first, second] = Array.from(el.children);
    const text = first.firstChild;
    morphInnerHtml(el, '<span class="mord">0.75</span><span style="height:2em">+</span>');
    expect(el.children[0]).toBe(first);
    expect(el.children[1]).toBe(second);
    expect(first.firstChild).toBe(text);
    expect(first.textContent).toBe('0.75');
    expect(second.getAttribute('style')).toBe('height:2em');
  });

  it('replaces only the subtree whose shape changed', () => {
    const el = holding('<div id="a"><i>1</i></div><div id="b"><i>2</i></div>');
    const a = el.children[0];
    const b = el.children[1];
    morphInnerHtml(el, '<div id="a"><i>1</i></div><div id="b"><i>2</i><i>3</i></div>');
    expect(el.children[0]).toBe(a);
    expect(el.children[1]).toBe(b); // same element, its children replaced
    expect(b.innerHTML).toBe('<i>2</i><i>3</i>');
  });

  it('turns one live equation into the next as KaTeX renders it, keeping most of its elements', () => {
    const before = renderTex('\\hat P_- = \\sum_j q^-_j\\, p_j = 0.5420', true);
    const after = renderTex('\\hat P_- = \\sum_j q^-_j\\, p_j = 0.0887', true);
    const el = holding(before);
    const elements = new Set(el.querySelectorAll('*'));
    morphInnerHtml(el, after);
    expect(el.innerHTML).toBe(parsed(after));
    const kept = Array.from(el.querySelectorAll('*')).filter((e) => elements.has(e)).length;
    expect(kept / el.querySelectorAll('*').length).toBeGreaterThan(0.9);
  });
});
