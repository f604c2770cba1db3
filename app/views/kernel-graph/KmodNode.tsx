/**
 * KmodNode.tsx - a module of the real kernel graph: just its name, to keep a thousand of them
 * cheap to pan.
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';

export type KmodNodeData = { name: string; mark: 'self' | 'uses' | 'usedBy' | null };
export type KmodFlowNode = Node<KmodNodeData, 'kmod'>;

function KmodNodeView({ data }: NodeProps<KmodFlowNode>) {
  return (
    <div className={`kmod${data.mark ? ` mark-${data.mark}` : ''}`} data-testid="kmod-node" data-module={data.name}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="hidden-handle" />
      {data.name}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
    </div>
  );
}

export const KmodNode = memo(KmodNodeView);
export const kmodNodeTypes = { kmod: KmodNode };
