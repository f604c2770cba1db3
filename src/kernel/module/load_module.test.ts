/**
 * load_module() behaviour (kernel/module.c v5.5), checked through small
 * scenarios. The loader is identical in every variant, so most cases run in all three kernels.
 */
import { describe, expect, it } from 'vitest';
import { bareCtx, cmds, dmesg, logLine, out, perTest, runIn, scn, taskOf } from '../../test/helpers';
import { finit_module } from './load_module';
import type { ModuleSpec } from '../../model/scenario';
import type { VariantId } from '../../model/variant';

const KERNELS: VariantId[] = ['upstream', 'split', 'split-poc19'];

const slow = (init: ModuleSpec['init']): ModuleSpec => ({ name: 'slow', exports: ['slow_fn'], init });

describe('add_unformed_module(): a same-name load waits (W1) while the first is not LIVE', () => {
  const s = scn({
    modules: [slow([{ sleep: 10 }, { print: 'slow_init' }])],
    tasks: [
      { id: 'T1', commands: ['modprobe slow'] },
      { id: 'T2', start: 1, commands: ['insmod slow.ko'] },
      { id: 'T3', start: 1, commands: ['modprobe slow'] },
      { id: 'T4', start: 2, commands: ['cat /sys/module/slow/initstate'] },
    ],
  });

  for (const v of KERNELS) {
    it(`[${v}] both waiters sleep in add_unformed_module until slow is LIVE, then get -EEXIST`, () => {
      const t = runIn(v, s);
      const blocks = t.steps.filter((x) => x.kind === 'block' && x.fn === 'add_unformed_module');
      expect(blocks.map((x) => [x.label, x.t])).toEqual([
        ['T2', 1000],
        ['T3', 1000],
      ]);
      // modprobe also calls finit_module: initstate 'coming' does not count as "already in kernel".
      expect(out(t)).toEqual(['coming', 'insmod: ERROR: could not insert module slow.ko: File exists']);
      // insmod reports EEXIST; modprobe takes it as success and exits 0.
      expect(t.final.failures.map((f) => f.task)).toEqual(['T2']);
      expect(dmesg(t)).toEqual(['slow: slow_init']);
      expect(t.steps.find((x) => x.out?.some((o) => o.text.endsWith('File exists')))?.t).toBe(10_000);
    });
  }

  it('a LIVE module: insmod says File exists, modprobe exits 0, modprobe --first-time refuses', () => {
    const t = runIn(
      'upstream',
      scn({ modules: [{ name: 'core' }], tasks: [{ commands: ['insmod core.ko', 'insmod core.ko', 'modprobe core', 'modprobe --first-time core'] }] }),
    );
    expect(out(t)).toEqual([
      'insmod: ERROR: could not insert module core.ko: File exists',
      "modprobe: ERROR: could not insert 'core': Module already in kernel",
    ]);
    expect(t.final.failures.map((f) => f.command)).toEqual(['insmod core.ko', 'modprobe --first-time core']);
  });
});

describe('add_unformed_module(): when the first load fails, a waiter loads the module itself (P03 variant)', () => {
  const s = scn({
    modules: [slow([{ print: 'slow_init' }, { sleep: 10 }, { return: 'ENODEV' }])],
    tasks: [
      { id: 'T1', commands: ['modprobe slow'] },
      { id: 'T2', start: 1, commands: ['insmod slow.ko'] },
    ],
  });

  for (const v of KERNELS) {
    it(`[${v}] the init runs again in the waiter, which gets its own result`, () => {
      const t = runIn(v, s);
      expect(t.final.dmesg.map((l) => [l.time, l.text])).toEqual([
        [0, 'slow: slow_init'],
        [10_000, 'slow: slow_init'],
      ]);
      expect(out(t)).toEqual([
        "modprobe: ERROR: could not insert 'slow': No such device",
        'insmod: ERROR: could not insert module slow.ko: No such device',
      ]);
      expect(t.final.failures.map((f) => f.task)).toEqual(['T1', 'T2']);
      expect(t.final.modules).toEqual([]);
    });
  }

  it('a module being unloaded (GOING) also blocks a new load until it is freed', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'm', init: [{ print: 'm_init' }], exit: [{ sleep: 5 }, { print: 'm_exit' }] }],
        tasks: [
          { id: 'T1', commands: ['modprobe m', 'rmmod m'] },
          { id: 'T2', start: 1, commands: ['insmod m.ko'] },
        ],
      }),
    );
    expect(t.final.dmesg.map((l) => [l.time, l.text])).toEqual([
      [0, 'm: m_init'],
      [5000, 'm: m_exit'],
      [5000, 'm: m_init'],
    ]);
    expect(t.final.failures).toEqual([]);
    expect(t.final.modules.map((m) => [m.name, m.state])).toEqual([['m', 'MODULE_STATE_LIVE']]);
  });
});

