/**
 * viewStep.ts - the step the kernel-state panels show (graphs, call stacks, logs). It follows
 * the timeline's step at once while that is cheap. For a heavy trace (heavyCost.ts) it waits
 * until the step has been still for a moment during a drag or a run of key presses, and during
 * playback moves at a few updates a second, so the cursor and the step line stay smooth.
 */
import { isHeavy } from './heavyCost';
import { useStore } from './index';

/** The step must be still this long before heavy panels follow it (keys)... */
export const SETTLE_MS = 150;
/** ...or this long while the scrubber is held (a drag pauses often without being over)... */
export const SETTLE_DRAG_MS = 400;
/** ...or, while playing, they follow at least this often. */
export const PLAY_EVERY_MS = 300;

/** Set while a pointer drags the timeline (Swimlanes.tsx); its release lets the panels catch up. */
let dragging = false;

export function setDragging(on: boolean): void {
  dragging = on;
  if (!on) release?.();
}

let release: (() => void) | null = null;

export function installViewStep(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let since = 0;
  const catchUp = () => {
    timer = null;
    const s = useStore.getState();
    if (s.viewStep !== s.step) useStore.setState({ viewStep: s.step });
  };
  // Whatever opened before this was installed (the URL's step) is shown as it is.
  useStore.setState({ viewStep: useStore.getState().step });
  release = () => {
    if (timer) clearTimeout(timer);
    catchUp();
  };
  return useStore.subscribe((s, prev) => {
    if (s.step === prev.step && s.trace === prev.trace) return;
    if (s.step === s.viewStep) return;
    if (s.trace !== prev.trace || !isHeavy(s.trace)) {
      if (timer) clearTimeout(timer);
      timer = null;
      useStore.setState({ viewStep: s.step });
      return;
    }
    const now = performance.now();
    if (!timer) since = now;
    else clearTimeout(timer);
    const wait = s.playing ? Math.max(0, Math.min(SETTLE_MS, since + PLAY_EVERY_MS - now)) : dragging ? SETTLE_DRAG_MS : SETTLE_MS;
    timer = setTimeout(catchUp, wait);
  });
}
