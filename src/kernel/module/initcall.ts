/**
 * do_one_initcall.ts - a module's own init and exit functions: scripted ops for scenario modules,
 * klp_enable_patch() / klp_add_object() for livepatch modules, or a model written in code.
 */
import type { Proc } from '../../sim/ops';
import { block, call, next, num, ret, proc } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import type { ModuleOp } from '../../model/scenario';
import type { Locals } from '../../model/world';
import { ERRNO } from '../../model/errno';
import { own } from '../../model/dict';

function opValue(v: string | number): number {
  if (typeof v === 'number') return v;
  // Stryker disable next-line Regex: errno names hold no '-', so /-/ also removes only a leading one
  const e = own(ERRNO as Record<string, number>, v.replace(/^-/, ''));
  // Stryker disable next-line ConditionalExpression,StringLiteral: validate.ts admits only ERRNO names, so no scenario reaches this throw
  if (e === undefined) throw new Error(`internal: unknown errno ${v}`);
  return -e;
}

function modName(k: Ctx, l: Locals): string {
  const m = k.moduleById(num(l, 'mod'));
  // Stryker disable next-line ConditionalExpression,StringLiteral: an invariant throw no run reaches (a module is freed only after its init or exit); m.name would throw too
  if (!m) throw new Error('internal: module gone during init/exit');
  return m.name;
}

/** Interpret a scripted body (ModuleOp[]) one op per step. */
function scripted(which: 'init' | 'exit'): Proc {
  const ops = (k: Ctx, l: Locals): ModuleOp[] => {
    const f = k.env.files[modName(k, l)];
    return (which === 'init' ? (f.init.kind === 'ops' ? f.init.ops : []) : f.exit) ?? [];
  };
  return {
    start: (k, l) => {
      l.i = 0;
      return next('op');
    },
    op: (k, l) => {
      const list = ops(k, l);
      const i = num(l, 'i');
      if (i >= list.length) return ret(0);
      l.i = i + 1;
      const op = list[i];
      const name = modName(k, l);
      if ('print' in op) {
        k.printk(`${name}: ${op.print}`);
        return next('op');
      }
      if ('sleep' in op) {
        return block({ kind: 'sleep', fn: 'msleep', until: k.now + op.sleep * 1000, killable: false }, 'op');
      }
      if ('return' in op) return ret(opValue(op.return));
      return call('request_module', { name: op.request_module }, 'op');
    },
  };
}

const initOps = scripted('init');
const exitOps = scripted('exit');

/** mod->init(). */
export const do_one_initcall: Proc = {
  start: (k, l) => {
    const name = modName(k, l);
    const f = k.env.files[name];
    switch (f.init.kind) {
      case 'klp_enable_patch':
        // A livepatch module modelled in code may do more in its init before klp_enable_patch().
        // Stryker disable next-line OptionalChaining: validate.ts admits only LIVEPATCH_MODEL_NAMES as a livepatch's model, so livepatchModel() finds it
        if (f.model && k.livepatchModel(f.model)?.init) return call(`${f.model}_init`, { mod: l.mod }, 'done');
        return call('klp_enable_patch', { mod: l.mod, patch: f.init.patch }, 'done');
      case 'klp_add_object':
        if (f.init.delay > 0 && l.slept !== true) {
          l.slept = true;
          return block({ kind: 'sleep', fn: 'msleep', until: k.now + f.init.delay * 1000, killable: false }, 'start');
        }
        return call('klp_add_object', { mod: l.mod, patch: f.init.patch, object: f.init.object }, 'done');
      case 'model':
        return call(`${f.model}_init`, { mod: l.mod }, 'done');
      default:
        return call('scriptedInit', { mod: l.mod }, 'done');
    }
  },
  done: (k, l) => ret(num(l, 'ret')),
};

/** mod->exit(). */
export const modExit = proc({ kernelName: 'mod->exit', hidden: true }, {
  start: (k, l) => {
    const f = k.env.files[modName(k, l)];
    // Stryker disable next-line OptionalChaining: validate.ts admits only LIVEPATCH_MODEL_NAMES as a livepatch's model, so livepatchModel() finds it
    if (f.model && (!f.livepatch || k.livepatchModel(f.model)?.exit)) return call(`${f.model}_exit`, { mod: l.mod }, 'done');
    return call('scriptedExit', { mod: l.mod }, 'done');
  },
  done: () => ret(0),
});

/** The body of a scripted module's init and exit (scenario `init` / `exit` steps). */
export const scriptedInit = proc({ kernelName: 'mod->init', labels: { op: "next step of the module's init" } }, initOps);
export const scriptedExit = proc({ kernelName: 'mod->exit', labels: { op: "next step of the module's exit" } }, exitOps);
