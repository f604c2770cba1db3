/**
 * UrlErrors.tsx - what was wrong with the link that opened the page, above every view (the
 * playground, the kernel graph and the Build view alike), each problem naming its parameter; a
 * rejected scenario is shown as it was, ready to open in the Build view or download.
 */
import { useState } from 'react';
import { useStore } from '../../store';
import { InputBox } from './InputBox';

export function UrlErrors() {
  const errors = useStore((s) => s.urlErrors);
  const input = useStore((s) => s.urlRejectedInput);
  const setErrors = useStore((s) => s.setUrlErrors);
  const [showInput, setShowInput] = useState(false);
  if (!errors.length) return null;
  return (
    <div className="url-errors" role="alert" data-testid="url-error">
      <b>This link had a problem:</b>
      <ul>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
      {input !== undefined && (
        <button type="button" className="link" onClick={() => setShowInput(!showInput)} aria-expanded={showInput} data-testid="show-link-input">
          {showInput ? 'hide the link’s scenario' : 'show the link’s scenario'}
        </button>
      )}{' '}
      <button type="button" className="link" onClick={() => setErrors([])}>
        Dismiss
      </button>
      {input !== undefined && showInput && <InputBox input={input} fileName="link-scenario.json" />}
    </div>
  );
}
