/**
 * outcomeGroups.ts - outcomes told apart up to renaming of interchangeable tasks: "U1 -> H1 ->
 * U1" and "U2 -> H3 -> U2" are one deadlock when U1 and U2 run the same commands and H1 and H3
 * run the same `modprobe -q -- NAME`. A task stands for its role: a user task with its own
 * commands by its label, interchangeable user tasks by their class, a kernel task by what it runs.
 */
import type { Outcome } from '../model/trace';
import type { World } from '../model/world';
import type { Symmetry } from './stateKey';

/** The role of the task labelled `label` in `w`. */
function roleOf(w: World, sym: Symmetry, label: string): string {
  const t = w.tasks.find((x) => x.label === label);
  if (!t) return label;
  if (t.kind === 'user') {
    if (sym.labelsMatter) return label;
    const i = w.tasks.filter((x) => x.kind === 'user').indexOf(t);
    const c = sym.userClass[i] ?? -1;
    return c < 0 ? label : `user class ${c}`;
  }
  if (sym.labelsMatter) return label;
  // A helper by the module it loads, a kworker by its work function.
  return `${t.kind}: ${t.argv}`;
}

/** The rotation of a cycle that sorts first, so that a cycle has one spelling. */
function minRotation(xs: string[]): string[] {
  let best = xs;
  for (let i = 1; i < xs.length; i++) {
    const r = [...xs.slice(i), ...xs.slice(0, i)];
    if (r.join('\u0001') < best.join('\u0001')) best = r;
  }
  return best;
}

/** The group an outcome belongs to: equal for outcomes that differ only in interchangeable tasks. */
export function outcomeGroupKey(o: Outcome, w: World, sym: Symmetry): string {
  const roles = (o.cycle ?? []).map((l) => roleOf(w, sym, l));
  // A wait-for cycle has an order (each waits for the next); a list of blocked tasks does not.
  const isCycle = o.kind === 'deadlock' || o.kind === 'stall' ? !o.summary.includes('blocked forever') : false;
  const cycle = isCycle ? minRotation(roles) : [...roles].sort();
  const failures = o.failures.map((f) => [roleOf(w, sym, f.task), f.command, f.exit]);
  return JSON.stringify([o.kind, o.location ?? '', o.seedLocation ?? '', cycle, failures, o.warnings]);
}
