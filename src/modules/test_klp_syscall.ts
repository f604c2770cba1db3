/**
 * test_klp_syscall.ts - tools/testing/selftests/livepatch/test_modules/test_klp_syscall.c (v6.9+):
 * a livepatch of the getpid syscall (__x64_sys_getpid -> lp_sys_getpid()) with no callbacks and no
 * messages. `klp_pids` (int array, perm 0) lists PIDs; init creates
 * /sys/kernel/test_klp_syscall/npids ("%u\n" of npids_pending), then klp_enable_patch().
 * lp_sys_getpid() clears the caller from klp_pids and decrements npids_pending the first time a
 * listed task calls getpid() through the new code.
 */
import type { Ctx, LivepatchModel } from '../sim/context';
import type { ModuleInstance, Locals } from '../model/world';
import type { Proc } from '../sim/ops';
import { call, num, proc, ret } from '../sim/ops';

const NAME = 'test_klp_syscall';
const NPIDS = `/sys/kernel/${NAME}/npids`;

function mod(k: Ctx, l: Locals): ModuleInstance {
  const m = k.moduleById(num(l, 'mod'));
  if (!m) throw new Error(`internal: ${NAME} is gone`);
  return m;
}

/** lp_sys_getpid(): under a mutex, the first call of a listed task counts it; returns the tgid. */
function lp_sys_getpid(k: Ctx, m: ModuleInstance): number {
  const pids = (m.data?.klp_pids as number[] | undefined) ?? [];
  const pending = Number(m.data?.npids_pending ?? 0);
  if (pending > 0) {
    const i = pids.indexOf(k.task.pid);
    if (i >= 0) {
      pids[i] = 0;
      m.data = { ...m.data, klp_pids: [...pids], npids_pending: pending - 1 };
      k.note(`lp_sys_getpid(): ${k.task.label} switched; npids_pending = ${pending - 1}`);
    }
  }
  return k.task.pid;
}

export const testKlpSyscallModel: Record<string, LivepatchModel> = {
  [NAME]: { init: true, exit: true, functions: { lp_sys_getpid } },
};

export const syscallProcs: Record<string, Proc> = {
  test_klp_syscall_init: proc({ kernelName: 'test_klp_syscall_init' }, {
    start: (k, l) => {
      const m = mod(k, l);
      // module_param_array(klp_pids, int, &npids_pending, 0): npids_pending is the array's length.
      const raw = m.params.klp_pids ?? '';
      const pids = raw === '' ? [] : raw.split(',').map((x) => Number(x));
      m.data = { klp_pids: pids, npids_pending: pids.length };
      // kobject_create_and_add("test_klp_syscall", kernel_kobj); sysfs_create_file(npids, __ATTR_RO)
      // The sysfs directory's name is a literal; the patch is THIS_MODULE's, named after it.
      k.w.moduleFiles.push({ path: NPIDS, owner: m.name, mode: '-r--r--r--', dataKey: 'npids_pending' });
      return call('klp_enable_patch', { mod: l.mod, patch: m.name }, 'done');
    },
    done: (k, l) => ret(num(l, 'ret')),
  }),
  test_klp_syscall_exit: proc({ kernelName: 'test_klp_syscall_exit' }, {
    start: (k, l) => {
      // kobject_put(klp_kobj)
      const name = k.moduleById(num(l, 'mod'))?.name ?? NAME;
      k.w.moduleFiles = k.w.moduleFiles.filter((f) => f.owner !== name);
      return ret(0);
    },
  }),
};