describe('resolve_symbol_wait(): an importer waits at most 30 s per symbol for a COMING exporter (W2)', () => {
  for (const v of KERNELS) {
    it(`[${v}] gives up exactly 30 s of logical time after it started waiting`, () => {
      const t = runIn(
        v,
        scn({
          modules: [slow([{ sleep: 40 }, { print: 'slow_init' }]), { name: 'user', imports: ['slow_fn'] }],
          tasks: [
            { id: 'T1', commands: ['modprobe slow'] },
            { id: 'T2', start: 2.5, commands: ['insmod user.ko'] },
          ],
        }),
      );
      const gaveUp = logLine(t, 'user: gave up waiting for init of module slow.');
      expect(gaveUp.time).toBe(2500 + 30_000);
      expect(t.steps[gaveUp.step].t).toBe(2500 + 30_000);
      // It waited from the moment it blocked: the W2 block step is at t = 2.5 s.
      expect(t.steps.find((x) => x.kind === 'block' && x.fn === 'resolve_symbol_wait')?.t).toBe(2500);
      expect(logLine(t, 'user: Unknown symbol slow_fn (err -16)').time).toBe(32_500);
      expect(out(t)).toEqual(['insmod: ERROR: could not insert module user.ko: Device or resource busy']);
      expect(logLine(t, 'slow: slow_init').time).toBe(40_000);
    });
  }

  it('each symbol gets its own 30 s; every bad symbol is reported and the load fails with the last error', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [
          { name: 'slow', exports: ['s1', 's2'], init: [{ sleep: 100 }] },
          { name: 'other', exports: ['o1'] },
          { name: 'u1', imports: ['o1', 's1', 's2'] },
          { name: 'u2', imports: ['s1', 'o1'] },
        ],
        tasks: [
          { id: 'T1', commands: ['modprobe slow'] },
          { id: 'T2', start: 2, commands: ['insmod u1.ko'] },
          { id: 'T3', start: 2, commands: ['insmod u2.ko'] },
        ],
      }),
    );
    expect(t.final.dmesg.filter((l) => l.text.startsWith('u1:')).map((l) => [l.time, l.text])).toEqual([
      [2000, 'u1: Unknown symbol o1 (err -2)'],
      [32_000, 'u1: gave up waiting for init of module slow.'],
      [32_000, 'u1: Unknown symbol s1 (err -16)'],
      [62_000, 'u1: gave up waiting for init of module slow.'],
      [62_000, 'u1: Unknown symbol s2 (err -16)'],
    ]);
    expect(dmesg(t).filter((l) => l.startsWith('u2:'))).toEqual([
      'u2: gave up waiting for init of module slow.',
      'u2: Unknown symbol s1 (err -16)',
      'u2: Unknown symbol o1 (err -2)',
    ]);
    expect(out(t)).toEqual([
      'insmod: ERROR: could not insert module u2.ko: Unknown symbol in module',
      'insmod: ERROR: could not insert module u1.ko: Device or resource busy',
    ]);
  });

  it('succeeds as soon as the exporter goes LIVE, and then holds a reference on it', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [slow([{ sleep: 10 }]), { name: 'user', imports: ['slow_fn'], init: [{ print: 'user_init' }] }],
        tasks: [
          { id: 'T1', commands: ['modprobe slow'] },
          { id: 'T2', start: 1, commands: ['insmod user.ko', 'cat /sys/module/slow/holders', 'cat /sys/module/slow/refcnt'] },
        ],
      }),
    );
    expect(logLine(t, 'user: user_init').time).toBe(10_000);
    expect(out(t)).toEqual(['user', '1']);
    expect(dmesg(t)).not.toContain('user: gave up waiting for init of module slow.');
  });

  it("if the exporter's init fails, the importer's retry finds no symbol: err -2", () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [slow([{ sleep: 10 }, { return: 'ENODEV' }]), { name: 'user', imports: ['slow_fn'] }],
        tasks: [
          { id: 'T1', commands: ['modprobe slow'] },
          { id: 'T2', start: 1, commands: ['insmod user.ko'] },
        ],
      }),
    );
    expect(t.final.dmesg.map((l) => [l.time, l.text])).toEqual([[10_000, 'user: Unknown symbol slow_fn (err -2)']]);
    expect(out(t)).toContain('insmod: ERROR: could not insert module user.ko: Unknown symbol in module');
  });
});

