/**
 * SharedNotice.tsx - says that a shared Build link opened as the user's own copy, and how to get
 * back the scenario it replaced (Restore, or Undo; the replaced one is also kept in localStorage).
 */
import { useStore } from '../../store';
import { PREVIOUS_KEY } from './savedDoc';

export function SharedNotice() {
  const notice = useStore((s) => s.builderShared);
  const { builderRestorePrevious, builderDismissShared } = useStore.getState();
  if (!notice) return null;
  return (
    <div className="builder-shared" role="status" data-testid="builder-shared">
      <span>
        Opened the shared scenario <b>{notice.title}</b> as your own copy: edits stay in this browser.
        {notice.previousTitle !== null && (
          <>
            {' '}
            Your previous scenario <b>{notice.previousTitle}</b> is kept (Undo, or localStorage <code>{PREVIOUS_KEY}</code>).
          </>
        )}
      </span>
      {notice.previousTitle !== null && (
        <button type="button" onClick={builderRestorePrevious} data-testid="builder-restore-previous">
          Restore my previous scenario
        </button>
      )}
      <button type="button" className="icon-btn" onClick={builderDismissShared} aria-label="Dismiss" data-testid="builder-shared-dismiss">
        ✕
      </button>
    </div>
  );
}
