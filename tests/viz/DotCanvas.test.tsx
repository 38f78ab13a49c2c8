// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { DotCanvas } from '../../src/viz/DotCanvas.tsx';
import type { PanelEdit } from '../../src/state/types.ts';
import { scoreScale } from '../../src/viz/scales.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  // jsdom has no 2-D context; the component must cope (the painter is tested on its own).
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const x = scoreScale(400);
const p = [0.1, 0.5, 0.9];
const marks = {
  x: Float64Array.from(p, (v) => x(v)),
  y: Float64Array.from([20, 20, 60]),
  positive: Uint8Array.from([0, 1, 0]),
};

function setup() {
  const hovers: (number | null)[] = [];
  const edits: PanelEdit[] = [];
  const view = render(
    <DotCanvas
      width={400}
      height={100}
      marks={marks}
      index={Int32Array.from([10, 11, 12])}
      row={Int32Array.from([5, 5, 6])}
      cls={Int32Array.from([0, 1, 0])}
      highlight={-1}
      radius={2}
      scale={x}
      label="3 candidates"
      onHover={(i) => hovers.push(i)}
      onEdit={(e) => edits.push(e)}
    />,
  );
  return { canvas: view.container.querySelector('canvas')!, hovers, edits };
}

describe('DotCanvas', () => {
  it('is an image named by its label, with a backing store scaled by the device pixel ratio', () => {
    const { canvas } = setup();
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('3 candidates');
    expect(canvas.width).toBe(Math.round(400 * (window.devicePixelRatio || 1)));
  });

  it('reports the flat index of the dot under the pointer once, and null on leaving', () => {
    const { canvas, hovers } = setup();
    fireEvent.pointerMove(canvas, { clientX: x(0.5) + 1, clientY: 21 });
    fireEvent.pointerMove(canvas, { clientX: x(0.5), clientY: 20 });
    fireEvent.pointerMove(canvas, { clientX: x(0.9), clientY: 59 });
    fireEvent.pointerLeave(canvas);
    expect(hovers).toEqual([11, 12, null]);
  });

  it('drags the picked dot: one setLogit per frame for its row and class', () => {
    const { canvas, edits } = setup();
    fireEvent.pointerDown(canvas, { button: 0, pointerId: 1, clientX: x(0.5), clientY: 20 });
    fireEvent.pointerMove(canvas, { pointerId: 1, clientX: x(0.7), clientY: 20 });
    fireEvent.pointerMove(canvas, { pointerId: 1, clientX: x(0.75), clientY: 20 });
    act(() => vi.advanceTimersToNextFrame());
    fireEvent.pointerUp(canvas, { pointerId: 1, clientX: x(0.75), clientY: 20 });
    expect(edits).toHaveLength(1);
    const e = edits[0];
    if (e.kind !== 'setLogit') throw new Error(e.kind);
    expect(e).toMatchObject({ row: 5, cls: 1 });
    expect(Math.abs(e.logit - Math.log(0.75 / 0.25))).toBeLessThan(1e-9);
  });

  it('cycles the label of a dot that is clicked without moving', () => {
    const { canvas, edits } = setup();
    fireEvent.pointerDown(canvas, { button: 0, pointerId: 1, clientX: x(0.9), clientY: 60 });
    fireEvent.pointerUp(canvas, { pointerId: 1, clientX: x(0.9), clientY: 60 });
    expect(edits).toEqual([{ kind: 'cycleLabel', row: 6 }]);
  });
});
