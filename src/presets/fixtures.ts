/**
 * fixtures.ts - modules, livepatches and expected log sequences that several presets share.
 */
import { mod } from './build';

/** M exports m_fn; lp patches M. */
export const M = mod('M', { exports: ['m_fn'] });

/** Type C: lp__M uses lp_shared_cb, exported by the main livepatch module lp (seed situation 2). */
export const typeC = {
  modules: [M],
  livepatches: [
    {
      name: 'lp',
      callbacks: 'print' as const,
      objects: [
        { name: 'vmlinux', exports: ['lp_shared_cb'] },
        { name: 'M', funcs: ['m_fn'], imports: ['lp_shared_cb'] },
      ],
    },
  ],
};

/** Type B: lp__M uses m_fn of M, the module it patches (seed situation 1). */
export const typeB = {
  modules: [M],
  livepatches: [{ name: 'lp', callbacks: 'print' as const, objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'], imports: ['m_fn'] }] }],
};

/** The enable of 'lp' with printing callbacks while M is LIVE: vmlinux, then M. */
export const enableLpWithLiveM = [
  "livepatch: enabling patch 'lp'",
  "livepatch: 'lp': initializing patching transition",
  'lp: pre_patch_callback: vmlinux',
  'lp: pre_patch_callback: M -> [MODULE_STATE_LIVE] Normal state',
  "livepatch: 'lp': starting patching transition",
  "livepatch: 'lp': completing patching transition",
  'lp: post_patch_callback: vmlinux',
  'lp: post_patch_callback: M -> [MODULE_STATE_LIVE] Normal state',
  "livepatch: 'lp': patching complete",
];
