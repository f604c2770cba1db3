/**
 * load_module.ts - kernel/module.c (v5.5) and kernel/module/main.c (v7.1): finit_module() ->
 * load_module() in the kernel's order, with the duplicate-name wait (location i) and the symbol
 * wait (location ii). Where v7.1 differs, the code asks the kernel's capability flags
 * (model/variant.ts): the idempotent finit_module() layer (idempotent.ts), early_mod_check() and
 * module_patient_check_exists() (patient.ts), taints after add_unformed_module(), and
 * do_init_module()'s -EEXIST override.
 */
import type { Proc } from '../../sim/ops';
import { block, call, next, num, ret, str, yieldTo, proc } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import type { Locals, ModuleInstance } from '../../model/world';
import { ERRNO } from '../../model/errno';
import { free_module, ref_module } from './refs';
import { RESOLVE_SYMBOL_TIMEOUT_MS } from '../../rules/limits';
import { instanceName } from '../../rules/names';
import { kstrtobool } from '../../rules/kstrtobool';
import { kstrtoint } from '../../rules/kstrtoint';
import { hasOwn, own, setOwn } from '../../model/dict';

const EINTR_RESTART = -ERRNO.ERESTARTSYS;

function modOf(k: Ctx, l: Locals): ModuleInstance {
  const m = k.moduleById(num(l, 'mod'));
  // Stryker disable next-line StringLiteral: an invariant's message; a load's own instance is freed only at the end of its failure paths
  if (!m) throw new Error(`internal: module instance #${String(l.mod)} is gone`);
  return m;
}

/** Unlink a module that failed to load and let same-name waiters re-check. */
function unlinkFailed(k: Ctx, m: ModuleInstance): void {
  free_module(k, m);
  k.wake_up_all_module_wq();
}

/** finit_module(2): the syscall modprobe and insmod use; `path` is the file they opened. */
export const finit_module: Proc = {
  start: (k, l) => {
    if (!k.env.files[str(l, 'name')]) return ret(-ERRNO.ENOENT);
    // v6.5+: concurrent loads of one file share the first loader's result.
    if (k.env.variant.kernel.idempotentFinit) return call('idempotent_init_module', { name: l.name, path: l.path ?? '', params: l.params ?? {} }, 'done');
    return call('load_module', { name: l.name, params: l.params ?? {} }, 'done');
  },
  done: (k, l) => ret(num(l, 'ret')),
};

/** check_modinfo_livepatch() (v5.5) or module_augment_kernel_taints() (v6.4+): TAINT_LIVEPATCH, pr_notice_once(). */
function taintLivepatch(k: Ctx, name: string): void {
  if (!k.env.files[name]?.livepatch || k.w.taintLivepatch) return;
  k.w.taintLivepatch = true;
  k.printk(`${name}: tainting kernel with TAINT_LIVEPATCH`);
}

