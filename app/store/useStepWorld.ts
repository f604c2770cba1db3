/**
 * useStepWorld.ts - the kernel state at the current step for panels. The step is deferred: while
 * the user drags the scrubber, React keeps the cursor responsive and lets these panels catch up.
 */
import { useDeferredValue, useMemo } from 'react';
import type { Trace, WaitForGraph, World } from '@engine';
import { useStore } from './index';
import { waitForGraphOf, worldAtCached } from './worldCache';

export interface StepWorld {
  trace: Trace;
  step: number;
  world: World;
  wfg: WaitForGraph;
}

export function useStepWorld(): StepWorld {
  const trace = useStore((s) => s.trace);
  const step = useDeferredValue(useStore((s) => s.step));
  return useMemo(() => {
    const world = worldAtCached(trace, step);
    return { trace, step, world, wfg: waitForGraphOf(world) };
  }, [trace, step]);
}
