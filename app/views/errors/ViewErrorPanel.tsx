/**
 * ViewErrorPanel.tsx - a view that failed while drawing (the kernel graph, the Build view): what
 * went wrong and a retry, while the header and the other views keep working. The Build view's
 * document is offered for download so that no work is lost.
 */
import { useStore } from '../../store';
import { downloadText } from './download';

export function ViewErrorPanel({ view, error, retry }: { view: string; error: Error; retry: () => void }) {
  const doc = useStore((s) => s.builder.present);
  return (
    <main className="run-error" role="alert" data-testid="view-error">
      <h2>The {view} failed</h2>
      <p>
        <code>{error.message}</code>
      </p>
      <p className="muted">The rest of the page still works: switch views above, or try this one again.</p>
      <p className="input-actions">
        <button type="button" className="primary" onClick={retry}>
          Try again
        </button>
        {view === 'Build view' && (
          <button type="button" onClick={() => downloadText('builder-scenario.json', JSON.stringify(doc, null, 2))}>
            Download the document
          </button>
        )}
      </p>
    </main>
  );
}
