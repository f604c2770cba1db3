/**
 * usePlayback.ts - advances the step while playing, at `speed` steps per second, on animation
 * frames (so a background tab costs nothing), stopping at the last step.
 */
import { useEffect } from 'react';
import { useStore } from '../../store';
import { stepCount } from '../../store/playbackSlice';

export function usePlayback(): void {
  const playing = useStore((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    let last = performance.now();
    let carry = 0;
    const tick = (now: number) => {
      const s = useStore.getState();
      carry += ((now - last) / 1000) * s.speed;
      last = now;
      const whole = Math.floor(carry);
      if (whole > 0) {
        carry -= whole;
        const end = stepCount(s) - 1;
        const next = Math.min(end, s.step + whole);
        s.setStep(next);
        if (next >= end) {
          s.setPlaying(false);
          return;
        }
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing]);
}
