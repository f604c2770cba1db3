/**
 * useFollowScroll.ts - keeps the newest visible log line in view as the step moves, like
 * `dmesg -w`.
 */
import { useLayoutEffect, useRef } from 'react';

export function useFollowScroll<T extends HTMLElement>(count: number) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);
  return ref;
}
