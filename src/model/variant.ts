/**
 * variant.ts - the kernels the simulator can be: upstream v5.5, the split per-object POC, and the
 * POC with patch 19/23 ("klp_break_recursion"), whose two hunks can be switched separately.
 */

export type VariantId = 'upstream' | 'split' | 'split-poc19' | 'split-break-only' | 'split-norefs-only';

export interface Variant {
  id: VariantId;
  /** The full name (tooltips, compare headings, the CLI). */
  label: string;
  /** A few words where space is tight (the variant switch, the gallery). */
  short: string;
  /** What it is, in one sentence. */
  description: string;
  /** Livepatches are split into one module per patched object (POC 02..18). */
  split: boolean;
  /** POC 19 hunk in add_unformed_module(): klp_break_recursion() -> -EEXIST. */
  breakRecursion: boolean;
  /** POC 19 hunk in ref_module(): livepatch modules take no references. */
  livepatchNoRefs: boolean;
}

export const VARIANTS: Record<VariantId, Variant> = {
  upstream: {
    id: 'upstream',
    label: 'upstream v5.5',
    short: 'upstream v5.5',
    description: 'one livepatch module per patch, as in v5.5',
    split: false,
    breakRecursion: false,
    livepatchNoRefs: false,
  },
  split: {
    id: 'split',
    label: 'split POC, without 19/23',
    short: 'split POC',
    description: 'one livepatch module per patched object, the POC without patch 19/23',
    split: true,
    breakRecursion: false,
    livepatchNoRefs: false,
  },
  'split-poc19': {
    id: 'split-poc19',
    label: 'split POC + 19/23',
    short: 'split + 19/23',
    description: 'the POC with patch 19/23: both hunks',
    split: true,
    breakRecursion: true,
    livepatchNoRefs: true,
  },
  'split-break-only': {
    id: 'split-break-only',
    label: 'split POC + 19/23 add_unformed_module hunk only',
    short: '19/23 hunk (i) only',
    description: 'only the add_unformed_module() hunk of 19/23 (location i): klp_break_recursion() returns -EEXIST',
    split: true,
    breakRecursion: true,
    livepatchNoRefs: false,
  },
  'split-norefs-only': {
    id: 'split-norefs-only',
    label: 'split POC + 19/23 ref_module hunk only',
    short: '19/23 hunk (ii) only',
    description: 'only the ref_module() hunk of 19/23 (location ii): livepatch modules take no references',
    split: true,
    breakRecursion: false,
    livepatchNoRefs: true,
  },
};

export const VARIANT_IDS = Object.keys(VARIANTS) as VariantId[];

export function isVariantId(s: string): s is VariantId {
  return Object.prototype.hasOwnProperty.call(VARIANTS, s);
}
