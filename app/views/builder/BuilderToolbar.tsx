/**
 * BuilderToolbar.tsx - the document's actions: title, New and Start from preset (both undoable),
 * undo/redo, the validation verdict, Run in playground (only when valid) and Share.
 */
import { useState } from 'react';
import { PRESETS, VARIANTS } from '@engine';
import type { Check } from './docCheck';
import { useStore } from '../../store';
import { encodeScenario } from '../../url/scenarioCodec';
import { emptyScenario } from './builderDoc';
import { buildLink, shareLink } from './shareLink';

export function BuilderToolbar({ check }: { check: Check }) {
  const doc = useStore((s) => s.builder.present);
  const canUndo = useStore((s) => s.builder.past.length > 0);
  const canRedo = useStore((s) => s.builder.future.length > 0);
  const variant = useStore((s) => s.variant);
  const { builderEdit, builderLoad, builderUndo, builderRedo, openScenario, setView } = useStore.getState();
  const [link, setLink] = useState<{ play: string; build: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const run = () => {
    openScenario(doc, `custom:${encodeScenario(doc)}`);
    setView('playground');
  };
  const share = () => {
    const base = `${window.location.origin}${window.location.pathname}`;
    const url = shareLink(base, doc, variant);
    setLink({ play: url, build: buildLink(base, doc, variant) });
    setCopied(false);
    // Clipboard access can be refused (permissions, insecure origin): the link is shown anyway.
    navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div className="builder-toolbar">
      <div className="builder-actions">
        <label className="builder-title">
          <span className="muted">Title</span>
          <input value={doc.title} onChange={(e) => builderEdit((s) => ({ ...s, title: e.target.value }), 'title')} data-testid="builder-title" />
        </label>
        <button type="button" onClick={() => builderLoad(emptyScenario())} data-testid="builder-new" title="Start an empty scenario (Undo brings this one back)">
          New
        </button>
        <select
          value=""
          onChange={(e) => {
            const p = PRESETS.find((x) => x.id === e.target.value);
            if (p) builderLoad(p.scenario);
          }}
          aria-label="Start from preset"
          data-testid="builder-preset"
        >
          <option value="">Start from preset…</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} {p.title}
            </option>
          ))}
        </select>
        <span className="btn-group">
          <button type="button" onClick={builderUndo} disabled={!canUndo} data-testid="builder-undo" title="Undo (Ctrl+Z)">
            ↶ Undo
          </button>
          <button type="button" onClick={builderRedo} disabled={!canRedo} data-testid="builder-redo" title="Redo (Ctrl+Shift+Z)">
            ↷ Redo
          </button>
        </span>
        <span className="spacer" />
        <button type="button" onClick={share} disabled={!check.ok} data-testid="builder-share">
          Share
        </button>
        <button type="button" className="primary" onClick={run} disabled={!check.ok} data-testid="builder-run" title={`Run in the playground (${VARIANTS[variant].label})`}>
          ▶ Run in playground
        </button>
      </div>
      <div className={`builder-status ${check.ok ? 'is-ok' : 'is-bad'}`} role="status" data-testid="builder-validation" data-valid={check.ok}>
        {check.ok ? (
          <>
            <span className="badge-ok">✓ valid scenario</span> <span className="muted">edge types as in {VARIANTS[variant].label}</span>
          </>
        ) : (
          <>
            <b>Not runnable yet:</b> {check.path && <code>{check.path}</code>} {check.problem}
          </>
        )}
        {link && check.ok && (
          <span className="share-box">
            <span className="muted">{copied ? 'Link copied:' : 'Link:'}</span>
            <input readOnly value={link.play} onFocus={(e) => e.target.select()} aria-label="Share link" data-testid="builder-share-link" />
            <span className="muted" title="Opens in the Build view as the recipient's own copy; their own work is kept">to edit:</span>
            <input readOnly value={link.build} onFocus={(e) => e.target.select()} aria-label="Build link (opens an editable copy)" data-testid="builder-share-build-link" />
          </span>
        )}
      </div>
    </div>
  );
}
