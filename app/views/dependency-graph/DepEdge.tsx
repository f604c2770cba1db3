/**
 * DepEdge.tsx - a symbol dependency drawn along ELK's route, coloured by type (A-D, plain,
 * implicit dashed), with its label where ELK reserved room for it.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import type { DepFlowEdge } from './toDependencyFlow';
import { DEP_STYLE } from './depStyle';
import { midpoint, roundedPath } from './polyline';
import { useDepStep, useStepEntry } from './stepStore';

function DepEdgeView({ id, data: fixed, sourceX, sourceY, targetX, targetY, markerEnd }: EdgeProps<DepFlowEdge>) {
  // Whether the edge is live at this step comes from the step store (see stepStore.ts).
  const live = useStepEntry(useDepStep()?.edges ?? null, id);
  if (!fixed) return null;
  const data = live === undefined ? fixed : { ...fixed, active: live };
  const pts = data.points.length >= 2 ? data.points : [{ x: sourceX, y: sourceY }, { x: targetX, y: targetY }];
  const at = data.labelAt ?? midpoint(pts);
  const st = DEP_STYLE[data.depType];
  return (
    <>
      <BaseEdge
        id={id}
        path={roundedPath(pts)}
        markerEnd={markerEnd}
        style={{ stroke: st.color, strokeDasharray: st.dash, strokeWidth: data.active ? 2.25 : 1.5, opacity: data.active ? 1 : 0.6 }}
      />
      <EdgeLabelRenderer>
        <div
          className={`dep-label type-${data.depType}${data.active ? '' : ' is-idle'}`}
          style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)`, borderColor: st.color }}
          data-testid="dep-edge-label"
          data-type={data.depType}
          title={`${st.name}: ${st.meaning}`}
        >
          {data.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const DepEdge = memo(DepEdgeView);
