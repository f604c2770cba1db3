/**
 * WaitEdgeView.tsx - "A waits for B in fn()": red and animated on a cycle, amber when timed.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { WaitFlowEdge } from './toWaitForFlow';
import { TASK_NODE_HEIGHT, TASK_NODE_WIDTH } from './toWaitForFlow';
import { waitCurve } from './curve';

function WaitEdgeComponent({ id, data, markerEnd }: EdgeProps<WaitFlowEdge>) {
  if (!data) return null;
  const { path, label } = waitCurve(data.from, data.to, TASK_NODE_WIDTH / 2, TASK_NODE_HEIGHT / 2);
  const cls = data.inCycle ? 'is-cycle' : data.timed ? 'is-timed' : '';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`wait-path ${cls}`} />
      <EdgeLabelRenderer>
        <div
          className={`wait-label ${cls}`}
          style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }}
          data-testid="wait-edge-label"
          data-wid={data.wid}
          title={`waits for ${data.what}`}
        >
          <b>{data.wid}</b> <code>{data.fn}()</code>
          {data.timed && <span className="timed"> · timed</span>}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const WaitEdgeView = memo(WaitEdgeComponent);
