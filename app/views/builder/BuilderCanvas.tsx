/**
 * BuilderCanvas.tsx - the React Flow canvas of the builder: items as nodes at their saved
 * positions, dependencies as typed edges, drops from the palette, and connections drawn between
 * handles turned into document edits (connect.ts). Fully controlled by the store: only the
 * measured node sizes live here.
 */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type Connection,
  type Edge,
  type IsValidConnection,
  type NodeChange,
} from '@xyflow/react';
import { taskLabel, type VariantId } from '@engine';
import { useStore } from '../../store';
import { nodeId, refOfNode, VMLINUX_NODE, type ItemKind } from './builderDoc';
import { canConnect, connect, sourceOf, targetOf } from './connect';
import { canvasEdges } from './canvasEdges';
import { builderNodeTypes, type BuilderFlowNode } from './BuilderNodes';
import { builderEdgeTypes, type BuilderFlowEdge } from './BuilderEdge';

/** The drag payload's type: only the palette's drags are drops for the canvas. */
export const PALETTE_MIME = 'application/x-klp-builder-item';

type Size = { width: number; height: number };

/**
 * Brings every item into view when items come or go (an add button places the new one in its
 * column, maybe off screen), once React Flow has measured them; not on moves, which the user made.
 */
function FitOnCount({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  const measured = useNodesInitialized();
  useEffect(() => {
    if (count > 0 && measured) requestAnimationFrame(() => void fitView({ maxZoom: 1, padding: 0.15, duration: 150 }));
  }, [count, measured, fitView]);
  return null;
}

export function BuilderCanvas({ variant, invalidNode, valid }: { variant: VariantId; invalidNode: string | null; valid: boolean }) {
  const doc = useStore((s) => s.builder.present);
  const positions = useStore((s) => s.builderPositions);
  const selection = useStore((s) => s.builderSelection);
  const theme = useStore((s) => s.theme);
  const { builderMove, builderSelect, builderEdit, builderAdd, builderDelete } = useStore.getState();
  const { screenToFlowPosition } = useReactFlow();
  const [sizes, setSizes] = useState<Record<string, Size>>({});

  const edges = useMemo(() => canvasEdges(doc, variant, valid), [doc, variant, valid]);
  const nodes = useMemo<BuilderFlowNode[]>(() => {
    const selectedId = selection ? nodeId(selection) : null;
    const at = (id: string) => positions[id] ?? { x: 0, y: 0 };
    const base = (id: string) => ({ id, position: at(id), selected: id === selectedId, measured: sizes[id] });
    const out: BuilderFlowNode[] = [
      ...doc.livepatches.map((spec) => {
        const id = nodeId({ kind: 'livepatch', name: spec.name });
        return { ...base(id), type: 'livepatch' as const, data: { spec, invalid: id === invalidNode } };
      }),
      ...doc.modules.map((spec) => {
        const id = nodeId({ kind: 'module', name: spec.name });
        return { ...base(id), type: 'module' as const, data: { spec, invalid: id === invalidNode } };
      }),
      ...doc.tasks.map((spec, i) => {
        const label = taskLabel(spec, i);
        const id = nodeId({ kind: 'task', name: label });
        return { ...base(id), type: 'task' as const, data: { spec, label, invalid: id === invalidNode }, connectable: false };
      }),
    ];
    // vmlinux only when something resolves there: an empty canvas stays empty.
    if (edges.some((e) => e.target === VMLINUX_NODE)) {
      out.push({ ...base(VMLINUX_NODE), position: positions[VMLINUX_NODE] ?? { x: 760, y: -120 }, type: 'vmlinux', data: { invalid: false }, deletable: false });
    }
    return out;
  }, [doc, positions, selection, sizes, invalidNode, edges]);
  const flowEdges = useMemo<BuilderFlowEdge[]>(
    () =>
      edges.map((e) => ({
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        targetHandle: 'in',
        type: 'dep',
        data: { depType: e.depType, label: e.label },
        markerEnd: { type: MarkerType.ArrowClosed },
        selectable: false,
      })),
    [edges],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<BuilderFlowNode>[]) => {
      const measured: Record<string, Size> = {};
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) measured[c.id] = c.dimensions;
        else if (c.type === 'position' && c.position) builderMove(c.id, c.position);
        else if (c.type === 'select' && c.selected) builderSelect(refOfNode(c.id));
        else if (c.type === 'remove') {
          const ref = refOfNode(c.id);
          if (ref) builderDelete(ref);
        }
      }
      if (Object.keys(measured).length) setSizes((s) => ({ ...s, ...measured }));
    },
    [builderMove, builderSelect, builderDelete],
  );

  const isValidConnection: IsValidConnection<Edge> = useCallback((c) => {
    const src = sourceOf(c.source, c.sourceHandle);
    const dst = targetOf(c.target);
    return !!src && !!dst && canConnect(useStore.getState().builder.present, src, dst);
  }, []);

  const onConnect = useCallback(
    (c: Connection) => {
      const src = sourceOf(c.source, c.sourceHandle);
      const dst = targetOf(c.target);
      if (src && dst) builderEdit((s) => connect(s, src, dst));
    },
    [builderEdit],
  );

  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent) => {
    const kind = e.dataTransfer.getData(PALETTE_MIME) as ItemKind;
    if (kind !== 'module' && kind !== 'livepatch' && kind !== 'task') return;
    e.preventDefault();
    builderAdd(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  return (
    <div className="builder-canvas" data-testid="builder-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={flowEdges}
        nodeTypes={builderNodeTypes}
        edgeTypes={builderEdgeTypes}
        onNodesChange={onNodesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onPaneClick={() => builderSelect(null)}
        colorMode={theme}
        // Delete removes the selected item (undoable); Backspace stays with text editing.
        deleteKeyCode="Delete"
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
        minZoom={0.2}
        maxZoom={2}
        attributionPosition="bottom-left"
        aria-label="Scenario canvas"
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
        <FitOnCount count={nodes.length} />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="builder-empty">Drag a module, a livepatch or a user task here from the palette, or use its “add” buttons.</div>
      )}
    </div>
  );
}
