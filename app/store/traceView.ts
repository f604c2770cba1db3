/**
 * traceView.ts - which trace and step a group of panels shows. Outside any provider that is the
 * store's trace at its viewStep; the comparison gives each of its two sides its own trace at the
 * same step, so the same graph components serve both.
 */
import { createContext, useContext } from 'react';
import type { Trace } from '@engine';

export interface TraceView {
  trace: Trace;
  /** Clamped to the trace by the reader: a run that ended earlier stays at its last step. */
  step: number;
}

export const TraceViewContext = createContext<TraceView | null>(null);

export function useTraceView(): TraceView | null {
  return useContext(TraceViewContext);
}
