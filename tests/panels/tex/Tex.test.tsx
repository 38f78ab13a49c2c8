// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import katex from 'katex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EQUATIONS } from '../../../src/panels/tex/equations.ts';
import { TEX_CACHE_SIZE, Tex, cachedTex, renderTex } from '../../../src/panels/tex/Tex.tsx';
import { example, exampleNoPositives } from './equations.fixtures.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('<Tex>', () => {
  it('renders a display equation as KaTeX markup with MathML for screen readers', () => {
    const { container } = render(<Tex expr="\hat P_- = 0.6211" />);
    expect(container.querySelector('div.tex-display > .katex')).not.toBeNull();
    expect(container.querySelector('math annotation')?.textContent).toBe(
      '\\displaystyle \\hat P_- = 0.6211',
    );
  });

  it('renders inline in a span when display is false', () => {
    const { container } = render(<Tex expr="z" display={false} />);
    expect(container.firstElementChild?.tagName).toBe('SPAN');
    expect(container.querySelector('.tex-display')).toBeNull();
    expect(container.querySelector('math annotation')?.textContent).toBe('z');
  });

  it('shows a bad expression as an error node instead of throwing', () => {
    const { container } = render(<Tex expr="\frac{1}{" />);
    expect(container.querySelector('.katex-error')).not.toBeNull();
  });

  it('does not trust \\href or \\htmlClass input', () => {
    const html = renderTex('\\htmlClass{x}{a} \\href{javascript:alert(1)}{b}', true);
    // The source stays in the MathML annotation; no link or class is made from it.
    expect(html).not.toMatch(/href="/);
    expect(html).not.toContain('class="x"');
    expect(html).toContain('color:#cc0000');
  });

  it('renders each expression once across re-renders with the same input', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const { rerender } = render(<Tex expr="a+b" />);
    rerender(<Tex expr="a+b" />);
    rerender(<Tex expr="a+b" />);
    expect(spy).toHaveBeenCalledTimes(1);
    rerender(<Tex expr="a+c" />);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('keeps typeset equations across instances (a restarted or remounted render reuses them)', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    const first = render(<Tex expr="x_{cache} + 1" />);
    first.unmount();
    const again = render(<Tex expr="x_{cache} + 1" />);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(again.container.querySelector('.katex')).not.toBeNull();
    // Display and inline forms are different strings.
    render(<Tex expr="x_{cache} + 1" display={false} />);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('forgets the least recently used equation beyond TEX_CACHE_SIZE', () => {
    const spy = vi.spyOn(katex, 'renderToString');
    cachedTex('y_{0}', true);
    for (let i = 1; i < TEX_CACHE_SIZE; i++) {
      cachedTex(`y_{${i}}`, true);
      cachedTex('y_{0}', true); // kept fresh: never the oldest
    }
    cachedTex('y_{new}', true); // evicts y_1, the oldest
    const before = spy.mock.calls.length;
    cachedTex('y_{0}', true);
    cachedTex(`y_{${TEX_CACHE_SIZE - 1}}`, true);
    expect(spy.mock.calls.length).toBe(before);
    cachedTex('y_{1}', true);
    expect(spy.mock.calls.length).toBe(before + 1);
  });

  it('renders every live equation without a KaTeX error node, hovered or not', () => {
    const builds = Object.values(EQUATIONS);
    // (KaTeX strict parsing of every equation over many inputs is in equations.test.ts; here the
    // rendered DOM is checked for a few, since jsdom parses each KaTeX HTML string slowly.)
    const ex = example();
    const cases = [
      { ...ex, hovered: null },
      { ...ex, hovered: ex.data.detail!.index[4] },
      { ...exampleNoPositives({ smoothing: 'quad' }), hovered: null },
    ];
    for (const input of cases) {
      const { container, unmount } = render(
        <>
          {builds.map((build, i) => (
            <Tex key={i} expr={build(input)} />
          ))}
        </>,
      );
      expect(container.querySelectorAll('.katex')).toHaveLength(builds.length);
      expect(container.querySelector('.katex-error')).toBeNull();
      unmount();
    }
  }, 20_000);
});
