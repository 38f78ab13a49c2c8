/**
 * Up to this many candidates a chart draws each as an SVG element (focusable, with its own name);
 * above it the marks go to a canvas. Every panel and the feed that paces their updates use this one
 * limit, so they switch together.
 */
export const SVG_MARK_LIMIT = 2_000;
