/**
 * ModuleNode.tsx - one module file in the dependency graph, with every instance of it that
 * exists at the current step (two instances of one name are the heart of the recursion bugs).
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { NodeKind } from '@engine';
import type { ModuleFlowNode } from './toDependencyFlow';
import { shortState } from './shortState';

const KIND_LABEL: Record<NodeKind, string> = {
  vmlinux: 'kernel image',
  module: 'module',
  livepatch: 'livepatch module',
  'livepatch-object': 'per-object livepatch',
};

const MAX_ROWS = 2;

function ModuleNodeView({ data }: NodeProps<ModuleFlowNode>) {
  const builtin = data.kind === 'vmlinux';
  const states = data.instances.map((i) => `${i.key}:${shortState(i.state)}`).join(' ');
  const absent = !builtin && data.instances.length === 0;
  const kind = data.kind === 'livepatch-object' && data.object ? `livepatch for ${data.object}` : KIND_LABEL[data.kind];
  return (
    <div
      className={`mod-node kind-${data.kind}${absent ? ' is-absent' : ''}${data.inCycle ? ' in-cycle' : ''}${data.selected ? ' is-selected' : ''}`}
      data-testid="module-node"
      data-module={data.name}
      data-states={builtin ? 'builtin' : states || 'absent'}
      title={data.exports.length ? `exports: ${data.exports.join(', ')}` : undefined}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <div className="mod-head">
        <span className="mod-name">{data.name}</span>
        <span className="mod-kind">{kind}</span>
      </div>
      <div className="mod-body">
        {builtin && <div className="mod-note">built in: always there</div>}
        {absent && <div className="mod-note">not loaded</div>}
        {data.instances.slice(0, MAX_ROWS).map((i) => (
          <div key={i.key} className={`inst st-${shortState(i.state).toLowerCase()}`} data-testid="module-instance">
            <span className="inst-key">{i.key}</span>
            <span className="state-pill">{shortState(i.state)}</span>
            <span className="inst-owner" title={`task that ${i.state === 'MODULE_STATE_GOING' ? 'unloads' : 'loads'} it`}>
              by {i.owner}
            </span>
          </div>
        ))}
        {data.instances.length > MAX_ROWS && <div className="mod-note">+{data.instances.length - MAX_ROWS} more instances</div>}
        {data.waiters.map((w) => (
          <div key={w.task} className="mod-waiter" data-testid="module-waiter">
            {w.task} waits in <code>{w.fn}()</code>
          </div>
        ))}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
    </div>
  );
}

export const ModuleNode = memo(ModuleNodeView);
