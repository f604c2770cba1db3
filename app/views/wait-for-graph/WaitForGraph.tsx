/**
 * WaitForGraph.tsx - who waits for whom at the current step, per waitForGraph(world). With many
 * tasks, the finished and the not yet started fold into a line under the graph.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type NodeMouseHandler } from '@xyflow/react';
import { TIMELINE_OWNS_KEYS } from '../../components/flowKeys';
import { READABLE_ZOOM } from '../../components/readableZoom';

/** Fits the seats, but never below the zoom at which the nodes' text stays readable. */
const FIT = { padding: 0.06, maxZoom: Math.max(1, READABLE_ZOOM), minZoom: READABLE_ZOOM };
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';
import { edgeTypes, nodeTypes } from './nodeTypes';
import { foldSeats, toWaitForFlow, type SeatFold, type TaskFlowNode, type TaskSeat } from './toWaitForFlow';

function Fit({ seats, wrap }: { seats: string; wrap: RefObject<HTMLDivElement | null> }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    requestAnimationFrame(() => void fitView(FIT));
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
      requestAnimationFrame(() => void fitView(FIT));
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
  const { world, wfg, trace } = useStepWorld();
  const finalTasks = trace.final.tasks;
  const seats = useMemo<TaskSeat[]>(() => finalTasks.map((t) => ({ pid: t.pid, label: t.label, argv: t.argv, kind: t.kind })), [finalTasks]);
  const [showAll, setShowAll] = useState(false);
  const fold = useMemo(() => foldSeats(seats, world, wfg, selected, showAll), [seats, world, wfg, selected, showAll]);
  const flow = useMemo(() => toWaitForFlow(fold.shown, world, wfg, selected), [fold.shown, world, wfg, selected]);
  const shownKey = fold.shown.map((s) => s.pid).join(',');
  const onNodeClick: NodeMouseHandler<TaskFlowNode> = (_e, n) => selectTask(n.data.label);
  const wrap = useRef<HTMLDivElement>(null);
  return (
    <>
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
        <Controls showInteractive={false} position="top-left" orientation="horizontal" />
        <Fit seats={shownKey} wrap={wrap} />
      </ReactFlow>
      {seats.length === 0 && <div className="flow-status">No tasks in this scenario.</div>}
      {seats.length > 0 && fold.shown.length === 0 && <div className="flow-status">No task is running or waiting at this step.</div>}
    </div>
    <FoldLine fold={fold} total={seats.length} showAll={showAll} setShowAll={setShowAll} />
    </>
  );
}

/** The labels of tasks, runs of kernel workers shortened: kworker/1–6. */
function labelList(seats: TaskSeat[]): string {
  const out: string[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length === 1) out.push(`kworker/${run[0]}`);
    else if (run.length) out.push(`kworker/${run[0]}–${run[run.length - 1]}`);
    run = [];
  };
  for (const s of seats) {
    const n = /^kworker\/(\d+)$/.exec(s.label);
    if (n && (!run.length || Number(n[1]) === run[run.length - 1] + 1)) run.push(Number(n[1]));
    else {
      flush();
      if (n) run.push(Number(n[1]));
      else out.push(s.label);
    }
  }
  flush();
  return out.join(', ');
}

function FoldLine({ fold, total, showAll, setShowAll }: { fold: SeatFold; total: number; showAll: boolean; setShowAll: (v: boolean) => void }) {
  const hidden = fold.finished.length + fold.notStarted.length;
  if (!hidden && !showAll) return null;
  const users = fold.finished.filter((s) => s.kind !== 'kthread');
  const workers = fold.finished.filter((s) => s.kind === 'kthread');
  return (
    <div className="fold-line" data-testid="wait-fold">
      {hidden > 0 && (
        <span>
          {fold.shown.length} of {total} tasks shown.{' '}
          {fold.finished.length > 0 && (
            <>
              Finished:{' '}
              {users.map((s) => (
                <span key={s.pid} className="folded-task">
                  {s.label} ({s.exit}){' '}
                </span>
              ))}
              {workers.length > 0 && <span className="folded-task">{labelList(workers)} </span>}
            </>
          )}
          {fold.notStarted.length > 0 && <>· not started yet: {labelList(fold.notStarted)} </>}
        </span>
      )}
      <button type="button" className="link" onClick={() => setShowAll(!showAll)} aria-pressed={showAll} data-testid="wait-show-all">
        {showAll ? 'fold idle and finished tasks' : `show all ${total}`}
      </button>
    </div>
  );
}

/** The graph alone, for a panel of its own or one side of the comparison. */
export function WaitForGraphBody() {
  return (
    <ReactFlowProvider>
      <Graph />
    </ReactFlowProvider>
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