describe('do_init_module()', () => {
  it('an init returning a positive value prints the two do_init_module lines and the module loads anyway', () => {
    const t = runIn('upstream', scn({ modules: [{ name: 'pos', init: [{ return: 3 }] }], tasks: [{ commands: ['insmod pos.ko', 'cat /sys/module/pos/initstate'] }] }));
    expect(dmesg(t)).toEqual([
      "do_init_module: 'pos'->init suspiciously returned 3, it should follow 0/-E convention",
      'do_init_module: loading module anyway...',
    ]);
    expect(out(t)).toEqual(['live']);
    expect(t.final.failures).toEqual([]);
  });

  it('the fail path: module_put() of the init reference, then GOING while klp_module_going() runs (/sys/module/bad still there)', () => {
    // Fine granularity: T2 reads sysfs right after T1's do_init_module() took the fail path.
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'bad', init: [{ print: 'bad_init' }, { return: 'ENODEV' }] }],
        tasks: [{ id: 'T1', commands: ['modprobe bad'] }, { id: 'T2', commands: ['cat /sys/module/bad/initstate', 'cat /sys/module/bad/refcnt'] }],
      }),
      { granularity: 'fine', schedule: [...Array<string>(15).fill('T1'), ...Array<string>(7).fill('T2')], maxSteps: 300 },
    );
    const failPath = t.steps.findIndex((x) => x.label === 'T1' && x.kind === 'call' && x.fn === 'klp_module_going');
    expect(t.steps[failPath].text).toBe('bad->init returned -19: fail path; bad#1: MODULE_STATE_COMING -> MODULE_STATE_GOING; klp_module_going(bad#1)');
    expect(t.steps.findIndex((x) => x.label === 'T2' && x.kind === 'call' && x.fn === 'shCommand')).toBeGreaterThan(failPath);
    expect(out(t)).toEqual(['going', '0', "modprobe: ERROR: could not insert 'bad': No such device"]);
  });

  it('an init returning -errno fails the load with that errno and frees the module', () => {
    const t = runIn('upstream', scn({ modules: [{ name: 'bad', init: [{ return: 'ENODEV' }] }], tasks: [{ commands: ['modprobe bad', 'cat /sys/module/bad/initstate'] }] }));
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'bad': No such device", 'cat: /sys/module/bad/initstate: No such file or directory']);
    expect(t.final.modules).toEqual([]);
  });
});

describe('complete_formation(): exported symbols must be unique', () => {
  const s = scn({
    modules: [{ name: 'core', exports: ['core_fn'] }, { name: 'dup', exports: ['core_fn'], init: [{ print: 'never' }] }],
    tasks: [{ commands: ['modprobe core', 'insmod dup.ko', 'modprobe dup'] }],
  });

  for (const v of KERNELS) {
    it(`[${v}] exports duplicate symbol -> ENOEXEC: insmod "Invalid module format", modprobe "Exec format error"`, () => {
      const t = runIn(v, s);
      expect(dmesg(t)).toEqual(['dup: exports duplicate symbol core_fn (owned by core)', 'dup: exports duplicate symbol core_fn (owned by core)']);
      expect(out(t)).toEqual([
        'insmod: ERROR: could not insert module dup.ko: Invalid module format',
        "modprobe: ERROR: could not insert 'dup': Exec format error",
      ]);
      expect(t.final.modules.map((m) => m.name)).toEqual(['core']);
    });
  }
});

