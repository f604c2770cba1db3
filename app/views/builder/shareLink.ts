/**
 * shareLink.ts - the playground link of a built scenario: the same `scenario=` fragment the
 * playground writes for any custom scenario, so the link opens it straight in the playground.
 */
import type { Scenario, VariantId } from '@engine';
import { formatHash } from '../../url/formatHash';

/** `base` is the page address without its fragment (location.origin + location.pathname). */
export function shareLink(base: string, scenario: Scenario, variant: VariantId): string {
  return `${base}${formatHash({ scenario, variant })}`;
}

/**
 * The Build link of a built scenario: it opens in the Build view as the recipient's own editable
 * copy (their autosaved work is kept and can be restored, see builderOpenShared).
 */
export function buildLink(base: string, scenario: Scenario, variant: VariantId): string {
  return `${base}${formatHash({ scenario, variant, view: 'build' })}`;
}
