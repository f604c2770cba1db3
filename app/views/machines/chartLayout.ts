/**
 * chartLayout.ts - where the statechart of a machine (machineDiagram() from the engine) puts its
 * states and transitions: states in columns by their longest path from the initial state (the
 * transitions that go back, found by a depth-first walk, left out of the ranking), transitions
 * between neighbouring columns drawn straight, longer ones as arcs above, backward ones below.
 * Two events between the same states share one arrow.
 */
import type { MachineDiagram } from '@engine';

export const NODE_W = 112;
export const NODE_H = 42;
/** Room between two columns for a straight transition's label (split over two lines). */
export const GAP_X = 92;
export const GAP_Y = 26;
/** Room under a state for the objects in it. */
export const OCCUPANTS_H = 18;
/** Above the first row: the arcs of forward jumps and their labels. */
const ARC_BASE = 28;
const ARC_PER_COLUMN = 12;

export interface PlacedState {
  id: string;
  x: number;
  y: number;
  rank: number;
  row: number;
  initial: boolean;
  final: boolean;
  description?: string;
}

export interface PlacedTransition {
  from: string;
  to: string;
  /** Every event that goes from `from` to `to`. */
  events: string[];
  /** SVG path from the source's border to the target's border. */
  path: string;
  /** Where the label's centre goes. */
  labelX: number;
  labelY: number;
  /** 'straight' labels sit on the arrow (one line above, one below); arcs' at their apex. */
  shape: 'straight' | 'arc-above' | 'arc-below';
}

export interface ChartLayout {
  width: number;
  height: number;
  states: PlacedState[];
  transitions: PlacedTransition[];
}

/** Ranks: longest path from the initial state over the edges a DFS does not find going back. */
function ranks(d: MachineDiagram): Map<string, number> {
  const out = new Map<string, string[]>();
  for (const s of d.states) out.set(s.id, []);
  for (const t of d.transitions) out.get(t.from)?.push(t.to);
  const back = new Set<string>();
  const onStack = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string): void => {
    seen.add(id);
    onStack.add(id);
    for (const to of out.get(id) ?? []) {
      if (onStack.has(to)) back.add(`${id}\u0000${to}`);
      else if (!seen.has(to)) visit(to);
    }
    onStack.delete(id);
  };
  const initial = d.states.find((s) => s.initial)?.id ?? d.states[0]?.id;
  if (initial) visit(initial);
  for (const s of d.states) if (!seen.has(s.id)) visit(s.id);
  const rank = new Map<string, number>(d.states.map((s) => [s.id, 0]));
  // Longest path in a DAG: relax as many times as there are states.
  for (let n = 0; n < d.states.length; n++) {
    for (const t of d.transitions) {
      if (back.has(`${t.from}\u0000${t.to}`) || t.from === t.to) continue;
      const r = rank.get(t.from)! + 1;
      if (r > rank.get(t.to)!) rank.set(t.to, r);
    }
  }
  return rank;
}

export function layoutChart(d: MachineDiagram): ChartLayout {
  const rank = ranks(d);
  const rowsInRank = new Map<number, number>();
  const columns = Math.max(0, ...rank.values()) + 1;
  // Forward jumps over columns need room above the first row.
  let maxSpan = 1;
  for (const t of d.transitions) maxSpan = Math.max(maxSpan, rank.get(t.to)! - rank.get(t.from)!);
  const top = maxSpan > 1 ? ARC_BASE + ARC_PER_COLUMN * maxSpan + 10 : 16;
  const states: PlacedState[] = d.states.map((s) => {
    const r = rank.get(s.id)!;
    const row = rowsInRank.get(r) ?? 0;
    rowsInRank.set(r, row + 1);
    return {
      id: s.id,
      rank: r,
      row,
      x: 8 + r * (NODE_W + GAP_X),
      y: top + row * (NODE_H + GAP_Y),
      initial: s.initial,
      final: s.final,
      ...(s.description ? { description: s.description } : {}),
    };
  });
  const at = new Map(states.map((s) => [s.id, s]));
  const rows = Math.max(1, ...rowsInRank.values());
  const pairs = new Map<string, { from: string; to: string; events: string[] }>();
  for (const t of d.transitions) {
    const key = `${t.from}\u0000${t.to}`;
    const p = pairs.get(key);
    if (p) p.events.push(t.event);
    else pairs.set(key, { from: t.from, to: t.to, events: [t.event] });
  }
  // Under the last row: the names of the objects in a state (lp#1).
  let bottom = top + rows * (NODE_H + GAP_Y) - GAP_Y + OCCUPANTS_H;
  const below: PlacedTransition[] = [];
  const transitions: PlacedTransition[] = [];
  for (const p of pairs.values()) {
    const a = at.get(p.from)!;
    const b = at.get(p.to)!;
    const span = b.rank - a.rank;
    if (span === 1) {
      const x1 = a.x + NODE_W;
      const y1 = a.y + NODE_H / 2;
      const x2 = b.x;
      const y2 = b.y + NODE_H / 2;
      transitions.push({ ...p, path: `M${x1},${y1} L${x2},${y2}`, labelX: (x1 + x2) / 2, labelY: (y1 + y2) / 2, shape: 'straight' });
      continue;
    }
    // Jumps and returns: leave from the top (or bottom) of the state, land on the other's.
    const forwardOnTop = span > 1 && a.row === 0 && b.row === 0;
    const x1 = a.x + NODE_W / 2 + (span > 0 ? 10 : -10);
    const x2 = b.x + NODE_W / 2 + (span > 0 ? -10 : 10);
    if (forwardOnTop) {
      const y = a.y;
      const apex = y - ARC_BASE - ARC_PER_COLUMN * (span - 1);
      // A cubic whose midpoint is at the apex: control points at 4/3 of the height.
      const c = y + ((apex - y) * 4) / 3;
      transitions.push({ ...p, path: `M${x1},${y} C${x1},${c} ${x2},${c} ${x2},${y}`, labelX: (x1 + x2) / 2, labelY: apex, shape: 'arc-above' });
    } else {
      below.push({ ...p, path: '', labelX: 0, labelY: 0, shape: 'arc-below' });
    }
  }
  // Arcs under the rows, one level each, so their labels never share a line.
  below.forEach((t, n) => {
    const a = at.get(t.from)!;
    const b = at.get(t.to)!;
    const span = b.rank - a.rank;
    const x1 = a.x + NODE_W / 2 + (span > 0 ? 10 : -10);
    const x2 = b.x + NODE_W / 2 + (span > 0 ? -10 : 10);
    const y1 = a.y + NODE_H;
    const y2 = b.y + NODE_H;
    const apex = top + rows * (NODE_H + GAP_Y) - GAP_Y + 24 + n * 16;
    const c1 = y1 + ((apex - y1) * 4) / 3;
    const c2 = y2 + ((apex - y2) * 4) / 3;
    t.path = `M${x1},${y1} C${x1},${c1} ${x2},${c2} ${x2},${y2}`;
    t.labelX = (x1 + x2) / 2;
    t.labelY = apex;
    bottom = Math.max(bottom, apex + 12);
    transitions.push(t);
  });
  return { width: 16 + columns * NODE_W + (columns - 1) * GAP_X, height: bottom + 10, states, transitions };
}
