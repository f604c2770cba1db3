/**
 * docOps.ts - the builder's edits as pure functions from one scenario to the next: add, rename,
 * update and delete items. Each returns a new document (the old one stays intact for undo).
 */
import type { LivepatchSpec, ModuleSpec, Scenario, TaskSpec } from '@engine';
import { freshName, ITEM_NAME, TASK_LABEL, takenModuleNames, taskLabel, VMLINUX_NODE, type ItemKind, type ItemRef } from './builderDoc';

/** A module that prints NAME_init / NAME_exit, like the presets' modules: its load shows in dmesg. */
export function newModule(name: string): ModuleSpec {
  return { name, init: [{ print: `${name}_init` }], exit: [{ print: `${name}_exit` }] };
}

/** A livepatch always has its vmlinux object (the main livepatch module); callbacks make it visible in dmesg. */
export function newLivepatch(name: string): LivepatchSpec {
  return { name, callbacks: 'print', objects: [{ name: 'vmlinux' }] };
}

export function addItem(s: Scenario, kind: ItemKind): { scenario: Scenario; ref: ItemRef } {
  if (kind === 'task') {
    const name = freshName('U', new Set(s.tasks.map((_t, i) => taskLabel(s, i))));
    const task: TaskSpec = { id: name, commands: [] };
    return { scenario: { ...s, tasks: [...s.tasks, task] }, ref: { kind, name } };
  }
  const taken = takenModuleNames(s);
  if (kind === 'module') {
    const name = freshName('M', taken);
    return { scenario: { ...s, modules: [...s.modules, newModule(name)] }, ref: { kind, name } };
  }
  const name = freshName('lp', taken);
  return { scenario: { ...s, livepatches: [...s.livepatches, newLivepatch(name)] }, ref: { kind, name } };
}

export function updateModule(s: Scenario, name: string, f: (m: ModuleSpec) => ModuleSpec): Scenario {
  return { ...s, modules: s.modules.map((m) => (m.name === name ? f(m) : m)) };
}

export function updateLivepatch(s: Scenario, name: string, f: (p: LivepatchSpec) => LivepatchSpec): Scenario {
  return { ...s, livepatches: s.livepatches.map((p) => (p.name === name ? f(p) : p)) };
}

export function updateTask(s: Scenario, label: string, f: (t: TaskSpec) => TaskSpec): Scenario {
  return { ...s, tasks: s.tasks.map((t, i) => (taskLabel(s, i) === label ? f(t) : t)) };
}

/** `old` as a whole word of a command (`modprobe M1`, `insmod M1.ko`, `/sys/kernel/livepatch/lp1/enabled`). */
function replaceWord(text: string, old: string, next: string): string {
  const esc = old.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?<![A-Za-z0-9_-])${esc}(?![A-Za-z0-9_-])`, 'g'), next);
}

function renameInCommands(s: Scenario, old: string, next: string): Scenario {
  return { ...s, tasks: s.tasks.map((t) => ({ ...t, commands: t.commands.map((c) => replaceWord(c, old, next)) })) };
}

/**
 * Renames an item and whatever names it: patched objects, request_module steps and commands
 * (`modprobe M1` follows M1). Symbols keep their names: they are the code's, not the file's.
 */
export function renameItem(s: Scenario, ref: ItemRef, next: string): { scenario: Scenario } | { error: string } {
  if (next === ref.name) return { scenario: s };
  if (ref.kind === 'task') {
    if (!TASK_LABEL.test(next)) return { error: 'a label is a letter then up to 15 letters, digits, _ or -' };
    if (s.tasks.some((_t, i) => taskLabel(s, i) === next)) return { error: `there is already a task ${next}` };
    const renamed = updateTask(s, ref.name, (t) => ({ ...t, id: next }));
    return { scenario: renameInCommands(renamed, ref.name, next) };
  }
  if (!ITEM_NAME.test(next)) return { error: 'a name is 1-55 letters, digits or _' };
  // A patched object named vmlinux is the kernel: a module renamed so would take its objects there.
  if (next === VMLINUX_NODE) return { error: 'vmlinux is the kernel itself, not a module' };
  if (takenModuleNames(s).has(next)) return { error: `the name ${next} is taken` };
  const old = ref.name;
  let out: Scenario;
  if (ref.kind === 'module') {
    out = {
      ...updateModule(s, old, (m) => ({ ...m, name: next })),
      livepatches: s.livepatches.map((p) => ({ ...p, objects: p.objects.map((o) => (o.name === old ? { ...o, name: next } : o)) })),
    };
  } else {
    out = updateLivepatch(s, old, (p) => ({ ...p, name: next }));
  }
  out = {
    ...out,
    modules: out.modules.map((m) => ({
      ...m,
      ...(m.init ? { init: m.init.map((op) => ('request_module' in op && op.request_module === old ? { request_module: next } : op)) } : {}),
    })),
  };
  return { scenario: renameInCommands(out, old, next) };
}

/** Symbols still exported by some module or livepatch object. */
function exportedSymbols(s: Scenario): Set<string> {
  const out = new Set<string>();
  for (const m of s.modules) for (const e of m.exports ?? []) out.add(e);
  for (const p of s.livepatches) for (const o of p.objects) for (const e of o.exports ?? []) out.add(e);
  return out;
}

/** Drops imports of `gone` symbols that nobody exports any more (an empty list is left out). */
function dropImports(s: Scenario, gone: ReadonlySet<string>): Scenario {
  const left = exportedSymbols(s);
  const keep = (list: string[] | undefined): string[] | undefined => {
    if (!list) return list;
    const next = list.filter((x) => !gone.has(x) || left.has(x));
    return next.length ? next : undefined;
  };
  const clean = <T extends { imports?: string[] }>(x: T): T => {
    const imports = keep(x.imports);
    if (imports === x.imports) return x;
    const { imports: _old, ...rest } = x;
    return (imports ? { ...rest, imports } : rest) as T;
  };
  return {
    ...s,
    modules: s.modules.map(clean),
    livepatches: s.livepatches.map((p) => ({ ...p, objects: p.objects.map(clean) })),
  };
}

/**
 * Deletes an item and the references to it: its symbols from importers (unless another item
 * exports them too) and, for a module, the livepatch objects that patch it. Commands that name it
 * stay: `modprobe M1` of a missing module is a scenario too (it fails), and the user sees it.
 */
export function deleteItem(s: Scenario, ref: ItemRef): Scenario {
  if (ref.kind === 'task') return { ...s, tasks: s.tasks.filter((_t, i) => taskLabel(s, i) !== ref.name) };
  if (ref.kind === 'module') {
    // Its own exports, and those of the objects that patched it (they go with it).
    const gone = new Set([
      ...(s.modules.find((m) => m.name === ref.name)?.exports ?? []),
      ...s.livepatches.flatMap((p) => p.objects.filter((o) => o.name === ref.name).flatMap((o) => o.exports ?? [])),
    ]);
    const rest: Scenario = {
      ...s,
      modules: s.modules.filter((m) => m.name !== ref.name),
      // The first object is vmlinux, the main livepatch module's: it stays whatever the module's name.
      livepatches: s.livepatches.map((p) => ({ ...p, objects: p.objects.filter((o, i) => i === 0 || o.name !== ref.name) })),
    };
    return dropImports(rest, gone);
  }
  const patch = s.livepatches.find((p) => p.name === ref.name);
  const gone = new Set(patch?.objects.flatMap((o) => o.exports ?? []) ?? []);
  return dropImports({ ...s, livepatches: s.livepatches.filter((p) => p.name !== ref.name) }, gone);
}
