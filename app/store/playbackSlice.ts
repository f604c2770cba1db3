/**
 * playbackSlice.ts - where the timeline is: the current step, playing or not, and how fast.
 */
import type { StateCreator } from 'zustand';
import type { Store } from './index';

export const SPEEDS = [2, 5, 10, 25, 100, 500] as const;

/** Steps on the timeline: the trace's, or the longer run's while comparing (the shorter one then stays on its end). */
export function stepCount(s: Pick<Store, 'trace' | 'compareTrace'>): number {
  return Math.max(s.trace.steps.length, s.compareTrace?.steps.length ?? 0);
}

export interface PlaybackSlice {
  step: number;
  /** The step the kernel-state panels show: `step`, or a moment behind it on a heavy trace (viewStep.ts). */
  viewStep: number;
  playing: boolean;
  /** Steps per second. */
  speed: number;
  setStep: (s: number) => void;
  stepBy: (d: number) => void;
  setPlaying: (p: boolean) => void;
  togglePlaying: () => void;
  setSpeed: (s: number) => void;
}

export const createPlaybackSlice: StateCreator<Store, [], [], PlaybackSlice> = (set, get) => ({
  step: 0,
  viewStep: 0,
  playing: false,
  speed: 10,
  setStep: (s) => {
    const last = stepCount(get()) - 1;
    const step = Math.max(0, Math.min(Math.trunc(s), last));
    if (step !== get().step) set({ step });
  },
  stepBy: (d) => get().setStep(get().step + d),
  setPlaying: (playing) => {
    const { step } = get();
    // Play from the end restarts, as media players do.
    if (playing && step >= stepCount(get()) - 1) set({ step: 0 });
    set({ playing });
  },
  togglePlaying: () => get().setPlaying(!get().playing),
  setSpeed: (speed) => set({ speed }),
});
