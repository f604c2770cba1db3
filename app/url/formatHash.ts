/**
 * formatHash.ts - the inverse of parseHash: the view as a shareable fragment. Only inputs and
 * the position go in the URL, never results: the trace is recomputed from them.
 */
import type { UrlState } from './parseHash';
import { encodeScenario } from './scenarioCodec';

/**
 * A schedule as `T1,U1,kworker/1`: ',' and '/' need no escaping in a fragment, and a link that
 * reads like the schedule beats `T1%2CU1%2Ckworker%2F1`. Anything else is escaped as usual.
 */
function scheduleParam(labels: readonly string[]): string {
  return labels.map((l) => encodeURIComponent(l).replace(/%2F/gi, '/')).join(',');
}

export function formatHash(s: UrlState): string {
  const parts: string[] = [];
  const add = (key: string, value: string) => parts.push(`${key}=${value}`);
  if (s.scenario) add('scenario', encodeScenario(s.scenario));
  else if (s.preset) add('preset', encodeURIComponent(s.preset));
  if (s.variant) add('variant', encodeURIComponent(s.variant));
  if (s.schedule?.length) add('sched', scheduleParam(s.schedule));
  if (s.compare) add('compare', encodeURIComponent(s.compare));
  if (s.step !== undefined) add('step', String(s.step));
  if (s.view && s.view !== 'playground') add('view', s.view);
  if (s.graph) add('graph', encodeURIComponent(s.graph));
  if (s.module) add('module', encodeURIComponent(s.module));
  if (s.tab) add('tab', s.tab);
  return `#${parts.join('&')}`;
}
