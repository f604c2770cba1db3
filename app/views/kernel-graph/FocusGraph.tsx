/**
 * FocusGraph.tsx - one module's neighbourhood: its closure above, its users below, laid out by
 * the engine's focusGraph() in rows (no layout engine, instant for any module). A click on a
 * neighbour focuses it. Users a split livepatch of this module must not import from are marked.
 */
import { useMemo } from 'react';
import { Background, Controls, MarkerType, ReactFlow, type Edge } from '@xyflow/react';
import { focusGraph, FOCUS_NODE_HEIGHT, type KernelGraph } from '@engine';
import { useStore } from '../../store';
import { TIMELINE_OWNS_KEYS } from '../../components/flowKeys';
import { kernelNodeTypes, type KmodFlowNode } from './KmodNode';

export function FocusGraph({ graph, module }: { graph: KernelGraph; module: string }) {
  const theme = useStore((s) => s.theme);
  const setKernelModule = useStore((s) => s.setKernelModule);
  const f = useMemo(() => focusGraph(graph, module), [graph, module]);
  const nodes = useMemo<KmodFlowNode[]>(
    () =>
      f.nodes.map((n) => {
        const m = graph.byName.get(n.id)!;
        return {
          id: n.id,
          type: 'kmod',
          position: { x: n.x, y: n.y },
          width: n.width,
          height: FOCUS_NODE_HEIGHT,
          draggable: false,
          data: { name: n.id, role: n.role, exports: m.exports.length, users: m.usedBy.length, blocked: n.role === 'user' && m.exports.length > 0 },
        };
      }),
    [f, graph],
  );
  const edges = useMemo<Edge[]>(
    () =>
      f.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        focusable: false,
        className: `kedge${e.source === module || e.target === module ? ' is-hot' : ''}`,
        markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      })),
    [f, module],
  );
  return (
    <ReactFlow
      key={module}
      nodes={nodes}
      edges={edges}
      nodeTypes={kernelNodeTypes}
      colorMode={theme}
      fitView
      fitViewOptions={{ padding: 0.12, maxZoom: 1.25 }}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      {...TIMELINE_OWNS_KEYS}
      onNodeClick={(_e, n) => n.id !== module && setKernelModule(n.id)}
      minZoom={0.1}
      maxZoom={2}
      aria-label={`Dependency neighbourhood of ${module}`}
    >
      <Background gap={32} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
