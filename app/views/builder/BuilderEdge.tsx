/**
 * BuilderEdge.tsx - a dependency on the builder canvas: a curve coloured by its type (A-D, plain,
 * patches) with the playground's label style; grey and untyped while the document is invalid.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { DepType } from '@engine';
import { DEP_STYLE } from '../dependency-graph/depStyle';

export type BuilderFlowEdge = Edge<{ depType: DepType | null; label: string }, 'dep'>;

/**
 * An object's edge to its own patch (type C) leaves the node on the right and comes back on the
 * left: a bezier would hide under the node, so it loops over the top where its label can be read.
 */
function loopPath(sx: number, sy: number, tx: number, ty: number): [string, number, number] {
  const top = Math.min(sy, ty) - 80;
  const mid = (sx + tx) / 2;
  return [`M ${sx} ${sy} C ${sx + 70} ${sy}, ${sx + 70} ${top}, ${mid} ${top} S ${tx - 70} ${ty}, ${tx} ${ty}`, mid, top];
}

function BuilderEdgeView({ id, source, target, data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd }: EdgeProps<BuilderFlowEdge>) {
  const [path, lx, ly] =
    source === target ? loopPath(sourceX, sourceY, targetX, targetY) : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
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
