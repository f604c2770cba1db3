/**
 * TaskInspector.tsx - edits a user task: label, start time and its commands, each checked as it
 * is typed by the engine's own parser (its message under the input), reordered by dragging their
 * handle or with the arrows, with one-click commands for the items on the canvas.
 */
import { useState } from 'react';
import type { Scenario, TaskSpec } from '@engine';
import { useStore } from '../../store';
import { updateTask } from './docOps';
import { commandError } from './docCheck';
import { NameField, SecondsInput } from './InspectorFields';
import { FieldProblem } from './FieldProblem';

/** The list with items i and j swapped (a command moved up or down). */
export function swapped<T>(list: readonly T[], i: number, j: number): T[] {
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j], next[i]];
  return next;
}

/** The list with the item at `from` taken out and put back at `to` (a command dragged). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || to < 0 || from >= list.length || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/** The usual commands for each module and patch of the document. */
export function quickCommands(s: Scenario): { item: string; commands: string[] }[] {
  return [
    ...s.modules.map((m) => ({ item: m.name, commands: [`modprobe ${m.name}`, `rmmod ${m.name}`, `insmod ${m.name}.ko`] })),
    ...s.livepatches.map((p) => ({
      item: p.name,
      commands: [`modprobe ${p.name}`, `echo 0 > /sys/kernel/livepatch/${p.name}/enabled`, `rmmod ${p.name}`, `insmod ${p.name}.ko`],
    })),
  ];
}

export function TaskInspector({ t, label, path }: { t: TaskSpec; label: string; path: string }) {
  const doc = useStore((s) => s.builder.present);
  const edit = useStore((s) => s.builderEdit);
  const set = (f: (t: TaskSpec) => TaskSpec, field?: string) => edit((s) => updateTask(s, label, f), field && `task:${label}:${field}`);
  const setCommands = (commands: string[], field?: string) => set((x) => ({ ...x, commands }), field);
  // The command being dragged by its handle, and the one it is over (where it will land).
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  return (
    <>
      <NameField key={label} item={{ kind: 'task', name: label }} label="Task label" />
      <FieldProblem path={`${path}.id`} />
      <SecondsInput label="start time (s)" value={t.start} onChange={(v) => set(({ start: _s, ...x }) => (v === undefined ? x : { ...x, start: v }), 'start')} testId="insp-start" />
      <FieldProblem path={`${path}.start`} />
      <fieldset className="insp-group">
        <legend>commands, run one after another</legend>
        {t.commands.length === 0 && <div className="muted">none yet: add one below</div>}
        <ol className="insp-cmds">
          {t.commands.map((c, i) => {
            const err = commandError(c);
            return (
              <li
                key={i}
                className={`${dragged === i ? 'is-dragged' : ''}${over === i && dragged !== null && dragged !== i ? ' is-drop-target' : ''}`}
                data-testid="cmd-item"
                onDragOver={(e) => {
                  if (dragged === null) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setOver(i);
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragged !== null) setCommands(moved(t.commands, dragged, i));
                  setDragged(null);
                  setOver(null);
                }}
              >
                <div className="insp-row">
                  <span
                    className="drag-handle"
                    draggable
                    title="Drag to reorder (or use the arrows)"
                    aria-hidden="true"
                    data-testid="cmd-drag"
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = 'move';
                      // Firefox starts a drag only with data set.
                      e.dataTransfer.setData('text/plain', c);
                      setDragged(i);
                    }}
                    onDragEnd={() => {
                      setDragged(null);
                      setOver(null);
                    }}
                  >
                    ⠿
                  </span>
                  <input
                    value={c}
                    onChange={(e) => setCommands(t.commands.map((x, j) => (j === i ? e.target.value : x)), `cmd:${i}`)}
                    aria-label={`command ${i + 1}`}
                    aria-invalid={!!err}
                    className="mono"
                    spellCheck={false}
                    data-testid="cmd-input"
                  />
                  <button
                    type="button"
                    className="chip-x"
                    aria-label={`move command ${i + 1} up`}
                    title="Move up"
                    disabled={i === 0}
                    onClick={() => setCommands(swapped(t.commands, i, i - 1))}
                    data-testid="cmd-up"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="chip-x"
                    aria-label={`move command ${i + 1} down`}
                    title="Move down"
                    disabled={i === t.commands.length - 1}
                    onClick={() => setCommands(swapped(t.commands, i, i + 1))}
                    data-testid="cmd-down"
                  >
                    ↓
                  </button>
                  <button type="button" className="chip-x" aria-label={`remove command ${i + 1}`} onClick={() => setCommands(t.commands.filter((_x, j) => j !== i))}>
                    ×
                  </button>
                </div>
                {err && (
                  <div className="insp-error" data-testid="cmd-error">
                    {err}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <FieldProblem path={`${path}.commands`} />
        <button type="button" onClick={() => setCommands([...t.commands, ''])} data-testid="add-command">
          + command
        </button>
      </fieldset>
      <fieldset className="insp-group">
        <legend>quick insert</legend>
        {quickCommands(doc).map((q) => (
          <div key={q.item} className="insp-quick">
            {q.commands.map((c) => (
              <button key={c} type="button" className="quick" onClick={() => setCommands([...t.commands, c])} data-testid="quick-cmd" data-cmd={c}>
                {c}
              </button>
            ))}
          </div>
        ))}
        {doc.modules.length + doc.livepatches.length === 0 && <div className="muted">Add modules or livepatches first.</div>}
      </fieldset>
    </>
  );
}
