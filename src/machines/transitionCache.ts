/**
 * transitionCache.ts - advance a context-free XState machine with the pure transition() API,
 * memoised by (state value, event type).
 *
 * XState's pure transition() costs about 20 us here (measured; `npm run bench`); the engine takes
 * millions of steps in the explorer. The machines stay the single definition of what a module or
 * a patch may do; the cache only avoids recomputing the same answer.
 */
import { transition, type AnyStateMachine } from 'xstate';

export function makeStepper<S extends string, E extends string>(
  machine: AnyStateMachine,
  what: string,
): (value: S, event: E) => S {
  const cache = new Map<string, S>();
  return (value, event) => {
    const key = `${value}\u0000${event}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const snapshot = machine.resolveState({ value, context: {} });
    if (!snapshot.can({ type: event })) {
      throw new Error(`internal: ${what} in state ${value} cannot take event ${event}`);
    }
    const [nextSnap] = transition(machine, snapshot, { type: event });
    const next = nextSnap.value as S;
    cache.set(key, next);
    return next;
  };
}
