/**
 * formatHash.ts - the inverse of parseHash: the view as a shareable fragment. Only inputs and
 * the position go in the URL, never results: the trace is recomputed from them.
 */
import type { UrlState } from './parseHash';
import { encodeScenario } from './scenarioCodec';

export function formatHash(s: UrlState): string {
  const p = new URLSearchParams();
  if (s.scenario) p.set('scenario', encodeScenario(s.scenario));
  else if (s.preset) p.set('preset', s.preset);
  if (s.variant) p.set('variant', s.variant);
  if (s.compare) p.set('compare', s.compare);
  if (s.step !== undefined) p.set('step', String(s.step));
  if (s.view && s.view !== 'playground') p.set('view', s.view);
  return `#${p.toString()}`;
}
