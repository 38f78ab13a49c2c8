// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Axis } from '../../src/viz/Axis.tsx';
import { scoreScale, valueScale } from '../../src/viz/scales.ts';

describe('Axis', () => {
  it('draws one labelled tick per d3 tick of a bottom score axis, at the scaled position', () => {
    const x = scoreScale(400);
    const { container } = render(
      <svg>
        <Axis scale={x} orient="bottom" at={100} label="score p" ticks={5} />
      </svg>,
    );
    const ticks = [...container.querySelectorAll('.axis-bottom > g')];
    expect(ticks.map((g) => g.textContent)).toEqual(x.ticks(5).map((v) => x.tickFormat(5)(v)));
    expect(ticks[0].getAttribute('transform')).toBe(`translate(${x(0)},100)`);
    expect(container.querySelector('.axis-label')?.textContent).toBe('score p');
  });

  it('draws a rotated title and end-anchored labels on a left axis', () => {
    const y = valueScale(1, 10, 110);
    const { container } = render(
      <svg>
        <Axis scale={y} orient="left" at={40} label="count" />
      </svg>,
    );
    expect(container.querySelector('.axis-label')?.getAttribute('transform')).toContain(
      'rotate(-90)',
    );
    expect(container.querySelector('.axis-left text')?.getAttribute('text-anchor')).toBe('end');
  });

  it('puts a left axis’s title horizontally above its top end, ending where the tick labels end, with labelAt="top"', () => {
    const y = valueScale(6_000_000, 10, 110); // range [110, 10]: the top end is y = 10
    const { container } = render(
      <svg>
        <Axis scale={y} orient="left" at={46} label="count" labelAt="top" />
      </svg>,
    );
    const title = container.querySelector('.axis-label')!;
    expect(title.getAttribute('transform')).toBeNull();
    expect(title.getAttribute('text-anchor')).toBe('end');
    // the tick labels end at x = at − 8 (tick 5 + gap 3); the title ends there too, 7 px above the top
    expect(Number(title.getAttribute('x'))).toBe(38);
    expect(Number(title.getAttribute('y'))).toBe(3);
    const tickText = container.querySelector('.axis-left g text')!;
    expect(Number(tickText.getAttribute('x'))).toBe(-8);
  });
});
