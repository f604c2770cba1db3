/**
 * Header.tsx - project name and one-line explanation, the view tabs, and the scenario toolbar
 * (preset, kernel variant, comparison).
 */
import { getPreset } from '@engine';
import { useStore } from '../../store';
import { AboutPopover } from './AboutPopover';
import { CompareSelect } from './CompareSelect';
import { ThemeToggle } from './ThemeToggle';
import { VariantSwitch } from './VariantSwitch';
import { ExportMenu } from '../export/ExportMenu';
import { useScenarioOrigin } from '../kill/useScenarioOrigin';
import { originName } from '../kill/scenarioOrigin';

export function Header() {
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const presetId = useStore((s) => s.presetId);
  const title = useStore((s) => s.scenario.title);
  const setGalleryOpen = useStore((s) => s.setGalleryOpen);
  const preset = presetId ? getPreset(presetId) : undefined;
  const origin = useScenarioOrigin();
  return (
    <header className="app-header">
      <div className="brand-row">
        <h1 className="brand">
          klp-playground
        </h1>
        <p className="tagline" title="The Linux module loader and livepatch core, step by step: who loads whom, who waits for whom, where it deadlocks.">The Linux module loader and livepatch core, step by step: who loads whom, who waits for whom, where it deadlocks.</p>
        <nav className="view-tabs" aria-label="Views">
          <button type="button" aria-pressed={view === 'playground'} onClick={() => setView('playground')} data-testid="view-playground">
            Playground
          </button>
          <button type="button" aria-pressed={view === 'kernel'} onClick={() => setView('kernel')} data-testid="view-kernel">
            Real kernels
          </button>
          <button type="button" aria-pressed={view === 'build'} onClick={() => setView('build')} data-testid="view-build">
            Build
          </button>
        </nav>
        {view === 'playground' && <ExportMenu />}
        <AboutPopover />
        <ThemeToggle />
      </div>
      {view === 'playground' && (
        <div className="toolbar">
          <button type="button" className="preset-btn" onClick={() => setGalleryOpen(true)} data-testid="open-gallery" aria-haspopup="dialog">
            <span className="preset-id">{preset?.id ?? 'custom'}</span> {preset?.title ?? (origin ? originName(origin) : title)} <span aria-hidden>▾</span>
          </button>
          <VariantSwitch />
          <CompareSelect />
        </div>
      )}
    </header>
  );
}