export const load_module = proc({ labels: { complete_formation: 'complete_formation()', allocate: 'layout_and_allocate()' } }, {
  start: (k, l) => {
    const file = k.env.files[str(l, 'name')];
    // v6.4+: early_mod_check() looks for a same-name module before anything is allocated.
    if (k.env.variant.kernel.patientCheckExists) return call('early_mod_check', { name: file.name }, 'allocate');
    // v5.5 check_modinfo(): MODULE_INFO(livepatch, Y) sets mod->klp and taints the kernel once,
    // before add_unformed_module(), so a refused duplicate can be the one that prints it.
    taintLivepatch(k, file.name);
    return call('add_unformed_module', { name: file.name, klp: !!file.livepatch }, 'formed');
  },
  allocate: (k, l) => {
    const r = num(l, 'ret');
    if (r < 0) return ret(r); // free_copy: nothing was allocated
    const file = k.env.files[str(l, 'name')];
    return call('add_unformed_module', { name: file.name, klp: !!file.livepatch }, 'formed');
  },
  formed: (k, l) => {
    const r = num(l, 'ret');
    if (r < 0) return ret(r);
    // The instance add_unformed_module() just inserted for this task.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: it was put at the head of the list by the step just before, with no choice in between, so any weaker predicate finds the same instance
    const mine = k.w.modules.find((m) => m.name === str(l, 'name') && m.owner === k.task.pid && m.state === 'MODULE_STATE_UNFORMED');
    // Stryker disable next-line ConditionalExpression,StringLiteral: an invariant: add_unformed_module() returned 0 only after inserting it
    if (!mine) throw new Error('internal: add_unformed_module() inserted nothing');
    l.mod = mine.id;
    // v6.4+ module_augment_kernel_taints(): only once the module is unique in the list.
    // Stryker disable next-line ConditionalExpression: before v6.4 load_module() already called taintLivepatch() in start, and a second call prints nothing (pr_notice_once)
    if (k.env.variant.kernel.taintAfterUnique) taintLivepatch(k, mine.name);
    return yieldTo('symbols');
  },
  symbols: (k, l) => call('simplify_symbols', { mod: l.mod }, 'symbols_done'),
  symbols_done: (k, l) => {
    const r = num(l, 'ret');
    if (r < 0) {
      k.note('free_modinfo -> free_unload -> unlink_mod');
      unlinkFailed(k, modOf(k, l));
      return ret(r);
    }
    return next('complete_formation');
  },
  complete_formation: (k, l) => {
    const m = modOf(k, l);
    const file = k.env.files[m.name];
    // verify_exported_symbols(): an export may exist only once.
    for (const s of file.exports) {
      // depmod's table says which module files export s: look for a formed instance of one.
      // Stryker disable next-line ArrayDeclaration: depmod's table lists every symbol a module file exports, so s is always there
      const names = own(k.env.exporters, s) ?? [];
      // find_symbol() skips UNFORMED modules, m itself included (it is UNFORMED until complete_formation()).
      const owner = k.w.modules.find((o) => o.state !== 'MODULE_STATE_UNFORMED' && names.includes(o.name));
      if (owner) {
        k.printk(`${m.name}: exports duplicate symbol ${s} (owned by ${owner.name})`);
        unlinkFailed(k, m);
        return ret(-ERRNO.ENOEXEC);
      }
    }
    k.moduleEvent(m, 'complete_formation');
    return yieldTo('prepare_coming_module');
  },
  prepare_coming_module: (k, l) => call('klp_module_coming', { mod: l.mod }, 'coming_done'),
  coming_done: (k, l) => {
    const r = num(l, 'ret');
    const m = modOf(k, l);
    if (r < 0) {
      // bug_cleanup: no GOING notifier and no klp_module_going() on this path: kernel/module.c
      // load_module() jumps to bug_cleanup before any notifier ran. Since v5.11 bug_cleanup first
      // sets MODULE_STATE_GOING.
      k.note('prepare_coming_module() failed: bug_cleanup');
      if (k.env.variant.kernel.bugCleanupGoing) k.moduleEvent(m, 'coming_cleanup');
      unlinkFailed(k, m);
      return ret(r);
    }
    // parse_args(): unknown parameters are reported and ignored; a bad value fails the load.
    const file = k.env.files[m.name];
    const params = (l.params ?? {}) as Record<string, string>;
    for (const [p, v] of Object.entries(params)) {
      if (!hasOwn(file.params, p)) {
        k.printk(`${m.name}: unknown parameter '${p}' ignored`);
        continue;
      }
      const spec = own(file.params, p)!;
      if (!paramValueOk(k, spec.type, v)) {
        // parse_args(): pr_err("%s: `%s' invalid for parameter `%s'\n", doing, val, param)
        k.printk(`${m.name}: \`${v}' invalid for parameter \`${p}'`);
        l.err = -ERRNO.EINVAL;
        return next('coming_cleanup');
      }
      setOwn(m.params, p, v);
    }
    // mod_sysfs_setup(): /sys/module/NAME appears now, so modprobe sees initstate 'coming'.
    m.sysfs = true;
    k.note(`/sys/module/${m.name} created (initstate: coming)`);
    return call('do_init_module', { mod: l.mod }, 'init_done');
  },
  /** coming_cleanup: MODULE_STATE_GOING, the GOING notifiers and klp_module_going(), then the unwind. */
  coming_cleanup: (k, l) => {
    k.moduleEvent(modOf(k, l), 'coming_cleanup');
    return call('klp_module_going', { mod: l.mod }, 'unwound');
  },
  unwound: (k, l) => {
    unlinkFailed(k, modOf(k, l));
    return ret(num(l, 'err'));
  },
  init_done: (k, l) => ret(num(l, 'ret')),
});

/** param_set_bool() / param_set_int() / param_array_set(): does the value parse? */
function paramValueOk(k: Ctx, type: 'int' | 'bool' | 'intarray', v: string): boolean {
  if (type === 'bool') return kstrtobool(v, k.env.variant.kernel.kstrtoboolTrueFalse) !== null;
  if (type === 'int') return kstrtoint(v) !== null;
  return v.split(',').every((x) => kstrtoint(x) !== null);
}

/**
 * add_unformed_module(): insert the module as UNFORMED, or deal with a same-name instance:
 * LIVE -> -EEXIST; anything else -> sleep on module_wq until it is LIVE or gone (location i).
 * With POC 19, klp_break_recursion() returns -EEXIST before sleeping.
 */
