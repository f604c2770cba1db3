/**
 * kmod.ts - the user-space tools of kmod: modprobe, insmod, rmmod, with their exact messages and
 * exit codes (kmod tools/modprobe.c, insmod.c, rmmod.c). The v5.5 kernels run kmod of early 2020
 * (v27); the v7.1 kernels run kmod v34.2 (tools/*.c, libkmod/libkmod-module.c), whose rmmod prints
 * two lines for a failed delete_module() and garbles its "in use by" line.
 */
import type { Proc } from '../sim/ops';
import { call, next, num, ret, str, proc } from '../sim/ops';
import type { Ctx } from '../sim/context';
import type { Locals, World } from '../model/world';
import { ERRNO, strerror } from '../model/errno';
import { dieIfSignalled } from '../sim/exit';
import { module_refcount } from '../rules/refcount';
import { installedModulePath } from '../rules/names';

/** kmod's module_is_inkernel(): /sys/module/NAME/initstate reads 'live'. */
export function inKernel(w: World, name: string): boolean {
  return w.modules.some((m) => m.name === name && m.sysfs && m.state === 'MODULE_STATE_LIVE');
}

function err(k: Ctx, l: Locals, text: string): void {
  if (l.quiet !== true) k.out('stderr', text);
}

/**
 * The i-th module modprobe loads: its modules.dep line (deepest first), then NAME; null past the
 * end. Read from the static depmod data, not copied into the task's locals, so that fifty
 * modprobes of a thousand-module chain do not carry fifty copies of it in every checkpoint.
 */
function loadList(k: Ctx, l: Locals, i: number): string | null {
  const name = str(l, 'name');
  const deps = k.env.deps.get(name) ?? [];
  return i < deps.length ? deps[i] : i === deps.length ? name : null;
}

/** modprobe: dependencies first (deepest first), then NAME; -EEXIST counts as success. */
export const modprobe = proc({ labels: { loop: 'next module of its list (dependencies first)' } }, {
  start: (k, l) => {
    const name = str(l, 'name');
    if (!k.env.files[name] || !k.env.deps.has(name)) {
      err(k, l, `modprobe: FATAL: Module ${name} not found in directory /lib/modules/${k.w.release}`);
      return ret(1);
    }
    if (inKernel(k.w, name)) {
      if (l.firstTime === true) {
        err(k, l, `modprobe: ERROR: could not insert '${name}': Module already in kernel`);
        return ret(1);
      }
      k.note(`${name} is already in the kernel (initstate: live)`);
      return ret(0);
    }
    l.i = 0;
    return next('loop');
  },
  loop: (k, l) => {
    const i = num(l, 'i');
    const e = loadList(k, l, i);
    if (e === null) return ret(0);
    if (inKernel(k.w, e)) {
      k.note(`${e}: initstate is live, skip`);
      l.i = i + 1;
      return next('loop');
    }
    // The modules.dep path: the user's modprobe and the kernel's helper open the same file.
    return call('finit_module', { name: e, path: installedModulePath(k.w.release, e), params: e === l.name ? l.params : {} }, 'inserted');
  },
  inserted: (k, l) => {
    if (dieIfSignalled(k)) return next('loop');
    const r = num(l, 'ret');
    const e = loadList(k, l, num(l, 'i'));
    const name = str(l, 'name');
    if (r === 0 || (r === -ERRNO.EEXIST && !(l.firstTime === true && e === name))) {
      if (r === -ERRNO.EEXIST) k.note(`${e}: -EEXIST taken as success`);
      l.i = num(l, 'i') + 1;
      return next('loop');
    }
    // kmod names the module asked for on the command line, not the dependency that failed.
    const msg =
      r === -ERRNO.EEXIST
        ? 'Module already in kernel'
        : r === -ERRNO.ENOENT
          ? 'Unknown symbol in module, or unknown parameter (see dmesg)'
          : strerror(-r);
    err(k, l, `modprobe: ERROR: could not insert '${name}': ${msg}`);
    return ret(1);
  },
});

const INSMOD_MSG: Record<number, string> = {
  [ERRNO.ENOEXEC]: 'Invalid module format',
  [ERRNO.ENOENT]: 'Unknown symbol in module',
  [ERRNO.ESRCH]: 'Module has wrong symbol version',
  [ERRNO.EINVAL]: 'Invalid parameters',
};

export const insmod: Proc = {
  start: (k, l) => {
    if (!k.env.files[str(l, 'name')]) {
      k.out('stderr', `insmod: ERROR: could not load module ${str(l, 'file')}: No such file or directory`);
      return ret(1);
    }
    return call('finit_module', { name: l.name, path: l.file, params: l.params }, 'inserted');
  },
  inserted: (k, l) => {
    if (dieIfSignalled(k)) return next('start');
    const r = num(l, 'ret');
    if (r === 0) return ret(0);
    k.out('stderr', `insmod: ERROR: could not insert module ${str(l, 'file')}: ${INSMOD_MSG[-r] ?? strerror(-r)}`);
    return ret(1);
  },
};

/** rmmod: checks sysfs first (holders, refcnt), then delete_module(NAME, O_NONBLOCK). */
export const rmmod: Proc = {
  start: (k, l) => {
    const name = str(l, 'name');
    const m = k.w.modules.find((x) => x.name === name && x.sysfs);
    if (!m) {
      k.out('stderr', `rmmod: ERROR: Module ${name} is not currently loaded`);
      return ret(1);
    }
    if (l.force !== true) {
      if (m.holders.length) {
        if (k.env.variant.kernel.rmmodGarbledHolders) {
          // kmod v34..v34.2 check_module_inuse(): ERR("Module %s is in use by:"), ERR(" %s") per
          // holder, ERR("\n"): each ERR() prints its own "rmmod: ERROR: " prefix.
          k.out('stderr', `rmmod: ERROR: Module ${name} is in use by:${m.holders.map((h) => `rmmod: ERROR:  ${h}`).join('')}rmmod: ERROR: `);
        } else {
          k.out('stderr', `rmmod: ERROR: Module ${name} is in use by: ${m.holders.join(' ')}`);
        }
        return ret(1);
      }
      if (module_refcount(m) > 0) {
        k.out('stderr', `rmmod: ERROR: Module ${name} is in use`);
        return ret(1);
      }
    }
    return call('delete_module', { name, force: l.force === true }, 'removed');
  },
  removed: (k, l) => {
    const r = num(l, 'ret');
    if (r === 0) return ret(0);
    // libkmod kmod_module_remove_module(): ERR(ctx, "could not remove '%s': %m\n").
    if (k.env.variant.kernel.rmmodLibkmodLine) k.out('stderr', `rmmod: ERROR: could not remove '${str(l, 'name')}': ${strerror(-r)}`);
    k.out('stderr', `rmmod: ERROR: could not remove module ${str(l, 'name')}: ${strerror(-r)}`);
    return ret(1);
  },
};
