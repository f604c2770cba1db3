/**
 * nodeTypes.ts - module-level constants for the wait-for graph (stable identities for React Flow).
 */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { TaskNode } from './TaskNode';
import { WaitEdgeView } from './WaitEdgeView';

export const nodeTypes: NodeTypes = { task: TaskNode };
export const edgeTypes: EdgeTypes = { wait: WaitEdgeView };
