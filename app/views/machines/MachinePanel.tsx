/**
 * MachinePanel.tsx - the statechart of the module or livepatch picked (in the dependency graph or
 * from the list), drawn from the engine's own machine definition, with the state each object of
 * that name is in at the step shown and the transition that led there (machineStateAt()). A
 * second copy a nested load holds outside the module list (M#2, pendingLoads()) has a state of
 * its own too, and is drawn in it.
 */
import { useEffect, useMemo, useRef } from 'react';
import { machineDiagram, machineStateAt, machineSubjects, pendingLoadFate, pendingLoads, type MachineSubject, type PendingLoad } from '@engine';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';
import { Statechart } from './Statechart';

const KIND_LABEL: Record<MachineSubject['kind'], string> = { module: 'module', livepatch: 'livepatch' };

function subjectKey(s: MachineSubject): string {
  return `${s.kind}:${s.name}`;
}

export function MachinePanel() {
  const trace = useStore((s) => s.trace);
  const step = useStore((s) => Math.min(s.viewStep, s.trace.steps.length - 1));
  const subject = useStore((s) => s.machineSubject);
  const setSubject = useStore((s) => s.setMachineSubject);
  const setStep = useStore((s) => s.setStep);
  const subjects = useMemo(() => machineSubjects(trace), [trace]);
  // A subject picked in the graph may have no machine moving in this run (never loaded): listed anyway.
  const options = subject && !subjects.some((s) => subjectKey(s) === subjectKey(subject)) ? [...subjects, subject] : subjects;
  const at = useMemo(() => (subject ? machineStateAt(trace, subject.kind, subject.name, step) : null), [trace, subject, step]);
  const { world } = useStepWorld();
  const copies = useMemo<PendingLoad[]>(() => (subject?.kind === 'module' ? pendingLoads(world).filter((c) => c.name === subject.name) : []), [world, subject]);
  const occupants = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const x of at?.instances ?? []) m.set(x.state, [...(m.get(x.state) ?? []), x.label]);
    for (const c of copies) if (c.state) m.set(c.state, [...(m.get(c.state) ?? []), c.key]);
    return m;
  }, [at, copies]);
  const diagram = subject ? machineDiagram(subject.kind) : null;
  // A drawing larger than its panel scrolls (it is never shrunk): keep the current state in view.
  const scroller = useRef<HTMLDivElement>(null);
  const currentKey = `${subject ? subjectKey(subject) : ''}|${[...occupants.keys()].join(',')}`;
  useEffect(() => {
    const box = scroller.current;
    const node = box?.querySelector<SVGGElement>('[data-current="true"] rect');
    if (!box || !node) return;
    const b = node.getBoundingClientRect();
    const c = box.getBoundingClientRect();
    if (box.scrollWidth > box.clientWidth) box.scrollLeft += b.left + b.width / 2 - (c.left + c.width / 2);
    if (box.scrollHeight > box.clientHeight) box.scrollTop += b.top + b.height / 2 - (c.top + c.height / 2);
  }, [currentKey]);
  const select = (
    <label className="sc-pick">
      <select
        aria-label="Statechart of"
        data-testid="machine-subject"
        value={subject ? subjectKey(subject) : ''}
        onChange={(e) => {
          const v = e.target.value;
          setSubject(options.find((s) => subjectKey(s) === v) ?? null);
        }}
      >
        <option value="">{subjects.length ? 'pick a module or livepatch…' : 'no module loads in this run'}</option>
        {options.map((s) => (
          <option key={subjectKey(s)} value={subjectKey(s)}>
            {KIND_LABEL[s.kind]} {s.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Panel
      title="State machine"
      hint={subject ? undefined : 'click a module or livepatch in the graph, or pick one'}
      actions={
        <>
          {select}
          {subject && (
            <button type="button" className="sc-close" onClick={() => setSubject(null)} aria-label="Close the statechart">
              ×
            </button>
          )}
        </>
      }
      testId="panel-machine"
      className={`panel-machine${subject ? ' is-open' : ''}`}
    >
      {subject && diagram && at && (
        <div className="sc-body">
          <p className="sc-status" data-testid="machine-status">
            {at.instances.length === 0 && copies.length === 0 ? (
              <>
                {subject.name}: {at.last ? 'freed' : 'not created yet'} at this step
                {at.last && <> (step {at.last.step})</>}.
              </>
            ) : (
              at.instances.map((x, n) => (
                <span key={x.label}>
                  {n > 0 && '; '}
                  <code>{x.label}</code> {x.state}
                </span>
              ))
            )}
            {copies.map((c) => (
              <span key={c.key} data-testid="machine-copy" data-phase={c.phase}>
                {'; '}
                <code>{c.key}</code> {c.state ?? 'allocated'} by {c.task}: {pendingLoadFate(c)}
              </span>
            ))}
            {at.last && (
              <>
                {' '}— last transition{' '}
                <button type="button" className="link" onClick={() => setStep(at.last!.step)} title="Go to the step that took it">
                  step {at.last.step}
                </button>
                : <code>{at.last.event}</code> {at.last.from ? `${at.last.from} → ${at.last.to}` : `creates it in ${at.last.to}`}
              </>
            )}
          </p>
          <div className="sc-scroll" ref={scroller}>
            <Statechart
              diagram={diagram}
              occupants={occupants}
              taken={at.last}
              title={`Statechart of ${diagram.id === 'module' ? 'struct module' : 'struct klp_patch'} for ${subject.name}`}
            />
          </div>
        </div>
      )}
    </Panel>
  );
}
