/**
 * cloneWorld.ts - a copy of a world for the search to go on from, without structuredClone's
 * cost: the world is plain JSON data, so a copy of its objects and arrays is exact. Tasks,
 * frames and modules, copied at every choice, take object spreads (V8 copies those fast); the
 * rest is copied recursively, so a field added to the world is copied too. What is never changed
 * once written is shared: log lines, failures and stalls (only ever appended).
 */
import type { Frame, ModuleInstance, Task, World } from '../model/world';

function copy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = copy(v[i]);
    return out as T;
  }
  // Dictionaries keyed by user input have no prototype (model/dict.ts): keep it that way.
  const out: Record<string, unknown> = Object.getPrototypeOf(v) === null ? Object.create(null) : {};
  for (const k in v) out[k] = copy((v as Record<string, unknown>)[k]);
  return out as T;
}

function cloneFrame(f: Frame): Frame {
  const l: Frame['l'] = {};
  for (const k in f.l) {
    const v = f.l[k];
    l[k] = typeof v === 'object' && v !== null ? copy(v) : v;
  }
  return { fn: f.fn, pc: f.pc, l };
}

function cloneTask(t: Task): Task {
  const o = { ...t };
  o.frames = t.frames.map(cloneFrame);
  if (t.wait) o.wait = { ...t.wait };
  if (t.env) o.env = copy(t.env);
  return o;
}

function cloneModule(m: ModuleInstance): ModuleInstance {
  const o = { ...m };
  o.holders = m.holders.slice();
  o.uses = m.uses.slice();
  o.params = copy(m.params);
  if (m.hiddenParams) o.hiddenParams = m.hiddenParams.slice();
  if (m.data) o.data = copy(m.data);
  return o;
}

export function cloneWorld(w: World): World {
  const out: Record<string, unknown> = {};
  for (const k in w) {
    const v = (w as unknown as Record<string, unknown>)[k];
    switch (k) {
      case 'tasks':
        out[k] = w.tasks.map(cloneTask);
        break;
      case 'modules':
        out[k] = w.modules.map(cloneModule);
        break;
      case 'runq':
      case 'dmesg':
      case 'userspace':
      case 'failures':
      case 'stalls':
        out[k] = (v as unknown[]).slice();
        break;
      default:
        out[k] = copy(v);
    }
  }
  return out as unknown as World;
}