export const add_unformed_module = proc({ labels: { patient: 'module_patient_check_exists()' } }, {
  start: (k, l) => {
    if (k.env.variant.kernel.patientCheckExists) return next('patient');
    if (l.signal) return ret(EINTR_RESTART);
    const name = str(l, 'name');
    const old = k.findAny(name);
    if (!old) return insertUnformed(k, name, l.klp === true);
    if (old.state === 'MODULE_STATE_LIVE') {
      k.note(`${instanceName(old)} is already LIVE`);
      return ret(-ERRNO.EEXIST);
    }
    k.note(`${instanceName(old)} exists in ${old.state}: wait for it to finish loading`);
    if (k.env.variant.breakRecursion) return call('klp_break_recursion', { name, klp: l.klp }, 'broken');
    return next('wait');
  },
  broken: (k, l) => {
    if (num(l, 'ret') === 1) return ret(-ERRNO.EEXIST);
    return next('wait');
  },
  /**
   * wait_event_interruptible(module_wq, finished_loading(name)): the condition is checked before
   * sleeping, so a load that finished meanwhile (while klp_break_recursion() waited for
   * klp_mutex, or at fine granularity) is not waited for.
   */
  wait: (k, l) => {
    const name = str(l, 'name');
    if (finished_loading(k, name)) return next('start');
    return block({ kind: 'module_wq', fn: 'add_unformed_module', name, killable: true }, 'start');
  },
  /**
   * v6.4+: module_patient_check_exists(mod->name, FAIL_DUP_MOD_LOAD), then insert. In the
   * hypothetical rebase of 19/23 the klp_break_recursion() hook stays where the 2020 patch put it,
   * in add_unformed_module(), before the wait; early_mod_check() and the idempotent wait of
   * finit_module() come first, so a recursive load never gets here.
   */
  patient: (k, l) => {
    const name = str(l, 'name');
    const old = k.findAny(name);
    if (old && (old.state === 'MODULE_STATE_COMING' || old.state === 'MODULE_STATE_UNFORMED') && k.env.variant.breakRecursion) {
      return call('klp_break_recursion', { name, klp: l.klp === true }, 'patient_broken');
    }
    return call('module_patient_check_exists', { name, reason: 'FAIL_DUP_MOD_LOAD' }, 'patient_checked');
  },
  patient_broken: (k, l) => {
    if (num(l, 'ret') === 1) return ret(-ERRNO.EEXIST);
    return call('module_patient_check_exists', { name: l.name, reason: 'FAIL_DUP_MOD_LOAD' }, 'patient_checked');
  },
  patient_checked: (k, l) => {
    const r = num(l, 'ret');
    if (r < 0) return ret(r);
    return insertUnformed(k, str(l, 'name'), l.klp === true);
  },
});

/** The new instance goes at the head of the module list as MODULE_STATE_UNFORMED. */
function insertUnformed(k: Ctx, name: string, klp: boolean): ReturnType<typeof ret> {
  const m: ModuleInstance = {
    // Stryker disable next-line UpdateOperator: ids need only be unique, and counting down gives unique ids too
    id: k.w.nextModId++,
    inst: nextInstance(k, name),
    name,
    state: 'MODULE_STATE_UNFORMED',
    // module_unload_init(): MODULE_REF_BASE plus one reference held during init.
    refcnt: 2,
    holders: [],
    uses: [],
    klp,
    klpAlive: false,
    owner: k.task.pid,
    sysfs: false,
    params: defaultParams(k, name),
    work: null,
    permanent: isPermanent(k, name),
  };
  // Stryker disable next-line OptionalChaining: insertUnformed() is called with the name of a module file, so files[name] exists
  const hidden = Object.entries(k.env.files[name]?.params ?? {}).filter(([, spec]) => spec.hidden).map(([p]) => p);
  if (hidden.length) m.hiddenParams = hidden;
  k.w.modules.unshift(m); // list_add_rcu(&mod->list, &modules): at the head
  k.note(`${instanceName(m)} inserted as MODULE_STATE_UNFORMED`);
  k.machineChange({ machine: 'module', name, inst: m.inst, from: null, to: m.state, event: 'add_unformed_module' });
  k.mark('state');
  return ret(0);
}

/** The instance number of the next module of this name (M#1, M#2, ...). */
function nextInstance(k: Ctx, name: string): number {
  const n = (own(k.w.instSeq, name) ?? 0) + 1;
  setOwn(k.w.instSeq, name, n);
  return n;
}

/** finished_loading() (v5.5): no module of this name, or it is LIVE. */
function finished_loading(k: Ctx, name: string): boolean {
  const mod = k.findAny(name);
  return !mod || mod.state === 'MODULE_STATE_LIVE';
}

/** mod->init != NULL && mod->exit == NULL. */
function isPermanent(k: Ctx, name: string): boolean {
  const f = k.env.files[name];
  return !!f && f.exit === null && f.hasInit;
}

