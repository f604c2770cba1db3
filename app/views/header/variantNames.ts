/**
 * variantNames.ts - short names for the kernel variants where space is tight; the engine's
 * labels stay the full description (tooltips, compare headings).
 */
import type { VariantId } from '@engine';

export const SHORT_VARIANT: Record<VariantId, string> = {
  upstream: 'upstream v5.5',
  split: 'split POC',
  'split-poc19': 'split + 19/23',
  'split-break-only': '+ hunk 1 only',
  'split-norefs-only': '+ hunk 2 only',
};

export const VARIANT_HINT: Record<VariantId, string> = {
  upstream: 'one livepatch module per patch, as in v5.5',
  split: 'one livepatch module per patched object, the POC without patch 19/23',
  'split-poc19': 'the POC with patch 19/23: both hunks',
  'split-break-only': 'only the add_unformed_module() hunk of 19/23: klp_break_recursion() returns -EEXIST',
  'split-norefs-only': 'only the ref_module() hunk of 19/23: livepatch modules take no references',
};
