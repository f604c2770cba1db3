/**
 * variantNames.ts - short names for the kernel variants where space is tight; the engine's
 * labels stay the full description (tooltips, compare headings).
 */
import type { VariantId } from '@engine';

export const SHORT_VARIANT: Record<VariantId, string> = {
  upstream: 'upstream v5.5',
  split: 'split POC',
  'split-poc19': 'split + 19/23',
  'split-break-only': '19/23 hunk (i) only',
  'split-norefs-only': '19/23 hunk (ii) only',
};

export const VARIANT_HINT: Record<VariantId, string> = {
  upstream: 'one livepatch module per patch, as in v5.5',
  split: 'one livepatch module per patched object, the POC without patch 19/23',
  'split-poc19': 'the POC with patch 19/23: both hunks',
  'split-break-only': 'only the add_unformed_module() hunk of 19/23 (location i): klp_break_recursion() returns -EEXIST',
  'split-norefs-only': 'only the ref_module() hunk of 19/23 (location ii): livepatch modules take no references',
};
