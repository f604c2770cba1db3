/**
 * kmod's user-space tools as of early 2020: modprobe, insmod, rmmod, lsmod and
 * /proc/modules, with their exact messages and exit statuses.
 */
import { describe, expect, it } from 'vitest';
import { out, runIn, scn, taskOf } from '../test/helpers';
import type { ModuleSpec } from '../model/scenario';

const core: ModuleSpec = { name: 'core', exports: ['core_fn'] };
const drv: ModuleSpec = { name: 'drv', imports: ['core_fn'] };
const failing = (name: string, errno: string): ModuleSpec => ({ name, init: [{ return: errno }] });

describe('rmmod', () => {
  const s = scn({
    modules: [core, drv, { name: 'drv2', imports: ['core_fn'] }, { name: 'noexit', init: [{ print: 'hi' }], exit: null }],
    tasks: [{ commands: ['modprobe drv', 'modprobe drv2', 'modprobe noexit', 'rmmod nothere', 'rmmod core', 'rmmod noexit', 'rmmod -f noexit', 'rmmod drv'] }],
  });

  it('not loaded / in use by: holders / syscall error (init without exit: -EBUSY) / -f', () => {
    const t = runIn('upstream', s);
    expect(out(t)).toEqual([
      'rmmod: ERROR: Module nothere is not currently loaded',
      // rmmod lists /sys/module/core/holders/ in readdir order; the simulator lists newest first [S].
      'rmmod: ERROR: Module core is in use by: drv2 drv',
      'rmmod: ERROR: could not remove module noexit: Device or resource busy',
    ]);
    expect(t.final.failures.map((f) => [f.command, f.exit])).toEqual([
      ['rmmod nothere', 1],
      ['rmmod core', 1],
      ['rmmod noexit', 1],
    ]);
    expect(t.final.modules.map((m) => m.name)).toEqual(['drv2', 'core']);
  });

  it('-f skips the user-space checks, but the kernel still refuses a module with users (-EWOULDBLOCK)', () => {
    const t = runIn('upstream', scn({ modules: [core, drv], tasks: [{ commands: ['modprobe drv', 'rmmod -f core'] }] }));
    expect(out(t)).toEqual(['rmmod: ERROR: could not remove module core: Resource temporarily unavailable']);
  });

  it('refcnt > 0 without holders: "is in use" (a livepatch pinned by its patch, a module still in init)', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'slow', init: [{ sleep: 10 }] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
        tasks: [
          { id: 'T1', commands: ['modprobe lp', 'rmmod lp', 'modprobe slow'] },
          { id: 'T2', start: 1, commands: ['rmmod slow'] },
        ],
      }),
    );
    expect(out(t)).toEqual(['rmmod: ERROR: Module lp is in use', 'rmmod: ERROR: Module slow is in use']);
  });
});

describe('modprobe', () => {
  it('already LIVE: exit 0 without a syscall', () => {
    const t = runIn('upstream', scn({ modules: [core], tasks: [{ commands: ['modprobe core', 'modprobe core'] }] }));
    expect(t.steps.filter((x) => x.fn === 'finit_module' && x.kind === 'call')).toHaveLength(1);
    expect(t.final.failures).toEqual([]);
  });

  it('not found in modules.dep', () => {
    const t = runIn('upstream', scn({ tasks: [{ commands: ['modprobe nothere'] }] }));
    expect(out(t)).toEqual(['modprobe: FATAL: Module nothere not found in directory /lib/modules/5.5.0']);
    expect(t.final.failures).toEqual([{ task: 'U1', command: 'modprobe nothere', exit: 1 }]);
  });

  it('a failing dependency is reported under the name asked for on the command line', () => {
    const t = runIn('upstream', scn({ modules: [{ ...core, init: [{ return: 'ENODEV' }] }, drv], tasks: [{ commands: ['modprobe drv'] }] }));
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'drv': No such device"]);
  });

  it('-ENOENT gets kmod\'s special wording; other errors strerror()', () => {
    const t = runIn(
      'upstream',
      scn({ modules: [failing('a', 'ENOENT'), failing('b', 'EINVAL'), failing('c', 'EBUSY')], tasks: [{ commands: ['modprobe a', 'modprobe b', 'modprobe c'] }] }),
    );
    expect(out(t)).toEqual([
      "modprobe: ERROR: could not insert 'a': Unknown symbol in module, or unknown parameter (see dmesg)",
      "modprobe: ERROR: could not insert 'b': Invalid argument",
      "modprobe: ERROR: could not insert 'c': Device or resource busy",
    ]);
  });

  it('-q prints nothing but still exits 1', () => {
    const t = runIn('upstream', scn({ modules: [failing('a', 'ENODEV')], tasks: [{ commands: ['modprobe -q a', 'modprobe -q nothere'] }] }));
    expect(out(t)).toEqual([]);
    expect(t.final.failures.map((f) => f.exit)).toEqual([1, 1]);
  });

  it('loads dependencies first (core before drv)', () => {
    const t = runIn('upstream', scn({ modules: [{ ...core, init: [{ print: 'core_init' }] }, { ...drv, init: [{ print: 'drv_init' }] }], tasks: [{ commands: ['modprobe drv'] }] }));
    expect(t.final.dmesg.map((l) => l.text)).toEqual(['core: core_init', 'drv: drv_init']);
  });
});

