/**
 * App.tsx - the page: header, verdict, the two graphs (or the comparison), the panels that follow
 * the step, and the timeline; or the real kernel graph; or the scenario builder.
 */
import { useStore } from './store';
import { useHashSync } from './url/useHashSync';
import { Header } from './views/header/Header';
import { OutcomeBanner } from './views/outcome/OutcomeBanner';
import { DependencyGraph } from './views/dependency-graph/DependencyGraph';
import { WaitForGraph } from './views/wait-for-graph/WaitForGraph';
import { UnsafeScenario } from './views/wait-for-graph/UnsafeScenario';
import { CallStacks } from './views/stacks/CallStacks';
import { DmesgPanel } from './views/logs/DmesgPanel';
import { UserspacePanel } from './views/logs/UserspacePanel';
import { Timeline } from './views/timeline/Timeline';
import { usePlayback } from './views/timeline/usePlayback';
import { useKeyboardShortcuts } from './views/timeline/useKeyboardShortcuts';
import { PresetGallery } from './views/gallery/PresetGallery';
import { CompareView } from './views/compare/CompareView';
import { KernelGraphView } from './views/kernel-graph/KernelGraphView';
import { BuilderView } from './views/builder/BuilderView';
import { ErrorBoundary } from './components/ErrorBoundary';
import { UrlErrors } from './views/errors/UrlErrors';
import { RunErrorPanel } from './views/errors/RunErrorPanel';
import { ViewErrorPanel } from './views/errors/ViewErrorPanel';
import { MachinePanel } from './views/machines/MachinePanel';
import { Tour, useFirstVisitTour } from './views/tour/Tour';

/**
 * The playground, or what went wrong running its scenario: a failure in run() (recorded by the
 * store) or while drawing the trace (caught by the boundary and recorded the same way).
 */
function PlaygroundOrError() {
  const runError = useStore((s) => s.runError);
  const scenario = useStore((s) => s.scenario);
  const variant = useStore((s) => s.variant);
  const resetKey = useStore((s) => `${s.scenarioKey}\u0000${s.variant}\u0000${s.compareVariant}\u0000${s.schedule.join(',')}`);
  const setRunError = useStore((s) => s.setRunError);
  if (runError) return <RunErrorPanel message={runError.message} scenario={runError.scenario} variant={runError.variant} />;
  return (
    <ErrorBoundary
      resetKey={resetKey}
      onError={(e) => setRunError({ message: e.message, scenario, variant })}
      fallback={(e) => <RunErrorPanel message={e.message} scenario={scenario} variant={variant} />}
    >
      <Playground />
    </ErrorBoundary>
  );
}

function Playground() {
  const comparing = useStore((s) => s.compareVariant !== null);
  usePlayback();
  useKeyboardShortcuts(true);
  return (
    <>
      <OutcomeBanner />
      <main className="playground">
        <div className="graphs">
          {comparing ? (
            <CompareView />
          ) : (
            <>
              <DependencyGraph />
              <div className="col-wait">
                <WaitForGraph />
                <UnsafeScenario />
              </div>
              <MachinePanel />
            </>
          )}
        </div>
        <div className="side">
          <CallStacks />
          <DmesgPanel />
          <UserspacePanel />
        </div>
        <Timeline />
      </main>
      <PresetGallery />
    </>
  );
}

export function App() {
  const view = useStore((s) => s.view);
  useHashSync();
  useFirstVisitTour();
  return (
    <div className="app" data-view={view}>
      <a
        className="skip"
        href="#scrubber"
        onClick={(e) => {
          // The fragment holds the view (#preset=...): focus the scrubber without navigating.
          e.preventDefault();
          document.getElementById('scrubber')?.focus();
        }}
      >
        Skip to the timeline
      </a>
      <Header />
      <UrlErrors />
      {view === 'kernel' ? (
        <ErrorBoundary resetKey="kernel" fallback={(e, retry) => <ViewErrorPanel view="kernel graph" error={e} retry={retry} />}>
          <main className="kernel-view">
            <KernelGraphView />
          </main>
        </ErrorBoundary>
      ) : view === 'build' ? (
        <ErrorBoundary resetKey="build" fallback={(e, retry) => <ViewErrorPanel view="Build view" error={e} retry={retry} />}>
          <BuilderView />
        </ErrorBoundary>
      ) : (
        <PlaygroundOrError />
      )}
      <Tour />
    </div>
  );
}