describe('parse_args(): module parameters', () => {
  it("an unknown parameter is reported and ignored; known ones are set; the load succeeds", () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'par', params: { debug: { type: 'int', default: '0' } } }],
        tasks: [{ commands: ['modprobe par bogus=1 debug=2', 'cat /sys/module/par/parameters/debug'] }],
      }),
    );
    expect(dmesg(t)).toEqual(["par: unknown parameter 'bogus' ignored"]);
    expect(out(t)).toEqual(['2']);
    expect(t.final.failures).toEqual([]);
    expect(cmds(t)).toEqual(['modprobe par bogus=1 debug=2', 'cat /sys/module/par/parameters/debug']);
  });

  it('defaults apply when the parameter is not given', () => {
    const t = runIn(
      'upstream',
      scn({ modules: [{ name: 'par', params: { debug: { type: 'int', default: '7' } } }], tasks: [{ commands: ['insmod par.ko', 'cat /sys/module/par/parameters/debug'] }] }),
    );
    expect(out(t)).toEqual(['7']);
    expect(taskOf(t, 'U1').exitCode).toBe(0);
  });
});

describe('check_modinfo(): MODULE_INFO(livepatch, Y)', () => {
  it('"tainting kernel with TAINT_LIVEPATCH" is printed once per boot (pr_notice_once), before anything else of the load', () => {
    const t = runIn(
      'upstream',
      scn({
        livepatches: [
          { name: 'lp1', objects: [{ name: 'vmlinux' }] },
          { name: 'lp2', objects: [{ name: 'vmlinux' }] },
        ],
        tasks: [{ commands: ['modprobe lp1', 'modprobe lp2'] }],
      }),
    );
    expect(dmesg(t).filter((l) => l.includes('TAINT_LIVEPATCH'))).toEqual(['lp1: tainting kernel with TAINT_LIVEPATCH']);
    expect(dmesg(t)[0]).toBe('lp1: tainting kernel with TAINT_LIVEPATCH');
    expect(t.final.modules.every((m) => m.klp)).toBe(true);
  });
});

describe('what a same-name waiter in add_unformed_module() found, in its trace', () => {
  it('the COMING instance it waits for, then that instance LIVE: -EEXIST; the loader made /sys/module/slow before init', () => {
    const t = runIn(
      'upstream',
      scn({ modules: [slow([{ sleep: 10 }])], tasks: [{ id: 'T1', commands: ['modprobe slow'] }, { id: 'T2', start: 1, commands: ['insmod slow.ko'] }] }),
      { maxSteps: 300 },
    );
    const texts = (label: string) => t.steps.filter((x) => x.label === label && x.fn === 'add_unformed_module' && x.kind !== 'call').map((x) => x.text);
    expect(texts('T2')).toEqual([
      'slow#1 exists in MODULE_STATE_COMING: wait for it to finish loading',
      'sleeps in add_unformed_module() on slow',
      'slow#1 is already LIVE; add_unformed_module() = -EEXIST',
    ]);
    // mod_sysfs_setup() runs after prepare_coming_module(), before do_init_module().
    expect(t.steps.find((x) => x.label === 'T1' && x.kind === 'call' && x.fn === 'do_init_module')?.text).toBe('/sys/module/slow created (initstate: coming); do_init_module(slow#1)');
  });
});

