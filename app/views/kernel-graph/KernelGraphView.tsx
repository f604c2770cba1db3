/**
 * KernelGraphView.tsx - the 1121-module dependency graph of a Debian 6.1 kernel, laid out by ELK
 * in the worker and drawn by React Flow with only the visible elements rendered. Pick a module
 * to see what it uses and what uses it.
 */
import { useEffect, useMemo, useState } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore as useFlowStore, type Edge } from '@xyflow/react';
import { TIMELINE_OWNS_KEYS } from '../../components/flowKeys';
import { useStore } from '../../store';
import { useLayout } from '../../layout/useLayout';
import { Panel } from '../../components/Panel';
import { kernelGraph, kernelLayoutRequest, KMOD_HEIGHT, kmodWidth, type KernelGraph } from './kernelGraph';
import { kmodNodeTypes, type KmodFlowNode } from './KmodNode';
import { useModulesJson } from './useModulesJson';

function Focus({ target, graph, positions }: { target: string | null; graph: KernelGraph; positions: Record<string, { x: number; y: number }> | null }) {
  const { setCenter, fitView } = useReactFlow();
  useEffect(() => {
    if (!positions) return;
    if (!target) {
      // Open on the whole graph: its shape (a few hubs, many small families) is the point.
      requestAnimationFrame(() => void fitView({ padding: 0.02 }));
      return;
    }
    const p = positions[target];
    if (p) void setCenter(p.x + kmodWidth(target) / 2, p.y + KMOD_HEIGHT / 2, { zoom: 1, duration: 300 });
  }, [target, graph, positions, setCenter, fitView]);
  return null;
}

/** Names are unreadable below this zoom; not painting them keeps panning the whole graph light. */
const FAR_ZOOM = 0.35;

function Graph({ graph }: { graph: KernelGraph }) {
  const theme = useStore((s) => s.theme);
  const far = useFlowStore((s) => s.transform[2] < FAR_ZOOM);
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const layout = useLayout(`kernel|${graph.kernel}|${graph.nodes.length}|${graph.edges.length}`, () => kernelLayoutRequest(graph));
  const positions = layout.status === 'done' ? layout.result.positions : null;
  const sel = selected ? graph.nodes.find((n) => n.id === selected) : undefined;
  const nodes = useMemo<KmodFlowNode[]>(() => {
    if (!positions) return [];
    const uses = new Set(sel?.uses);
    const usedBy = new Set(sel?.usedBy);
    return graph.nodes.map((n) => ({
      id: n.id,
      type: 'kmod',
      position: positions[n.id] ?? { x: 0, y: 0 },
      width: kmodWidth(n.id),
      height: KMOD_HEIGHT,
      draggable: false,
      data: { name: n.id, mark: n.id === selected ? 'self' : uses.has(n.id) ? 'uses' : usedBy.has(n.id) ? 'usedBy' : null },
    }));
  }, [graph, positions, sel, selected]);
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'straight',
        focusable: false,
        className: selected && (e.source === selected || e.target === selected) ? 'kedge is-hot' : 'kedge',
      })),
    [graph, selected],
  );
  const matches = query.length >= 2 ? graph.nodes.filter((n) => n.id.includes(query)).slice(0, 8) : [];
  const hubs = useMemo(() => [...graph.nodes].sort((a, b) => b.usedBy.length - a.usedBy.length || a.id.localeCompare(b.id)).slice(0, 8), [graph]);
  return (
    <div className="kernel-body">
      <aside className="kernel-side">
        <p>
          <b>{graph.nodes.length}</b> modules, <b>{graph.edges.length}</b> direct symbol dependencies (vmlinux left out) of <code>{graph.kernel}</code>.
          Arrows point from a module to the module it imports from.
        </p>
        <label className="search">
          Find a module{' '}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value.trim())} placeholder="e.g. nf_tables" data-testid="kernel-search" />
        </label>
        {matches.length > 0 && (
          <ul className="matches">
            {matches.map((m) => (
              <li key={m.id}>
                <button type="button" className="link" onClick={() => setSelected(m.id)}>
                  {m.id}
                </button>
              </li>
            ))}
          </ul>
        )}
        {!sel && (
          <div className="hubs">
            Most used:
            <ul className="matches">
              {hubs.map((h) => (
                <li key={h.id}>
                  <button type="button" className="link" onClick={() => setSelected(h.id)}>
                    {h.id}
                  </button>{' '}
                  <span className="muted">({h.usedBy.length} users)</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {sel && (
          <div className="kernel-sel" data-testid="kernel-selected">
            <button type="button" className="link" onClick={() => setSelected(null)}>
              ← whole graph
            </button>
            <h3>{sel.id}</h3>
            <div className="argv">{sel.path}</div>
            <p>
              <span className="swatch uses" /> uses {sel.uses.length}: {sel.uses.join(', ') || '(only vmlinux)'}
            </p>
            <p>
              <span className="swatch usedBy" /> used by {sel.usedBy.length}: {sel.usedBy.slice(0, 30).join(', ') || 'nobody'}
              {sel.usedBy.length > 30 ? ` +${sel.usedBy.length - 30}` : ''}
            </p>
          </div>
        )}
        {layout.status === 'done' && <p className="muted" data-testid="elk-time">ELK layout took {Math.round(layout.result.ms)} ms in a Web Worker.</p>}
      </aside>
      <div className={`flow-wrap${far ? ' is-far' : ''}`} data-testid="kernel-graph" data-layout={layout.status}>
        {layout.status === 'pending' && <div className="flow-status">Laying out {graph.nodes.length} modules in a Web Worker…</div>}
        {layout.status === 'error' && <div className="flow-status is-error">Layout failed: {layout.message}</div>}
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={kmodNodeTypes}
          colorMode={theme}
          onlyRenderVisibleElements
          nodesDraggable={false}
          nodesConnectable={false}
          {...TIMELINE_OWNS_KEYS}
          elementsSelectable={false}
          onNodeClick={(_e, n) => setSelected(n.id === selected ? null : n.id)}
          minZoom={0.02}
          maxZoom={2}
          aria-label="Module dependency graph of a real kernel"
        >
          <Background gap={32} size={1} />
          <Controls showInteractive={false} />
          <Focus target={selected} graph={graph} positions={positions} />
        </ReactFlow>
      </div>
    </div>
  );
}

export function KernelGraphView() {
  const { json, error } = useModulesJson();
  const graph = useMemo(() => (json ? kernelGraph(json) : null), [json]);
  return (
    <Panel title="A real kernel's module graph" hint="Debian 6.1 cloud kernel, from modules.dep and nm" testId="panel-kernel" className="panel-kernel">
      {error && <div className="flow-status is-error">Could not load the module list: {error}</div>}
      {!graph && !error && <div className="flow-status">Loading 1121 modules…</div>}
      {graph && (
        <ReactFlowProvider>
          <Graph graph={graph} />
        </ReactFlowProvider>
      )}
    </Panel>
  );
}
