/**
 * BuilderView.tsx - the "Build" view: toolbar, palette, canvas and inspector around one scenario
 * document, validated on every change. The document is checked here once and the verdict handed
 * down, so the canvas, the toolbar and the status line cannot disagree.
 */
import { useMemo } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useStore } from '../../store';
import { checkScenario, nodeOfPath } from './docCheck';
import { BuilderToolbar } from './BuilderToolbar';
import { Palette } from './Palette';
import { BuilderCanvas } from './BuilderCanvas';
import { Inspector } from './Inspector';
import { useBuilderShortcuts } from './useBuilderShortcuts';
import { RecoveryPanel } from './RecoveryPanel';
import { SharedNotice } from './SharedNotice';
import { CheckContext } from './checkContext';

export function BuilderView() {
  const recovering = useStore((s) => s.builderRecovery !== null);
  return recovering ? <RecoveryPanel /> : <Builder />;
}

function Builder() {
  const doc = useStore((s) => s.builder.present);
  const variant = useStore((s) => s.variant);
  const check = useMemo(() => checkScenario(doc), [doc]);
  const invalidNode = check.ok ? null : nodeOfPath(doc, check.path);
  useBuilderShortcuts();
  return (
    <CheckContext value={check}>
    <main className="builder-view" data-testid="builder">
      <BuilderToolbar check={check} />
      <SharedNotice />
      <div className="builder-body">
        <Palette />
        <ReactFlowProvider>
          <BuilderCanvas variant={variant} valid={check.ok} invalidNode={invalidNode} />
        </ReactFlowProvider>
        <Inspector />
      </div>
    </main>
    </CheckContext>
  );
}