describe('an UNFORMED module is invisible: find_symbol() and verify_exported_symbols() skip it, it has no /sys/module entry', () => {
  // core exports x and waits (UNFORMED, in resolve_symbol_wait()) for slow's s1 until slow is LIVE at 10 s.
  const t = perTest(() =>
    runIn(
      'upstream',
      scn({
        modules: [
          { name: 'slow', exports: ['s1'], init: [{ sleep: 10 }] },
          { name: 'core', exports: ['x'], imports: ['s1'] },
          { name: 'user', imports: ['x'] },
          { name: 'dup', exports: ['x'] },
        ],
        tasks: [
          { id: 'T1', commands: ['modprobe slow'] },
          { id: 'T2', start: 1, commands: ['insmod core.ko'] },
          { id: 'T3', start: 2, commands: ['cat /sys/module/core/initstate', 'insmod user.ko'] },
          { id: 'T4', start: 3, commands: ['insmod dup.ko'] },
        ],
      }),
      { maxSteps: 800 },
    ),
  );

  it('an importer does not find x in the UNFORMED core: Unknown symbol (err -2), and its load is unwound', () => {
    expect(t().final.dmesg.map((l) => [l.time, l.text])).toEqual([
      [2000, 'user: Unknown symbol x (err -2)'],
      [10_000, 'core: exports duplicate symbol x (owned by dup)'],
    ]);
    expect(out(t()).slice(0, 2)).toEqual(['cat: /sys/module/core/initstate: No such file or directory', 'insmod: ERROR: could not insert module user.ko: Unknown symbol in module']);
    expect(t().steps.find((x) => x.label === 'T3' && x.kind === 'ret' && x.fn === 'load_module')?.text).toBe(
      'free_modinfo -> free_unload -> unlink_mod; user#1 unlinked from the module list; wake_up_all(&module_wq) wakes 1 task; load_module() = -ENOENT',
    );
  });

  it('a second exporter of x loads while core is UNFORMED; core, formed later, is the duplicate (ENOEXEC)', () => {
    expect(out(t())[2]).toBe('insmod: ERROR: could not insert module core.ko: Invalid module format');
    expect(t().final.modules.map((m) => [m.name, m.state])).toEqual([
      ['dup', 'MODULE_STATE_LIVE'],
      ['slow', 'MODULE_STATE_LIVE'],
    ]);
  });
});

describe('prepare_coming_module() fails (klp_module_coming() refuses the module): bug_cleanup', () => {
  const s = scn({
    modules: [{ name: 'M', exports: ['m_fn'], init: [{ print: 'M_init' }] }],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
    tasks: [{ commands: ['modprobe lp', 'sysctl kernel.ftrace_enabled=0', 'modprobe M'] }],
  });
  const transitionsOfM = (t: ReturnType<typeof runIn>) => t.steps.flatMap((x) => (x.machines ?? []).filter((c) => c.name === 'M').map((c) => `${c.from ?? '-'} -> ${c.to}`));

  for (const [v, going] of [['upstream', false], ['v7.1', true]] as const) {
    it(`[${v}] M is freed without its init or klp_module_going()${going ? ', after MODULE_STATE_GOING (v5.11+)' : ', straight from COMING'}`, () => {
      const t = runIn(v, s, { maxSteps: 600 });
      expect(transitionsOfM(t)).toEqual([
        '- -> MODULE_STATE_UNFORMED',
        'MODULE_STATE_UNFORMED -> MODULE_STATE_COMING',
        ...(going ? ['MODULE_STATE_COMING -> MODULE_STATE_GOING', 'MODULE_STATE_GOING -> freed'] : ['MODULE_STATE_COMING -> freed']),
      ]);
      expect(t.steps.filter((x) => x.kind === 'ret' && x.fn === 'load_module').at(-1)?.text).toMatch(/^prepare_coming_module\(\) failed: bug_cleanup; /);
      expect(t.steps.some((x) => x.kind === 'call' && x.fn === 'klp_module_going')).toBe(false);
      expect(dmesg(t)).not.toContain('M: M_init');
      expect(out(t).at(-1)).toBe("modprobe: ERROR: could not insert 'M': Device or resource busy");
    });
  }
});