describe('insmod', () => {
  it("maps errno like kmod's insmod", () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [failing('a', 'ENOEXEC'), failing('b', 'ENOENT'), failing('c', 'ESRCH'), failing('d', 'EINVAL'), failing('e', 'ENODEV')],
        tasks: [{ commands: ['insmod a.ko', 'insmod b.ko', 'insmod c.ko', 'insmod d.ko', 'insmod e.ko', 'insmod nothere.ko'] }],
      }),
    );
    expect(out(t)).toEqual([
      'insmod: ERROR: could not insert module a.ko: Invalid module format',
      'insmod: ERROR: could not insert module b.ko: Unknown symbol in module',
      'insmod: ERROR: could not insert module c.ko: Module has wrong symbol version',
      'insmod: ERROR: could not insert module d.ko: Invalid parameters',
      'insmod: ERROR: could not insert module e.ko: No such device',
      'insmod: ERROR: could not load module nothere.ko: No such file or directory',
    ]);
    // `sh -c` exits with its last command's status: the failed insmod of nothere.ko.
    expect(taskOf(t, 'U1').exitCode).toBe(1);
  });

  it('does not follow dependencies: Unknown symbol (err -2)', () => {
    const t = runIn('upstream', scn({ modules: [core, drv], tasks: [{ commands: ['insmod drv.ko'] }] }));
    expect(t.final.dmesg.map((l) => l.text)).toEqual(['drv: Unknown symbol core_fn (err -2)']);
    expect(out(t)).toEqual(['insmod: ERROR: could not insert module drv.ko: Unknown symbol in module']);
  });
});

describe('lsmod and /proc/modules', () => {
  const s = scn({ modules: [core, drv], tasks: [{ commands: ['modprobe drv', 'lsmod', 'cat /proc/modules'] }] });

  it('/proc/modules: name size refcount users, state, address', () => {
    const lines = out(runIn('upstream', s)).filter((l) => l.includes('0x'));
    expect(lines).toContain('core 16384 1 drv, Live 0x0000000000000000');
    expect(lines).toContain('drv 16384 0 - Live 0x0000000000000000');
  });

  it('livepatch modules carry the K taint, with + while COMING', () => {
    const t = runIn(
      'split',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', exports: ['lp_shared_cb'] }, { name: 'M', imports: ['lp_shared_cb'] }] }],
        tasks: [{ commands: ['modprobe M', 'modprobe lp'] }, { id: 'U2', start: 1, commands: ['cat /proc/modules'] }],
      }),
    );
    expect(out(t)).toContain('lp 16384 2 - Loading 0x0000000000000000 (K+)');
  });

  it('lsmod header', () => {
    expect(out(runIn('upstream', s))[0]).toBe('Module                  Size  Used by');
  });

  // kmod's tools/lsmod.c prints printf("%-19s %8ld  %d", name, size, use_count): the size ends in
  // column 28, under the "Size" header.
  it('lsmod columns: printf("%-19s %8ld  %d")', () => {
    const o = out(runIn('upstream', s));
    expect(o).toContain(`${'core'.padEnd(19)} ${'16384'.padStart(8)}  1 drv`);
  });

  // kernel/module.c add_unformed_module() inserts with list_add_rcu(&mod->list, &modules), at the
  // head, and m_start() walks from the head: /proc/modules and lsmod list the newest module first.
  it('/proc/modules and lsmod list the most recently loaded module first', () => {
    const o = out(runIn('upstream', s));
    const mods = o.filter((l) => l.includes(' Live '));
    expect(mods.map((l) => l.split(' ')[0])).toEqual(['drv', 'core']);
  });

  // kernel/module.c add_module_usage() does list_add(&use->source_list, &b->source_list), so
  // print_unload_info() lists the newest user first.
  it('/proc/modules lists the users of a module newest first', () => {
    const o = out(
      runIn('upstream', scn({ modules: [core, drv, { name: 'drv2', imports: ['core_fn'] }], tasks: [{ commands: ['modprobe drv', 'modprobe drv2', 'cat /proc/modules'] }] })),
    );
    expect(o).toContain('core 16384 2 drv2,drv, Live 0x0000000000000000');
  });

  // kernel/module.c print_unload_info() adds "[permanent]," for a module that has an init but no
  // exit function.
  it('/proc/modules marks a module without an exit function [permanent]', () => {
    const o = out(runIn('upstream', scn({ modules: [{ name: 'noexit', init: [{ print: 'hi' }], exit: null }], tasks: [{ commands: ['modprobe noexit', 'cat /proc/modules'] }] })));
    expect(o).toEqual(['noexit 16384 0 [permanent], Live 0x0000000000000000']);
  });
});

describe('modprobe --first-time while a module of its list is still COMING', () => {
  // core's init takes 2 s (it stays COMING); U2 starts at t = 1 s.
  const slowCore: ModuleSpec = { ...core, init: [{ sleep: 2 }] };
  const run2 = (second: string) =>
    runIn(
      'upstream',
      scn({
        modules: [slowCore, drv, { name: 'drv2', imports: ['core_fn'] }],
        tasks: [{ id: 'U1', commands: ['modprobe drv'] }, { id: 'U2', start: 1, commands: [second] }],
      }),
    );

  it('a dependency that another load finishes meanwhile (-EEXIST) is fine: only the named module must be new', () => {
    const t = run2('modprobe --first-time drv2');
    expect(out(t)).toEqual([]);
    expect(t.final.modules.map((m) => m.name).sort()).toEqual(['core', 'drv', 'drv2']);
  });

  it('the named module itself finished by another load is "already in kernel"', () => {
    const t = run2('modprobe --first-time core');
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'core': Module already in kernel"]);
    expect(t.final.failures).toEqual([{ task: 'U2', command: 'modprobe --first-time core', exit: 1 }]);
  });
});
