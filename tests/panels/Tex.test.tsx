import { cleanup, render } from '@testing-library/react';
import katex from 'katex';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EQUATIONS } from '../../src/panels/equations.ts';
import { Tex, renderTex } from '../../src/panels/Tex.tsx';
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
