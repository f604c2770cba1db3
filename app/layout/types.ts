/**
 * types.ts - what the views ask the layout worker for, and what they get back: plain data that
 * crosses postMessage.
 */
export interface LayoutRequest {
  nodes: { id: string; width: number; height: number }[];
  edges: { id: string; source: string; target: string; label?: { text: string; width: number; height: number } }[];
  options: Record<string, string>;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  /** Top-left corner of each node. */
  positions: Record<string, Point>;
  /** Routed edges: polyline points and the centre of the label, if any. */
  edges: Record<string, { points: Point[]; label?: Point }>;
  width: number;
  height: number;
  /** Time ELK took in the worker. */
  ms: number;
}