function defaultParams(k: Ctx, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  // Stryker disable next-line OptionalChaining: called with the name of a module file, so files[name] exists
  for (const [p, spec] of Object.entries(k.env.files[name]?.params ?? {})) setOwn(out, p, spec.default);
  return out;
}

/** simplify_symbols(): resolve every undefined symbol; report each failure, fail with the last. */
export const simplify_symbols = proc({ labels: { loop: 'next undefined symbol' } }, {
  start: (k, l) => {
    l.i = 0;
    l.err = 0;
    return next('loop');
  },
  loop: (k, l) => {
    const m = modOf(k, l);
    const imports = k.env.files[m.name].imports;
    const i = num(l, 'i');
    if (i >= imports.length) return ret(num(l, 'err'));
    return call('resolve_symbol_wait', { mod: l.mod, sym: imports[i] }, 'resolved');
  },
  resolved: (k, l) => {
    const m = modOf(k, l);
    const r = num(l, 'ret');
    const sym = k.env.files[m.name].imports[num(l, 'i')];
    if (r < 0) {
      k.printk(`${m.name}: Unknown symbol ${sym} (err ${r})`);
      l.err = r;
    }
    l.i = num(l, 'i') + 1;
    return next('loop');
  },
});

/**
 * resolve_symbol(): find_symbol() then ref_module(). Returns 0, -ENOENT (not found) or the
 * reference error (-EBUSY while the owner is COMING).
 */
function resolve_symbol(k: Ctx, m: ModuleInstance, sym: string): { err: number; owner: ModuleInstance | null } {
  const exporters = k.env.exporters[sym];
  if (!exporters) return { err: 0, owner: null }; // exported by vmlinux
  // find_symbol() skips UNFORMED modules, m itself included (it is UNFORMED while its symbols are
  // resolved); COMING, LIVE and GOING exporters count.
  const owner = k.w.modules.find((o) => o.state !== 'MODULE_STATE_UNFORMED' && exporters.includes(o.name));
  if (!owner) return { err: -ERRNO.ENOENT, owner: null };
  return { err: ref_module(k, m, owner), owner };
}

/** resolve_symbol_wait(): while the owner is COMING, wait on module_wq, at most 30 s. */
export const resolve_symbol_wait = proc({ labels: { check: 'looks the symbol up: find_symbol(), then ref_module()' } }, {
  start: (k, l) => {
    l.deadline = k.now + RESOLVE_SYMBOL_TIMEOUT_MS;
    return next('check');
  },
  check: (k, l) => {
    const m = modOf(k, l);
    const sym = str(l, 'sym');
    const { err, owner } = resolve_symbol(k, m, sym);
    if (err !== -ERRNO.EBUSY || !owner) return ret(err);
    if (l.timedOut || l.signal || k.now >= num(l, 'deadline')) {
      k.printk(`${m.name}: gave up waiting for init of module ${owner.name}.`);
      return ret(err);
    }
    l.owner = owner.name;
    return block(
      {
        kind: 'module_wq',
        fn: 'resolve_symbol_wait',
        name: owner.name,
        until: num(l, 'deadline'),
        killable: true,
      },
      'check',
    );
  },
});

/** do_init_module(): run init; LIVE on success, or the failure path that frees the module. */
export const do_init_module: Proc = {
  start: (k, l) => call('do_one_initcall', { mod: l.mod }, 'after_init'),
  after_init: (k, l) => {
    const m = modOf(k, l);
    const r = num(l, 'ret');
    if (r < 0) {
      // v7.1 (743f8cae549a): an init's -EEXIST would read as "already loaded" to kmod.
      l.err = r === -ERRNO.EEXIST && k.env.variant.kernel.initEexistToEbusy ? -ERRNO.EBUSY : r;
      k.note(`${m.name}->init returned ${r}: fail path`);
      k.moduleEvent(m, 'coming_cleanup');
      m.refcnt--; // module_put(): the reference held during init
      return call('klp_module_going', { mod: l.mod }, 'failed');
    }
    if (r > 0 && k.env.variant.kernel.initPositiveOneLine) {
      // v7.1 (663385f9155f): one line, no dump_stack().
      k.printk(`${m.name}: init suspiciously returned ${r}, it should follow 0/-E convention`);
    } else if (r > 0) {
      k.printk(`do_init_module: '${m.name}'->init suspiciously returned ${r}, it should follow 0/-E convention`);
      k.printk('do_init_module: loading module anyway...');
    }
    k.moduleEvent(m, 'init_done');
    m.refcnt--; // module_put(): drop the init reference
    k.wake_up_all_module_wq();
    return ret(0);
  },
  failed: (k, l) => {
    const m = modOf(k, l);
    free_module(k, m);
    k.wake_up_all_module_wq();
    return ret(num(l, 'err'));
  },
};
