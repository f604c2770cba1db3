/**
 * outcomeText.ts - short words for outcomes and expectations, shared by the banner, the gallery
 * and the compare view.
 */
import { seedLocationOf, type Expectation, type Outcome, type OutcomeKind } from '@engine';

export function outcomeBadge(kind: OutcomeKind): { text: string; tone: 'good' | 'bad' | 'warn' } {
  switch (kind) {
    case 'ok':
      return { text: 'OK', tone: 'good' };
    case 'error':
      return { text: 'ERROR', tone: 'warn' };
    case 'stall':
      return { text: 'STALL', tone: 'warn' };
    default:
      return { text: kind.toUpperCase(), tone: 'bad' };
  }
}

/** "deadlock (i)", "stall (ii)", "ok": an expectation or an outcome in a few characters. */
export function shortOutcome(o: Pick<Expectation, 'outcome' | 'location'> | Pick<Outcome, 'kind' | 'location'>): string {
  const kind = 'outcome' in o ? o.outcome : o.kind;
  const loc = o.location ? seedLocationOf(o.location) : undefined;
  return loc ? `${kind} (${loc})` : kind;
}
