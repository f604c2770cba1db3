/**
 * canvasEdges.ts - the builder canvas's edges. Their ends come from the document itself (who
 * imports what, and who exports it), so they are drawn even while the document is invalid; their
 * types (A-D, plain) come from the engine's dependencyGraph() of the document, the same
 * classification the playground draws, so the builder cannot disagree with it.
 */
import { dependencyGraph, perObjectModuleName, VARIANTS, type DepType, type Scenario, type VariantId } from '@engine';
import { edgeLabel } from '../dependency-graph/depStyle';
import { nodeId, VMLINUX_NODE } from './builderDoc';
import { HANDLE } from './connect';

export interface CanvasEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  /** null while the engine cannot classify (the document is invalid). */
  depType: DepType | null;
  symbols: string[];
  label: string;
}

interface Importer {
  /** The engine's module file that carries the imports in this variant. */
  file: string;
  node: string;
  handle: string;
  imports: string[];
}

function importers(s: Scenario, split: boolean): Importer[] {
  const out: Importer[] = s.modules.map((m) => ({ file: m.name, node: nodeId({ kind: 'module', name: m.name }), handle: HANDLE.out, imports: m.imports ?? [] }));
  for (const p of s.livepatches) {
    for (const o of p.objects) {
      // Split: each object is its own module (lp__M); upstream: the one livepatch module imports for all.
      const file = o.name === 'vmlinux' || !split ? p.name : perObjectModuleName(p.name, o.name);
      out.push({ file, node: nodeId({ kind: 'livepatch', name: p.name }), handle: HANDLE.object(o.name), imports: o.imports ?? [] });
    }
  }
  return out;
}

/** The node exporting each symbol: the first module, then the first livepatch (its node). */
function providers(s: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.modules) for (const e of m.exports ?? []) if (!out.has(e)) out.set(e, nodeId({ kind: 'module', name: m.name }));
  for (const p of s.livepatches) for (const o of p.objects) for (const e of o.exports ?? []) if (!out.has(e)) out.set(e, nodeId({ kind: 'livepatch', name: p.name }));
  return out;
}

/** The engine's type for each `file|symbol`, or an empty map if it cannot read the document. */
function classify(s: Scenario, variant: VariantId, valid: boolean): Map<string, DepType> {
  const out = new Map<string, DepType>();
  if (!valid) return out;
  try {
    for (const e of dependencyGraph(s, variant).edges) for (const sym of e.symbols) out.set(`${e.from}|${sym}`, e.type);
  } catch {
    // A valid document the engine still refuses: edges stay unclassified rather than crash the builder.
  }
  return out;
}

export function canvasEdges(s: Scenario, variant: VariantId, valid: boolean): CanvasEdge[] {
  const split = VARIANTS[variant].split;
  const types = classify(s, variant, valid);
  const from = providers(s);
  const edges = new Map<string, CanvasEdge>();
  for (const imp of importers(s, split)) {
    for (const sym of imp.imports) {
      const target = from.get(sym) ?? VMLINUX_NODE;
      const depType = types.get(`${imp.file}|${sym}`) ?? null;
      const id = `${imp.node}/${imp.handle}->${target}`;
      const e = edges.get(id) ?? { id, source: imp.node, sourceHandle: imp.handle, target, depType, symbols: [], label: '' };
      e.symbols.push(sym);
      edges.set(id, e);
    }
  }
  // An object patches its module: drawn dashed unless an edge of its own already joins them.
  for (const p of s.livepatches) {
    for (const o of p.objects.slice(1)) {
      if (!s.modules.some((m) => m.name === o.name)) continue;
      const source = nodeId({ kind: 'livepatch', name: p.name });
      const target = nodeId({ kind: 'module', name: o.name });
      const handle = HANDLE.object(o.name);
      if (edges.has(`${source}/${handle}->${target}`)) continue;
      const id = `${source}/${handle}=>${target}`;
      edges.set(id, { id, source, sourceHandle: handle, target, depType: 'patches', symbols: [], label: '' });
    }
  }
  return [...edges.values()].map((e) => ({ ...e, label: e.depType ? edgeLabel(e.depType, e.symbols) : e.symbols.join(', ') }));
}
