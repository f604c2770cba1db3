/**
 * RecoveryPanel.tsx - the Build view's answer to an autosave it cannot draw: what is wrong with
 * it, and three ways on, none of which loses it: repair (open what can be read of it), download
 * it, or set it aside and start empty. The save stays in this browser (BACKUP_KEY) either way.
 */
import { useStore } from '../../store';
import { downloadText } from '../errors/download';
import { BACKUP_KEY } from './savedDoc';

export function RecoveryPanel() {
  const r = useStore((s) => s.builderRecovery);
  const repair = useStore((s) => s.builderRecoverRepair);
  const setAside = useStore((s) => s.builderRecoverSetAside);
  if (!r) return null;
  const changes = r.repair?.changes ?? [];
  return (
    <main className="run-error builder-recovery" role="alert" data-testid="builder-recovery">
      <h2>Your saved scenario could not be opened</h2>
      <p>
        The Build view's autosave in this browser cannot be drawn: <b data-testid="recovery-problem">{r.problem}</b>.
      </p>
      <p className="muted">
        Nothing has been overwritten: a copy is kept in this browser (localStorage <code>{BACKUP_KEY}</code>). Repair it, download it, or set it aside.
      </p>
      {r.repair && (
        <>
          <p>A repair keeps everything that can be read{changes.length ? ' and changes only this:' : '.'}</p>
          {changes.length > 0 && (
            <ul className="input-changes" data-testid="repair-changes">
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="input-actions">
        {r.repair && (
          <button type="button" className="primary" onClick={repair} data-testid="recovery-repair">
            Repair and open it
          </button>
        )}
        <button type="button" onClick={() => downloadText('klp-playground-builder-save.json', r.raw)} data-testid="recovery-download">
          Download the save
        </button>
        <button type="button" onClick={setAside} data-testid="recovery-set-aside">
          Set it aside and start empty
        </button>
      </div>
      <pre className="input-text" tabIndex={0} aria-label="the saved text">
        {r.raw.length > 20_000 ? `${r.raw.slice(0, 20_000)}\n…` : r.raw}
      </pre>
    </main>
  );
}
