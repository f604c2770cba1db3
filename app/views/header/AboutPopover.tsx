/**
 * AboutPopover.tsx - the seed patch in a few paragraphs: dependency types A-D, situations 1-3, the
 * two places (i, ii) in the module loader where a recursive load gets stuck, and where they moved
 * in Linux 7.1.
 */
import { useEffect, useRef } from 'react';
import { VARIANT_IDS, VARIANTS } from '@engine';
import { useStore } from '../../store';
import { startTour } from '../tour/Tour';

export function AboutPopover() {
  const open = useStore((s) => s.aboutOpen);
  const setOpen = useStore((s) => s.setAboutOpen);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, setOpen]);
  return (
    <div className="about-wrap">
      <button type="button" className="about-btn" aria-expanded={open} aria-controls="about" onClick={() => setOpen(!open)} data-testid="about-button">
        About
      </button>
      {open && (
        <div id="about" className="popover" role="dialog" aria-label="About the seed patch" tabIndex={-1} ref={ref} data-testid="about">
          <p>
            The <b>split livepatch POC</b> turns one livepatch into a module for vmlinux (<code>lp</code>) plus one per patched module (
            <code>lp__M</code>), which <code>klp_module_coming()</code> loads with <code>request_module()</code> whenever M loads. Symbol
            dependencies then come in four types: <b className="t-A">A</b> a livepatch uses a vmlinux export; <b className="t-B">B</b> it uses an
            export of the module it patches; <b className="t-C">C</b> a per-object module uses an export of its main livepatch module;{' '}
            <b className="t-D">D</b> it uses another module.
          </p>
          <p>
            Patch 19/23 names three ways this blocks: <b>situation 1</b> (type B: loading M loads lp__M, whose modprobe loads M again),{' '}
            <b>situation 2</b> (type C: enabling lp loads lp__M, whose modprobe loads lp again) and <b>situation 3</b> (type D: a cycle closed by
            the hidden "M loads lp__M" edge). The nested load gets stuck at <b>location (i)</b>, <code>add_unformed_module()</code> waiting for
            the COMING instance that waits for it, or at <b>location (ii)</b>, <code>resolve_symbol_wait()</code> because a COMING module gives
            no references. 19/23 returns -EEXIST from the nested load of the patch being enabled and drops livepatch references: it fixes
            situation 2 only.
          </p>
          <p>
            On <b>Linux 7.1</b> the nested load blocks earlier: a <code>modprobe</code> of a module whose load waits for it opens the same
            file and sleeps in <code>idempotent_wait_for_completion()</code> (v6.5) before the file is read; an <code>insmod</code> of another
            file of that name sleeps in <code>early_mod_check()</code> → <code>module_patient_check_exists()</code> (v6.4). Location (i) moved,
            and 19/23's hook in <code>add_unformed_module()</code> is never reached: the two <i>v7.1 split</i> kernels, marked hypothetical, show
            the POC as if rebased onto 7.1.
          </p>
          <details data-testid="about-kernels">
            <summary>The kernels and the files each follows</summary>
            <ul className="about-kernels">
              {VARIANT_IDS.map((id) => (
                <li key={id}>
                  <b>{VARIANTS[id].label}</b>: {VARIANTS[id].follows}.
                </li>
              ))}
            </ul>
          </details>
          <p>
            <button type="button" className="link" onClick={startTour} data-testid="start-tour">
              Take the guided tour
            </button>{' '}
            of situation 2: the timeline moves to each step it talks about.
          </p>
          <button type="button" className="link" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      )}
    </div>
  );
}
