/**
 * loader.ts - presets P01-P04: the module loader alone (no livepatch), identical in all variants.
 */
import type { Preset } from './types';
import { mod, scenario, task } from './build';

type MainVariant = 'upstream' | 'split' | 'split-poc19';
function same<T>(e: T): Record<MainVariant, T> {
  return { upstream: e, split: e, 'split-poc19': e };
}

export const P01: Preset = {
  id: 'P01',
  title: 'Plain dependency',
  variant: 'upstream',
  summary:
    'drv uses a symbol exported by core, so depmod makes drv depend on core and modprobe loads core first. ' +
    'resolve_symbol() takes a reference: core is "used by" drv and cannot be removed before it.',
  scenario: scenario('P01 - plain dependency', {
    modules: [mod('core', { exports: ['core_fn'] }), mod('drv', { imports: ['core_fn'] })],
    tasks: [task('modprobe drv', 'lsmod', 'rmmod core', 'rmmod drv', 'rmmod core')],
  }),
  expected: same({
    outcome: 'error',
    dmesg: ['core: core_init', 'drv: drv_init', 'drv: drv_exit', 'core: core_exit'],
    userspace: ['core                   16384  1 drv', 'rmmod: ERROR: Module core is in use by: drv'],
  }),
};

export const P02: Preset = {
  id: 'P02',
  title: 'Unknown symbol',
  variant: 'upstream',
  summary:
    'insmod loads exactly one file and does not follow dependencies: with core absent, drv has an unresolved ' +
    'symbol and the load fails with -ENOENT. modprobe would have loaded core first.',
  scenario: scenario('P02 - unknown symbol', {
    modules: [mod('core', { exports: ['core_fn'] }), mod('drv', { imports: ['core_fn'] })],
    tasks: [task('insmod drv.ko', 'modprobe drv')],
  }),
  expected: same({
    outcome: 'error',
    dmesg: ['drv: Unknown symbol core_fn (err -2)', 'core: core_init', 'drv: drv_init'],
    userspace: ['insmod: ERROR: could not insert module drv.ko: Unknown symbol in module'],
  }),
};

export const P03: Preset = {
  id: 'P03',
  title: 'Same module loaded twice while its init runs',
  variant: 'upstream',
  summary:
    'slow\'s init sleeps 10 s. While it is COMING, a second insmod and a second modprobe of slow both find it ' +
    'in add_unformed_module() and sleep on module_wq (the wait behind the seed\'s location i). When slow goes ' +
    'LIVE they get -EEXIST: insmod reports it, modprobe takes it as success.',
  scenario: scenario('P03 - same name twice', {
    modules: [mod('slow', { exports: ['slow_fn'], init: [{ sleep: 10 }, { print: 'slow_init' }] })],
    tasks: [
      { id: 'T1', commands: ['modprobe slow'] },
      { id: 'T2', start: 1, commands: ['insmod slow.ko'] },
      { id: 'T3', start: 1, commands: ['modprobe slow'] },
    ],
  }),
  expected: same({
    outcome: 'error',
    dmesg: ['slow: slow_init'],
    userspace: ['insmod: ERROR: could not insert module slow.ko: File exists'],
    notUserspace: ["modprobe: ERROR: could not insert 'slow': File exists"],
  }),
};

export const P03f: Preset = {
  id: 'P03f',
  title: 'Same module loaded twice while its init fails',
  variant: 'v7.1',
  summary:
    "slow's init sleeps 10 s and then fails with -ENODEV. While it is COMING, an insmod of a copy of the file and " +
    'a second modprobe try to load it too. v5.5 waits in add_unformed_module() and then retries: each waiter loads ' +
    'slow itself, and its init fails again. Since v6.2 module_patient_check_exists() does not retry: the insmod gets ' +
    "-EBUSY once the first load failed, and since v6.5 the second modprobe, which opens the same file, is handed the " +
    "first load's -ENODEV by idempotent_complete().",
  scenario: scenario('P03f - same name twice, init fails', {
    modules: [mod('slow', { init: [{ sleep: 10 }, { print: 'slow_init failing' }, { return: 'ENODEV' }] })],
    tasks: [
      { id: 'T1', commands: ['modprobe slow'] },
      { id: 'T2', start: 1, commands: ['insmod slow.ko'] },
      { id: 'T3', start: 1, commands: ['modprobe slow'] },
    ],
  }),
  expected: {
    ...same({
      outcome: 'error' as const,
      dmesg: ['slow: slow_init failing', 'slow: slow_init failing', 'slow: slow_init failing'],
      userspace: ['insmod: ERROR: could not insert module slow.ko: No such device', "modprobe: ERROR: could not insert 'slow': No such device"],
      note: 'v5.5 add_unformed_module(): after the wait, `goto again`; the module is gone, so the waiter loads it itself.',
    }),
  },
};

export const P04: Preset = {
  id: 'P04',
  title: 'Importer waits for a COMING exporter (location ii)',
  variant: 'upstream',
  summary:
    'slow\'s init runs for 40 s. user imports slow_fn; strong_try_module_get() refuses a reference on a COMING ' +
    'module, so resolve_symbol_wait() sleeps, at most 30 s, then gives up with -EBUSY.',
  scenario: scenario('P04 - importer waits for a COMING exporter', {
    modules: [
      mod('slow', { exports: ['slow_fn'], init: [{ sleep: 40 }, { print: 'slow_init' }] }),
      mod('user', { imports: ['slow_fn'] }),
    ],
    tasks: [
      { id: 'T1', commands: ['modprobe slow'] },
      { id: 'T2', start: 1, commands: ['insmod user.ko'] },
    ],
  }),
  expected: same({
    outcome: 'error',
    dmesg: ['user: gave up waiting for init of module slow.', 'user: Unknown symbol slow_fn (err -16)', 'slow: slow_init'],
    userspace: ['insmod: ERROR: could not insert module user.ko: Device or resource busy'],
  }),
};
