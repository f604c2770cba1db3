/**
 * BuilderEdge.tsx - a dependency on the builder canvas: a curve coloured by its type (A-D, plain,
 * patches) with the playground's label style; grey and untyped while the document is invalid.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { DepType } from '@engine';
import { DEP_STYLE } from '../dependency-graph/depStyle';

export type BuilderFlowEdge = Edge<{ depType: DepType | null; label: string }, 'dep'>;

function BuilderEdgeView({ id, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd }: EdgeProps<BuilderFlowEdge>) {
  const [path, lx, ly] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const st = data?.depType ? DEP_STYLE[data.depType] : null;
  const color = st?.color ?? '#94a3b8';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={{ stroke: color, strokeDasharray: st?.dash, strokeWidth: 1.75 }} />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`dep-label${data.depType ? ` type-${data.depType}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${lx}px, ${ly}px)`, borderColor: color }}
            data-testid="builder-edge"
            data-type={data.depType ?? 'unknown'}
            title={st ? `${st.name}: ${st.meaning}` : 'not classified while the scenario is invalid'}
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const builderEdgeTypes = { dep: memo(BuilderEdgeView) };
