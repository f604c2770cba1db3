/**
 * depStyle.ts - how each dependency type looks and reads: one table for edges, labels and the
 * legend, so the three cannot drift apart. Colours are mid-tones readable on both themes.
 */
import type { DepType } from '@engine';

export interface DepStyle {
  color: string;
  dash?: string;
  /** Short name in the legend. */
  name: string;
  /** What the edge means, for tooltips. */
  meaning: string;
  /** The same in a few words, for the legend. */
  short: string;
}

export const DEP_STYLE: Record<DepType, DepStyle> = {
  A: { color: '#3b82f6', name: 'A', short: 'uses vmlinux', meaning: 'livepatch uses an export of vmlinux' },
  B: { color: '#f97316', name: 'B', short: 'uses the module it patches', meaning: 'livepatch uses an export of the module it patches' },
  C: { color: '#a855f7', name: 'C', short: 'uses its main livepatch', meaning: 'per-object livepatch uses an export of its main livepatch module' },
  D: { color: '#e11d48', name: 'D', short: 'uses another module', meaning: 'livepatch uses an export of another module' },
  plain: { color: '#64748b', name: 'dep', short: 'module uses module', meaning: 'module uses an export of another module' },
  implicit: { color: '#14b8a6', dash: '7 5', name: 'implicit', short: 'loading it loads the per-object livepatch', meaning: 'loading the module makes klp_module_coming() load the per-object livepatch (depmod cannot see this)' },
  patches: { color: '#94a3b8', dash: '2 4', name: 'patches', short: 'livepatch patches module', meaning: 'the livepatch module carries a patch for this module' },
};

/** The text on an edge: its type and the symbols it stands for, kept short. */
export function edgeLabel(type: DepType, symbols: string[]): string {
  if (type === 'implicit') return 'implicit: loads it';
  if (type === 'patches') return 'patches';
  const syms = symbols.length > 2 ? `${symbols.slice(0, 2).join(', ')} +${symbols.length - 2}` : symbols.join(', ');
  if (type === 'plain') return syms;
  return syms ? `${type}: ${syms}` : type;
}

/** Monospace label size estimate for ELK (it needs label boxes to keep them apart). */
export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(text.length * 6.6) + 12, height: 18 };
}
