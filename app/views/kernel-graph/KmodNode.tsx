/**
 * KmodNode.tsx - a module of the focus graph: its role (dependency, the module, user), and
 * whether a split livepatch of the selected module may import from it.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { FocusRole } from '@engine';

export type KmodNodeData = { name: string; role: FocusRole; exports: number; users: number; blocked: boolean };
export type KmodFlowNode = Node<KmodNodeData, 'kmod'>;

function KmodNodeView({ data }: NodeProps<KmodFlowNode>) {
  const title = `${data.name}: ${data.exports} exports, used by ${data.users}${data.blocked ? ' — lp__ of the selected module cannot import from it' : ''}`;
  return (
    <div className={`kmod role-${data.role}${data.blocked ? ' is-blocked' : ''}`} data-testid="kmod-node" data-module={data.name} data-role={data.role} title={title}>
      <Handle type="target" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
      {data.name}
      <Handle type="source" position={Position.Top} isConnectable={false} className="hidden-handle" />
    </div>
  );
}

export const kernelNodeTypes = { kmod: memo(KmodNodeView) };
