/**
 * Pointer position in a chart's own coordinates: the SVG or canvas is drawn at `width` CSS pixels, but
 * CSS may scale it (max-width: 100%), so client coordinates are rescaled by drawn ÷ displayed width.
 */

/** x, y of a pointer event relative to `el`'s box, in the element's drawing units. */
export function localPoint(
  el: Element,
  clientX: number,
  clientY: number,
  drawnWidth: number,
): { x: number; y: number } {
  const rect = el.getBoundingClientRect();
  // jsdom (and a hidden element) report a 0×0 box: treat it as unscaled at the origin.
  const k = rect.width > 0 ? drawnWidth / rect.width : 1;
  return { x: (clientX - rect.left) * k, y: (clientY - rect.top) * k };
}

/** Moves shorter than this (CSS px) between press and release count as a click, not a drag. */
export const CLICK_SLOP = 3;
