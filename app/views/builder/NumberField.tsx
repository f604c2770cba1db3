/**
 * NumberField.tsx - an integer typed as text: what is typed stays on screen, the document gets
 * the number only when it is one (a half-typed "-" or "1e" never becomes NaN in a saved
 * scenario), and a negative or too large one goes in so that the engine's validation names it.
 */
import { useState } from 'react';

export function NumberField({ value, onChange, label, testId }: { value: number; onChange: (v: number) => void; label: string; testId?: string }) {
  // The text typed, and the value it was typed over: when undo/redo or another edit changes the
  // value, the field shows the new one.
  const [typed, setTyped] = useState({ text: String(value), over: value });
  const draft = typed.over === value ? typed.text : String(value);
  const bad = !/^\s*-?\d+\s*$/.test(draft);
  return (
    <label className="insp-num">
      <span>{label}</span>
      <input
        inputMode="numeric"
        value={draft}
        aria-invalid={bad}
        aria-label={label}
        onChange={(e) => {
          const text = e.target.value;
          const ok = /^\s*-?\d+\s*$/.test(text);
          setTyped({ text, over: ok ? Number(text) : value });
          if (ok) onChange(Number(text));
        }}
        data-testid={testId}
      />
      {bad && <span className="insp-error">a whole number</span>}
    </label>
  );
}
