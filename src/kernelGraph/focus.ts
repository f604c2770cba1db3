/**
 * focus.ts - the neighbourhood of one module as a small graph: the module, its dependency
 * closure above it (by distance), and its users below it (direct users, then their users while
 * there is room), with the direct symbol links between them; laid out in rows here, without a
 * layout engine, so any module of any kernel is on screen at once.
 */
import type { KernelGraph } from './graph';

export type FocusRole = 'self' | 'dependency' | 'user';

export interface FocusNode {
  id: string;
  role: FocusRole;
  /** Rows: negative above (dependencies, -1 = direct providers), 0 the module, positive users. */
  level: number;
  x: number;
  y: number;
  width: number;
}

export interface FocusEdge {
  id: string;
  source: string;
  target: string;
  symbols: number;
}

export interface FocusGraph {
  module: string;
  nodes: FocusNode[];
  edges: FocusEdge[];
  /** Users not drawn (a hub has hundreds). */
  hiddenUsers: number;
}

export const FOCUS_NODE_HEIGHT = 28;
const ROW_GAP = 70;
const COL_GAP = 16;
const PER_ROW = 8;

export const focusNodeWidth = (name: string): number => Math.max(64, Math.ceil(name.length * 7.4) + 22);

export function focusGraph(g: KernelGraph, module: string, maxUsers = 48): FocusGraph {
  const m = g.byName.get(module);
  if (!m) throw new Error(`no module '${module}' in ${g.kernel}`);
  const level = new Map<string, number>([[module, 0]]);
  // Dependencies: longest distance from the module along direct links, so each provider sits
  // above every module of the closure that uses it.
  const closure = new Set(m.depends);
  const depth = (n: string, seen: Map<string, number>): number => {
    const hit = seen.get(n);
    if (hit !== undefined) return hit;
    const users = g.byName.get(n)!.usedBy.filter((u) => u === module || closure.has(u));
    const d = users.length === 0 ? 1 : 1 + Math.max(...users.map((u) => (u === module ? 0 : depth(u, seen))));
    seen.set(n, d);
    return d;
  };
  const memo = new Map<string, number>();
  for (const d of m.depends) level.set(d, -depth(d, memo));
  // Users: direct users at 1, then their direct users at 2 while under the cap.
  let shown = 0;
  let frontier = [module];
  for (let l = 1; frontier.length > 0 && shown < maxUsers; l++) {
    const next: string[] = [];
    for (const f of frontier) {
      for (const u of g.byName.get(f)!.usedBy) {
        if (level.has(u) || shown >= maxUsers) continue;
        level.set(u, l);
        shown++;
        next.push(u);
      }
    }
    frontier = next;
  }
  const edges: FocusEdge[] = [];
  for (const n of level.keys()) {
    const imports = g.json.modules[n].imports;
    for (const p of g.byName.get(n)!.uses) {
      if (level.has(p)) edges.push({ id: `${n}>${p}`, source: n, target: p, symbols: imports[p]?.length ?? 0 });
    }
  }
  // Rows, ordered by the mean position of their neighbours in the row before (one sweep out
  // from the module each way), wrapped at PER_ROW nodes.
  const byLevel = new Map<number, string[]>();
  for (const [n, l] of level) {
    if (!byLevel.has(l)) byLevel.set(l, []);
    byLevel.get(l)!.push(n);
  }
  const xOf = new Map<string, number>([[module, 0]]);
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const nodes: FocusNode[] = [];
  const levels = [...byLevel.keys()];
  const order = [0, ...levels.filter((l) => l < 0).sort((a, b) => b - a), ...levels.filter((l) => l > 0).sort((a, b) => a - b)];
  const rowsAt = new Map<number, number>();
  for (const l of order) {
    const names = byLevel.get(l)!;
    const bary = (n: string) => {
      const xs = (neighbours.get(n) ?? []).map((x) => xOf.get(x)).filter((x): x is number => x !== undefined);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
    };
    names.sort((a, b) => bary(a) - bary(b) || a.localeCompare(b));
    const rows = Math.ceil(names.length / PER_ROW);
    rowsAt.set(l, rows);
    for (let r = 0; r < rows; r++) {
      const row = names.slice(r * PER_ROW, (r + 1) * PER_ROW);
      const widths = row.map(focusNodeWidth);
      const total = widths.reduce((a, b) => a + b, 0) + COL_GAP * (row.length - 1);
      let x = -total / 2;
      row.forEach((n, i) => {
        xOf.set(n, x + widths[i] / 2);
        nodes.push({ id: n, role: l === 0 ? 'self' : l < 0 ? 'dependency' : 'user', level: l, x, y: 0, width: widths[i] });
        x += widths[i] + COL_GAP;
      });
    }
  }
  // y: dependencies stacked upwards from the module, users downwards; wrapped rows take room.
  const rowY = new Map<string, number>();
  const place = (ls: number[], dir: 1 | -1) => {
    let y = 0;
    for (const l of ls) {
      const names = byLevel.get(l)!;
      const rows = rowsAt.get(l)!;
      for (let r = 0; r < rows; r++) {
        y += dir * (r === 0 ? ROW_GAP : FOCUS_NODE_HEIGHT + 14);
        const rowIdx = dir === -1 ? rows - 1 - r : r;
        for (const n of names.slice(rowIdx * PER_ROW, (rowIdx + 1) * PER_ROW)) rowY.set(n, y);
      }
    }
  };
  place(order.filter((l) => l < 0), -1);
  place(order.filter((l) => l > 0), 1);
  for (const n of nodes) n.y = rowY.get(n.id) ?? 0;
  return { module, nodes, edges, hiddenUsers: m.dependents.length - shown };
}
