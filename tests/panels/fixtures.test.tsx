// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Tex } from '../../src/panels/tex/Tex.tsx';
import { svgMarkup } from './fixtures.ts';

afterEach(cleanup);

describe('svgMarkup (what the snapshot files hold)', () => {
  it('keeps the panel’s charts and leaves out KaTeX’s glyph SVGs (inside its aria-hidden rendering)', () => {
    const view = render(
      <div>
        <Tex expr={String.raw`\sqrt{2}`} />
        <svg role="img" aria-label="chart" />
      </div>,
    );
    // KaTeX draws the radical as an SVG, which the markup must not pick up
    expect(view.container.querySelectorAll('svg').length).toBeGreaterThan(1);
    expect(svgMarkup(view)).toBe('<svg role="img" aria-label="chart"></svg>\n');
  });
});
