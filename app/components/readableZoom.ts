/**
 * readableZoom.ts - how far the playground's graphs may zoom out by default: no text on a graph
 * (node text, edge labels) may read smaller than READABLE_PX on screen. The graphs' stylesheets
 * (flow.css, wait-graph.css, dep-edges.css) draw no text below GRAPH_MIN_FONT_PX, so the default
 * zoom is at least their ratio; a drawing larger than its panel is shown from its top and can be
 * panned or zoomed out by hand (e2e/tests/readability.spec.ts checks font size x zoom).
 */
export const READABLE_PX = 11;
export const GRAPH_MIN_FONT_PX = 11;
export const READABLE_ZOOM = READABLE_PX / GRAPH_MIN_FONT_PX;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The viewport that fits `fitBox` (the drawing, or a larger box around it so that a small drawing
 * is not blown up) in a pane of `pane` size with `padding` (a fraction of the pane), zoomed
 * between READABLE_ZOOM and maxZoom, with the drawing's centre in the pane's centre.
 */
export function readableViewport(
  drawing: Box,
  fitBox: Box,
  pane: { width: number; height: number },
  padding: number,
  maxZoom: number,
  minZoom = READABLE_ZOOM,
): { x: number; y: number; zoom: number } {
  const fit = Math.min((pane.width * (1 - 2 * padding)) / Math.max(fitBox.width, 1), (pane.height * (1 - 2 * padding)) / Math.max(fitBox.height, 1));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  return {
    x: pane.width / 2 - (drawing.x + drawing.width / 2) * zoom,
    y: pane.height / 2 - (drawing.y + drawing.height / 2) * zoom,
    zoom,
  };
}
