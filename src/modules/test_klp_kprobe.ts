/**
 * test_klp_kprobe.ts - test_modules/test_klp_kprobe.c (v6.13+): a plain module (not a livepatch,
 * no messages) that registers a kprobe on cmdline_proc_show, with an empty post_handler when the
 * bool parameter `has_post_handler` (0444, default true) is set. init returns register_kprobe()'s
 * result; exit unregisters it.
 */
import type { Proc } from '../sim/ops';
import { num, proc, ret } from '../sim/ops';
import { register_kprobe, unregister_kprobe } from '../kernel/kprobes';
import { kstrtobool } from '../rules/kstrtobool';

export const kprobeProcs: Record<string, Proc> = {
  test_klp_kprobe_init: proc({ kernelName: 'kprobe_init' }, {
    start: (k, l) => {
      const m = k.moduleById(num(l, 'mod'));
      if (!m) throw new Error('internal: test_klp_kprobe is gone');
      const post = kstrtobool(m.params.has_post_handler ?? 'Y', k.env.variant.kernel.kstrtoboolTrueFalse) ?? true;
      return ret(register_kprobe(k, m.name, 'cmdline_proc_show', post));
    },
  }),
  test_klp_kprobe_exit: proc({ kernelName: 'kprobe_exit' }, {
    start: (k, l) => {
      const m = k.moduleById(num(l, 'mod'));
      if (m) unregister_kprobe(k, m.name);
      return ret(0);
    },
  }),
};
