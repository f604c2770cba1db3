/**
 * GraphFileOpen.tsx - open a module graph from a file (picker or drop anywhere on the view),
 * validated by the engine; a bad file leaves the current graph on screen and says what is wrong.
 */
import { useRef, type ReactNode, useState } from 'react';
import { ModuleGraphError, parseModuleGraph } from '@engine';
import { useStore } from '../../store';

/** Larger than any distribution's graph (the generic Debian kernel's is 4.5 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

export function useGraphFile(): { open: (f: File) => void; error: string | null; clear: () => void } {
  const openKernelFile = useStore((s) => s.openKernelFile);
  const [error, setError] = useState<string | null>(null);
  const open = (f: File) => {
    if (f.size > MAX_BYTES) {
      setError(`${f.name}: ${Math.round(f.size / 1e6)} MB is more than a module graph should be`);
      return;
    }
    f.text().then(
      (text) => {
        try {
          openKernelFile(f.name, parseModuleGraph(text), text);
          setError(null);
        } catch (e) {
          setError(`${f.name}: ${e instanceof ModuleGraphError ? e.message : String(e)}`);
        }
      },
      (e: Error) => setError(`${f.name}: cannot read: ${e.message}`),
    );
  };
  return { open, error, clear: () => setError(null) };
}

export function FilePicker({ onFile }: { onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} data-testid="graph-file-button" title="A module-graph JSON made by `klp import-kernel`">
        Open graph file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="graph-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </>
  );
}

export function DropZone({ onFile, children }: { onFile: (f: File) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`kernel-drop${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        if (![...e.dataTransfer.types].includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setOver(false);
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        setOver(false);
        if (!f) return;
        e.preventDefault();
        onFile(f);
      }}
      data-testid="kernel-drop"
    >
      {children}
      {over && <div className="drop-hint">Drop a module-graph JSON to open it</div>}
    </div>
  );
}
