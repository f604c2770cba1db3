/**
 * sys_getpid.ts - the getpid() system call (kernel/sys.c), entered as __x64_sys_getpid on x86_64:
 * the function test_klp_syscall.c livepatches. When a livepatch redirects it, the replacement of
 * the livepatch module's model runs instead (lp_sys_getpid()).
 * A task runs lp_sys_getpid() once it has switched to the patch (sim/files.ts activeFunc()).
 * [S] The simulated call runs in one step, so a transition never finds a task inside it.
 */
import { proc, ret } from '../sim/ops';
import { activeFunc } from '../sim/files';
import { klpNewFunc } from './livepatch/funcs';

export const SYS_GETPID = '__x64_sys_getpid';

export const __x64_sys_getpid = proc({}, {
  start: (k) => {
    const a = activeFunc(k.w, SYS_GETPID, k.task.pid);
    if (a && !a.nop) {
      const spec = k.env.patches[a.patch.name];
      // Stryker disable next-line OptionalChaining: every klp_patch is enabled by a livepatch module built from a scenario livepatch of that name (sim/env.ts), so k.env.patches has its spec
      const model = spec?.model ? k.livepatchModel(spec.model) : undefined;
      const fn = klpNewFunc(k, a.patch, a.obj, SYS_GETPID);
      const mod = k.find_module(a.obj.carrier);
      const body = model?.functions?.[fn];
      if (body && mod) return ret(body(k, mod));
    }
    return ret(k.task.pid); // task_tgid_vnr(current)
  },
});
