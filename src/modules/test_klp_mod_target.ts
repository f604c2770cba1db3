/**
 * test_klp_mod_target.ts - test_modules/test_klp_mod_target.c (v7.1): init prints its name, then
 * proc_create_single("test_klp_mod_target", 0, NULL, test_klp_mod_target_show); the show function
 * (noinline, so test_klp_mod_patch can patch it) prints "test_klp_mod_target: original output".
 * exit prints its name and removes the entry.
 */
import type { Proc } from '../sim/ops';
import { num, proc, ret } from '../sim/ops';

const NAME = 'test_klp_mod_target';

export const modTargetProcs: Record<string, Proc> = {
  test_klp_mod_target_init: proc({ kernelName: 'test_klp_mod_target_init' }, {
    start: (k, l) => {
      const m = k.moduleById(num(l, 'mod'));
      if (!m) throw new Error(`internal: ${NAME} is gone`);
      // pr_fmt is KBUILD_MODNAME: the module's own name; the /proc entry's name is a literal.
      k.printk(`${m.name}: test_klp_mod_target_init`);
      // proc_create_single() with mode 0: S_IRUGO.
      k.w.moduleFiles.push({ path: `/proc/${NAME}`, owner: m.name, mode: '-r--r--r--', fn: 'test_klp_mod_target_show', text: `${m.name}: original output` });
      return ret(0);
    },
  }),
  test_klp_mod_target_exit: proc({ kernelName: 'test_klp_mod_target_exit' }, {
    start: (k, l) => {
      const name = k.moduleById(num(l, 'mod'))?.name ?? NAME;
      k.printk(`${name}: test_klp_mod_target_exit`);
      k.w.moduleFiles = k.w.moduleFiles.filter((f) => f.owner !== name);
      return ret(0);
    },
  }),
};
