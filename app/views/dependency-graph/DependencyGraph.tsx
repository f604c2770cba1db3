/**
 * DependencyGraph.tsx - who loads whom: module files and their symbol dependencies (A-D, the
 * implicit split edge), laid out once per topology by ELK in the worker, restyled per step.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, useStore as useFlowStore, type NodeMouseHandler } from '@xyflow/react';
import { dependencyGraph, recursionBreaks, VARIANTS, type DepType } from '@engine';
import { TIMELINE_OWNS_KEYS } from '../../components/flowKeys';
import { readableViewport } from '../../components/readableZoom';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { measureHeavy } from '../../store/heavyCost';
import { useLayout } from '../../layout/useLayout';
import { Panel } from '../../components/Panel';
import { nodeTypes, edgeTypes } from './nodeTypes';
import { Legend } from './Legend';
import { activeEdges, dependencyEdges, dependencyLayoutKey, dependencyLayoutRequest, dependencyNodes, moduleSteps, stepSignature, type ModuleFlowNode, type ModuleStepData } from './toDependencyFlow';
import { createStepStore, DepStepContext, type DepStepStores } from './stepStore';

/**
 * Fits ELK's whole drawing, edge labels included (fitView would only see the nodes), but never
 * below the zoom at which its text stays readable (readableZoom.ts): a larger drawing shows its
 * middle, pans, and says it is partial (then a minimap shows the whole and where the view is).
 */
function FitOnLayout({ layoutKey, width, height, overview, onPartial }: { layoutKey: string; width: number; height: number; overview: boolean; onPartial: (partial: boolean) => void }) {
  const { setViewport } = useReactFlow();
  const paneW = useFlowStore((s) => s.width);
  const paneH = useFlowStore((s) => s.height);
  useEffect(() => {
    // A drawing of two modules must not be blown up to fill the panel: fit at least a
    // 700 x 420 box centred on it, so nodes keep about their natural size.
    const w = Math.max(width, 700);
    const h = Math.max(height, 420);
    const box = { x: (width - w) / 2, y: (height - h) / 2, width: w, height: h };
    if (!(width > 0 && paneW > 0 && paneH > 0)) return;
    const view = readableViewport({ x: 0, y: 0, width, height }, box, { width: paneW, height: paneH }, 0.03, 2, overview ? OVERVIEW_MIN_ZOOM : undefined);
    onPartial(width * view.zoom > paneW + 1 || height * view.zoom > paneH + 1);
    requestAnimationFrame(() => void setViewport(view));
  }, [layoutKey, width, height, paneW, paneH, setViewport, overview, onPartial]);
  return null;
}

/** Minimap nodes coloured by kind, as the nodes' borders are (flow.css). */
function miniNodeClass(n: ModuleFlowNode): string {
  return `mini-${n.data.kind}`;
}

/** The smallest zoom of an overview (the comparison's half-width graphs show the whole drawing). */
const OVERVIEW_MIN_ZOOM = 0.2;

