/**
 * RunErrorPanel.tsx - the playground's answer when the simulator fails on a scenario (an error in
 * run() or while drawing its trace): what went wrong, the scenario as it was, and ways on: open it
 * in the Build view, download it, try another kernel, or go back to a preset. The rest of the page
 * stays alive.
 */
import { DEFAULT_PRESET_ID, VARIANTS, type Scenario, type VariantId } from '@engine';
import { useStore } from '../../store';
import { InputBox } from './InputBox';

export function RunErrorPanel({ message, scenario, variant }: { message: string; scenario: Scenario; variant: VariantId }) {
  const openPreset = useStore((s) => s.openPreset);
  return (
    <main className="run-error" role="alert" data-testid="run-error">
      <h2>The simulator could not run this scenario</h2>
      <p>
        In <b>{VARIANTS[variant].label}</b> it stopped with: <code data-testid="run-error-message">{message}</code>
      </p>
      <p className="muted">
        This is a bug in the simulator, not in your scenario: the page is still fine. Pick another kernel above, open the scenario in the Build view to change it,
        or download it to report the problem.
      </p>
      <InputBox input={scenario} fileName="scenario.json" />
      <p>
        <button type="button" className="link" onClick={() => openPreset(DEFAULT_PRESET_ID)} data-testid="open-default-preset">
          Open the default preset ({DEFAULT_PRESET_ID})
        </button>
      </p>
    </main>
  );
}
