/**
 * WaitForGraph.tsx - who waits for whom at the current step, per waitForGraph(world).
 */
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { Background, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { TIMELINE_OWNS_KEYS } from '../../components/flowKeys';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { toWaitForFlow, type TaskFlowNode, type TaskSeat } from './toWaitForFlow';

function Fit({ seats, wrap }: { seats: number; wrap: RefObject<HTMLDivElement | null> }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    requestAnimationFrame(() => void fitView({ padding: 0.06, maxZoom: 1 }));
  }, [seats, fitView]);
  // The panel below ("Why it is stuck") grows and shrinks with its rows, and this one with it: a
  // graph fitted while squeezed would stay small (e.g. after a kill ends the deadlock), so refit.
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    let size = `${el.clientWidth}x${el.clientHeight}`;
    const ro = new ResizeObserver(() => {
      const now = `${el.clientWidth}x${el.clientHeight}`;
      if (now === size) return;
      size = now;
      requestAnimationFrame(() => void fitView({ padding: 0.06, maxZoom: 1 }));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [wrap, fitView]);
  return null;
}

function Graph() {
  const theme = useStore((s) => s.theme);
  const selected = useStore((s) => s.selectedTask);
  const selectTask = useStore((s) => s.selectTask);
  const finalTasks = useStore(useShallow((s) => s.trace.final.tasks));
  const { world, wfg } = useStepWorld();
  const seats = useMemo<TaskSeat[]>(() => finalTasks.map((t) => ({ pid: t.pid, label: t.label, argv: t.argv, kind: t.kind })), [finalTasks]);
  const flow = useMemo(() => toWaitForFlow(seats, world, wfg, selected), [seats, world, wfg, selected]);
  const onNodeClick: NodeMouseHandler<TaskFlowNode> = (_e, n) => selectTask(n.data.label);
  const wrap = useRef<HTMLDivElement>(null);
  return (
    <div className="flow-wrap" ref={wrap} data-testid="wait-for-graph" data-cycles={wfg.cycles.length}>
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={theme}
        nodesDraggable={false}
        nodesConnectable={false}
        {...TIMELINE_OWNS_KEYS}
        onNodeClick={onNodeClick}
        minZoom={0.3}
        maxZoom={1.5}
        aria-label="Wait-for graph of the tasks"
      >
        <Background gap={24} size={1} />
        <Fit seats={seats.length} wrap={wrap} />
      </ReactFlow>
      {seats.length === 0 && <div className="flow-status">No tasks in this scenario.</div>}
    </div>
  );
}

export function WaitForGraph() {
  return (
    <Panel title="Who waits for whom" hint="an arrow: this task sleeps until the other one acts" testId="panel-waitfor" className="panel-flow">
      <ReactFlowProvider>
        <Graph />
      </ReactFlowProvider>
    </Panel>
  );
}