function Graph({ legend = true, overview = false }: { legend?: boolean; overview?: boolean }) {
  const theme = useStore((s) => s.theme);
  const selected = useStore((s) => s.selectedModule);
  const selectModule = useStore((s) => s.selectModule);
  const { world, wfg, trace, step } = useStepWorld();
  const { scenario, variant } = trace;
  const breaks = useMemo(() => recursionBreaks(trace), [trace]);
  const activeBreaks = useMemo(() => breaks.filter((b) => b.step <= step && step <= b.until), [breaks, step]);
  const graph = useMemo(() => dependencyGraph(scenario, variant), [scenario, variant]);
  const key = useMemo(() => dependencyLayoutKey(graph), [graph]);
  const layout = useLayout(key, () => dependencyLayoutRequest(graph));
  // React Flow gets nodes and edges that change with the layout and the selection only; what a
  // step changes goes through the step stores to the few elements it touches (stepStore.ts).
  // (useLayout returns a fresh wrapper each render; its result is the cached, stable object.)
  const placed = layout.status === 'done' ? layout.result : null;
  const flow = useMemo(() => (placed ? { nodes: dependencyNodes(graph, placed, selected), edges: dependencyEdges(graph, placed) } : null), [graph, placed, selected]);
  const [stores] = useState<DepStepStores>(() => ({
    nodes: createStepStore<{ sig: string; data: ModuleStepData }>((a, b) => a.sig === b.sig),
    edges: createStepStore<boolean>((a, b) => a === b),
  }));
  const steps = useMemo(
    () =>
      measureHeavy(trace, 'graph', () => {
        const m = new Map<string, { sig: string; data: ModuleStepData }>();
        for (const [id, d] of moduleSteps(graph, world, wfg, activeBreaks)) m.set(id, { sig: stepSignature(d), data: d });
        return m;
      }),
    [graph, world, wfg, activeBreaks, trace],
  );
  const active = useMemo(() => activeEdges(graph, world), [graph, world]);
  // Before paint, so a step never shows the graph of the step before.
  useLayoutEffect(() => {
    stores.nodes.set(steps);
    stores.edges.set(active);
  }, [stores, steps, active]);
  const present = useMemo(() => new Set<DepType>(graph.edges.map((e) => e.type)), [graph]);
  const setMachineSubject = useStore((s) => s.setMachineSubject);
  // The drawing is larger than the panel at a readable zoom: a minimap shows all of it.
  const [partial, setPartial] = useState(false);
  const { setCenter, getZoom } = useReactFlow();
  // Only where it leaves room for the drawing itself (not in a panel squeezed by the statechart).
  const roomy = useFlowStore((s) => s.width >= 360 && s.height >= 220);
  const onNodeClick: NodeMouseHandler<ModuleFlowNode> = (_e, n) => {
    selectModule(n.id);
    // Its statechart too: a livepatch's klp_patch, any other module's struct module (vmlinux has none).
    if (n.data.kind !== 'vmlinux') setMachineSubject({ kind: n.data.kind === 'livepatch' ? 'livepatch' : 'module', name: n.id });
  };
  return (
    <DepStepContext.Provider value={stores}>
    <div className="flow-wrap" data-testid="dependency-graph" data-layout={layout.status} data-step={step} data-partial={partial || undefined}>
      {layout.status === 'pending' && <div className="flow-status">Laying out {graph.nodes.length} modules…</div>}
      {layout.status === 'error' && <div className="flow-status is-error">Layout failed: {layout.message}</div>}
      <ReactFlow
        nodes={flow?.nodes ?? []}
        edges={flow?.edges ?? []}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={theme}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        {...TIMELINE_OWNS_KEYS}
        onNodeClick={onNodeClick}
        minZoom={0.2}
        maxZoom={2}
        attributionPosition="bottom-left"
        aria-label={`Module dependency graph, ${VARIANTS[variant].label}`}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
        {partial && roomy && <MiniMap position="top-right" pannable zoomable onClick={(_e, at) => void setCenter(at.x, at.y, { zoom: getZoom() })} nodeClassName={miniNodeClass} ariaLabel="The whole dependency graph; the frame is the part shown" className="dep-minimap" />}
        {layout.status === 'done' && <FitOnLayout layoutKey={key} width={layout.result.width} height={layout.result.height} overview={overview} onPartial={setPartial} />}
      </ReactFlow>
    </div>
    {legend && <Legend present={present} />}
    </DepStepContext.Provider>
  );
}

/**
 * The graph alone, for a panel of its own or one side of the comparison. `overview`: open fitted
 * whole even when its text is then smaller than READABLE_PX (the comparison's two half-width
 * sides are for seeing both drawings at once; + zooms in).
 */
export function DependencyGraphBody({ legend = true, overview = false }: { legend?: boolean; overview?: boolean }) {
  return (
    <ReactFlowProvider>
      <Graph legend={legend} overview={overview} />
    </ReactFlowProvider>
  );
}

export function DependencyGraph() {
  return (
    <Panel title="Who loads whom" hint="an arrow goes from a module to the module whose symbols it uses" testId="panel-dependency" className="panel-flow">
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
    </Panel>
  );
}
