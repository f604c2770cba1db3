/**
 * ExportMenu.tsx - the playground's Export menu: dmesg and the shells' output as text, the trace
 * as JSON, the dependency and wait-for graphs as PNG or SVG (as drawn at the step shown), and
 * "Copy link" (the address of exactly this view, step included).
 */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../store';
import { hashOf } from '../../url/useHashSync';
import { downloadBlob, downloadText } from '../errors/download';
import { dmesgText, fileStem, traceJson, userspaceText } from './exportText';
import { graphPng, graphSvg } from './graphImage';

type GraphId = 'dependency-graph' | 'wait-for-graph';

const GRAPHS: { id: GraphId; label: string; file: string }[] = [
  { id: 'dependency-graph', label: 'Who loads whom', file: 'dependency-graph' },
  { id: 'wait-for-graph', label: 'Who waits for whom', file: 'wait-for-graph' },
];

/** The address of this view: the URL writer waits for the view to rest, this does not. */
export function currentLink(): string {
  return `${window.location.href.split('#')[0]}${hashOf(useStore.getState())}`;
}

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Not allowed here (no permission, not a secure context): the old way below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the browser refused to copy');
}

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const comparing = useStore((s) => s.compareVariant !== null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);
  useEffect(() => {
    if (copied === 'idle') return;
    const t = setTimeout(() => setCopied('idle'), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  const stem = () => {
    const s = useStore.getState();
    return fileStem(s.presetId, s.scenario.title, s.variant, Math.min(s.viewStep, s.trace.steps.length - 1));
  };
  const saveText = (what: 'dmesg' | 'userspace') => {
    const s = useStore.getState();
    const step = s.viewStep;
    const text = what === 'dmesg' ? dmesgText(s.trace.final.dmesg, step) : userspaceText(s.trace.final.userspace, s.trace.final.tasks, step);
    downloadText(`${stem()}-${what}.txt`, text, 'text/plain');
  };
  const saveTrace = () => {
    const s = useStore.getState();
    downloadText(`${stem()}-trace.json`, traceJson(s.trace), 'application/json');
  };
  const saveGraph = async (g: (typeof GRAPHS)[number], format: 'png' | 'svg') => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${g.id}"]`);
    if (!el) return;
    setBusy(`${g.id}.${format}`);
    setError(null);
    try {
      const blob = format === 'png' ? await graphPng(el) : await graphSvg(el);
      downloadBlob(`${stem()}-${g.file}.${format}`, blob);
    } catch (e) {
      setError(`Could not draw ${g.label} as ${format.toUpperCase()}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  const copyLink = async () => {
    try {
      await copyText(currentLink());
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="export-wrap" ref={ref}>
      <button type="button" className="export-btn" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen(!open)} data-testid="export-button">
        Export <span aria-hidden>▾</span>
      </button>
      <button type="button" className="export-btn" onClick={() => void copyLink()} data-testid="copy-link" aria-live="polite">
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy link'}
      </button>
      {open && (
        <div className="popover export-menu" role="menu" aria-label="Export" data-testid="export-menu">
          <p className="export-head">Up to the step shown</p>
          <button type="button" role="menuitem" onClick={() => saveText('dmesg')} data-testid="export-dmesg">
            dmesg <span className="export-fmt">.txt</span>
          </button>
          <button type="button" role="menuitem" onClick={() => saveText('userspace')} data-testid="export-userspace">
            User space output <span className="export-fmt">.txt</span>
          </button>
          <p className="export-head">The whole run</p>
          <button type="button" role="menuitem" onClick={saveTrace} data-testid="export-trace">
            Trace <span className="export-fmt">.json</span>
          </button>
          <p className="export-head">Graphs as drawn{comparing ? ' (not while comparing)' : ''}</p>
          {GRAPHS.map((g) => (
            <div className="export-row" key={g.id}>
              <span>{g.label}</span>
              {(['png', 'svg'] as const).map((f) => (
                <button
                  key={f}
                  type="button"
                  role="menuitem"
                  disabled={comparing || busy !== null}
                  onClick={() => void saveGraph(g, f)}
                  data-testid={`export-${g.id}-${f}`}
                >
                  {busy === `${g.id}.${f}` ? '…' : f.toUpperCase()}
                </button>
              ))}
            </div>
          ))}
          {error && (
            <p className="export-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
