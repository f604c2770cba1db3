/**
 * WaitForGraph.tsx - who waits for whom at the current step, per waitForGraph(world).
 */
import { useEffect, useMemo } from 'react';
import { Background, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { TIMELINE_OWNS_KEYS } from '../../components/flowKeys';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { toWaitForFlow, type TaskFlowNode, type TaskSeat } from './toWaitForFlow';

function Fit({ seats }: { seats: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    requestAnimationFrame(() => void fitView({ padding: 0.06, maxZoom: 1 }));
  }, [seats, fitView]);
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
  return (
    <div className="flow-wrap" data-testid="wait-for-graph" data-cycles={wfg.cycles.length}>
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
        <Fit seats={seats.length} />
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
