/**
 * InputBox.tsx - an input the page could not use, shown as it was (scrollable, at most its first
 * 20,000 characters), with a way to open it in the Build view and to download it whole.
 */
import { useState } from 'react';
import { useStore } from '../../store';
import { downloadText, inputText } from './download';

const SHOWN = 20_000;

export function InputBox({ input, fileName }: { input: unknown; fileName: string }) {
  const builderOpenInput = useStore((s) => s.builderOpenInput);
  const setView = useStore((s) => s.setView);
  const [changes, setChanges] = useState<string[] | null>(null);
  const text = inputText(input);
  return (
    <div className="input-box">
      <pre className="input-text" data-testid="kept-input" tabIndex={0} aria-label="the input as it was">
        {text.length > SHOWN ? `${text.slice(0, SHOWN)}\n… (${text.length - SHOWN} more characters: download it to see all)` : text}
      </pre>
      <div className="input-actions">
        <button
          type="button"
          className="primary"
          data-testid="open-in-build"
          onClick={() => {
            setChanges(builderOpenInput(input));
            setView('build');
          }}
        >
          Open it in the Build view
        </button>
        <button type="button" onClick={() => downloadText(fileName, text)} data-testid="download-input">
          Download it
        </button>
      </div>
      {changes && changes.length > 0 && (
        <ul className="input-changes">
          {changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