describe('parse_args(): values that do not parse fail the load with -EINVAL', () => {
  const par = { name: 'par', params: { n: { type: 'int' as const, default: '0' }, a: { type: 'intarray' as const, default: '' } } };
  const load = (arg: string) => runIn('upstream', scn({ modules: [par], tasks: [{ commands: [`modprobe par ${arg}`, 'cat /sys/module/par/initstate'] }] }), { maxSteps: 300 });

  for (const [arg, value, p] of [
    ['n=abc', 'abc', 'n'],
    ['n=1,2', '1,2', 'n'],
    ['a=1,x', '1,x', 'a'],
    ['a=x', 'x', 'a'],
  ] as const) {
    it(`${arg}: "\`${value}' invalid for parameter \`${p}'", modprobe fails, nothing loaded`, () => {
      const t = load(arg);
      expect(dmesg(t)).toEqual([`par: \`${value}' invalid for parameter \`${p}'`]);
      expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'par': Invalid argument", 'cat: /sys/module/par/initstate: No such file or directory']);
    });
  }

  it('an int and an int array that parse are set (param_set_int(), param_array_set())', () => {
    const t = runIn('upstream', scn({ modules: [par], tasks: [{ commands: ['modprobe par n=-3 a=1,0x2,3', 'cat /sys/module/par/parameters/n', 'cat /sys/module/par/parameters/a'] }] }), { maxSteps: 300 });
    expect(out(t)).toEqual(['-3', '1,0x2,3']);
    expect(dmesg(t)).toEqual([]);
  });

  it('a parameter with perm 0 has no file under /sys/module/NAME/parameters/', () => {
    const hidden = { name: 'hid', params: { secret: { type: 'int' as const, default: '1', hidden: true }, shown: { type: 'int' as const, default: '2' } } };
    const t = runIn('upstream', scn({ modules: [hidden], tasks: [{ commands: ['modprobe hid', 'cat /sys/module/hid/parameters/secret', 'cat /sys/module/hid/parameters/shown'] }] }), { maxSteps: 300 });
    expect(out(t)).toEqual(['cat: /sys/module/hid/parameters/secret: No such file or directory', '2']);
  });
});

describe('klp_find_object_module() binds only a klp_alive module (set by klp_module_coming())', () => {
  it('a patch enabled while M is COMING but before klp_module_coming() does not touch M; klp_module_coming() then applies it', () => {
    const s = scn({
      modules: [{ name: 'M', exports: ['m_fn'], init: [{ print: 'M_init' }] }],
      livepatches: [{ name: 'lp', callbacks: 'print', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
      tasks: [{ id: 'T1', commands: ['modprobe M'] }, { id: 'T2', commands: ['modprobe lp'] }],
    });
    // At the 7th choice both modules are formed (COMING); lp's load goes first.
    const t = runIn('upstream', s, { schedule: ['T1', 'T2', 'T1', 'T2', 'T1', 'T2', 'T2'], maxSteps: 600 });
    expect(dmesg(t)).toEqual([
      'lp: tainting kernel with TAINT_LIVEPATCH',
      "livepatch: enabling patch 'lp'",
      "livepatch: 'lp': initializing patching transition",
      'lp: pre_patch_callback: vmlinux',
      "livepatch: 'lp': starting patching transition",
      "livepatch: 'lp': completing patching transition",
      'lp: post_patch_callback: vmlinux',
      "livepatch: 'lp': patching complete",
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      'lp: post_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      'M: M_init',
    ]);
  });
});

describe('resolve_symbol(): a symbol no module exports is vmlinux\'s', () => {
  it('it resolves with no reference taken, whether or not other modules are loaded', () => {
    const t = runIn(
      'upstream',
      scn({ modules: [{ name: 'a', imports: ['printk'] }, { name: 'b', imports: ['printk'] }], tasks: [{ commands: ['insmod a.ko', 'insmod b.ko', 'cat /sys/module/a/holders', 'cat /sys/module/a/refcnt'] }] }),
      { maxSteps: 300 },
    );
    expect(out(t)).toEqual(['', '0']);
    expect(t.final.modules.map((m) => [m.name, m.state, m.uses])).toEqual([
      ['b', 'MODULE_STATE_LIVE', []],
      ['a', 'MODULE_STATE_LIVE', []],
    ]);
    expect(dmesg(t)).toEqual([]);
  });
});

describe('finit_module()', () => {
  it('a name with no module file on disk: -ENOENT before anything is loaded', () => {
    for (const v of ['upstream', 'v7.1'] as const) {
      const { k, w } = bareCtx(scn({ modules: [{ name: 'm' }], tasks: [{ commands: [] }] }), v);
      expect(finit_module.start(k, { name: 'nothere', path: '/root/nothere.ko' })).toEqual({ op: 'ret', value: -2 });
      expect(finit_module.start(k, { name: 'm', path: '/root/m.ko' }).op).toBe('call');
      expect(w.modules).toEqual([]);
    }
  });
});
