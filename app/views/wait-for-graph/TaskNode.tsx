/**
 * TaskNode.tsx - a task in the wait-for graph: a user command (U1), a modprobe helper started
 * by request_module (H1) or a kernel worker, with where it is at this step.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { TaskFlowNode } from './toWaitForFlow';
import { useKillTask } from '../kill/useKillTask';

const KIND: Record<string, string> = { user: 'user command', helper: 'modprobe helper', kthread: 'kernel thread' };

function TaskNodeView({ data }: NodeProps<TaskFlowNode>) {
  const killTask = useKillTask();
  const status = data.exit?.text ?? data.status;
  return (
    <div
      className={`task-node kind-${data.kind} status-${data.status.replace(' ', '-')}${data.inCycle ? ' in-cycle' : ''}${data.selected ? ' is-selected' : ''}`}
      data-testid="task-node"
      data-task={data.label}
      data-status={data.status}
      data-in-cycle={data.inCycle}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <div className="task-head">
        <span className="task-label">{data.label}</span>
        <span className="task-kind">{KIND[data.kind]}</span>
        <span className="task-status" title={data.exit?.detail}>
          {status}
        </span>
      </div>
      <div className="task-argv" title={data.argv}>
        {data.argv}
      </div>
      {data.where && data.status !== 'exited' && (
        <div className="task-where">
          in <code>{data.where}()</code>
        </div>
      )}
      {data.kill && (
        // A tab on the node's corner: clicking it must not also select the task.
        <button
          type="button"
          className="node-kill nodrag nopan"
          onClick={(e) => {
            e.stopPropagation();
            killTask(data.label);
          }}
          title={`kill -9 ${data.label}: ${data.kill}`}
          aria-label={`kill -9 ${data.label}: ${data.kill}`}
          data-testid="node-kill"
        >
          kill
        </button>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
    </div>
  );
}

export const TaskNode = memo(TaskNodeView);
