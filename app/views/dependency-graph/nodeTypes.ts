/**
 * nodeTypes.ts - module-level constants: React Flow warns (and re-mounts) when these objects
 * change identity between renders.
 */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { ModuleNode } from './ModuleNode';
import { DepEdge } from './DepEdge';

export const nodeTypes: NodeTypes = { module: ModuleNode };
export const edgeTypes: EdgeTypes = { dep: DepEdge };
