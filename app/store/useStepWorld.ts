/**
 * useStepWorld.ts - the kernel state at the step the panels show (viewStep.ts). It is deferred
 * too: while the user drags the scrubber, React keeps the cursor responsive and lets these
 * panels catch up. Replays that are not cached are timed (heavyCost.ts).
 */
import { useDeferredValue, useMemo } from 'react';
import type { Trace, WaitForGraph, World } from '@engine';
import { useStore } from './index';
import { waitForGraphOf, worldAtCached } from './worldCache';
import { measureHeavy } from './heavyCost';
import { useTraceView } from './traceView';

export interface StepWorld {
  trace: Trace;
  step: number;
  world: World;
  wfg: WaitForGraph;
}

export function useStepWorld(): StepWorld {
  const view = useTraceView();
  const storeTrace = useStore((s) => s.trace);
  const storeStep = useStore((s) => s.viewStep);
  const trace = view?.trace ?? storeTrace;
  const step = useDeferredValue(Math.min(view?.step ?? storeStep, trace.steps.length - 1));
  return useMemo(() => {
    // A cache hit (well under 0.2 ms) says nothing about what the next step costs.
    const world = measureHeavy(trace, 'world', () => worldAtCached(trace, step), 0.2);
    return { trace, step, world, wfg: waitForGraphOf(world) };
  }, [trace, step]);
}
