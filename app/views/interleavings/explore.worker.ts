/**
 * explore.worker.ts - the interleaving explorer off the main thread: it drives the engine's
 * Search in slices of about 50 ms, posts progress and the outcomes found so far after each, and
 * between slices reads its messages, so a cancel or a new job takes effect at once.
 */
import { Search } from '@engine';
import type { FromWorker, LiveProgress, StartJob, ToWorker } from './protocol';

/** Memory for the visited-state table in a tab: the search says when it is full. */
const TABLE_BYTES = 256 * 2 ** 20;
const SLICE_MS = 50;
const POST_EVERY_MS = 150;

let current: { id: number; cancelled: boolean } | null = null;

const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

/** Yield to the worker's message queue without a timer's minimum delay. */
const channel = new MessageChannel();
let resume: (() => void) | null = null;
channel.port1.onmessage = () => {
  const r = resume;
  resume = null;
  r?.();
};
const later = (f: () => void) => {
  resume = f;
  channel.port2.postMessage(null);
};

function heapBytes(): number | undefined {
  const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return m?.usedJSHeapSize;
}

function startJob(m: StartJob): void {
  const job = { id: m.id, cancelled: false };
  current = job;
  const queue = [...m.variants];
  const nextVariant = (): void => {
    const variant = queue.shift();
    if (!variant || current !== job || job.cancelled) {
      if (current === job) current = null;
      return;
    }
    let s: Search;
    try {
      s = new Search(m.scenario, { variant, granularity: m.granularity, maxStates: m.maxStates, tableBytes: TABLE_BYTES });
    } catch (e) {
      post({ type: 'error', id: m.id, variant, message: e instanceof Error ? e.message : String(e) });
      later(nextVariant);
      return;
    }
    const t0 = performance.now();
    let posted = 0;
    const live = (): LiveProgress => {
      const p = s.progress();
      const seconds = (performance.now() - t0) / 1000;
      const heap = heapBytes();
      return { ...p, seconds, rate: seconds > 0 ? p.states / seconds : 0, memory: heap ?? p.tableBytes, memoryOf: heap === undefined ? 'state table' : 'heap' };
    };
    const slice = (): void => {
      if (job.cancelled) s.stop('cancelled');
      const start = performance.now();
      let done = s.finished;
      try {
        while (!done && performance.now() - start < SLICE_MS) done = s.run(64);
      } catch (e) {
        post({ type: 'error', id: m.id, variant, message: e instanceof Error ? e.message : String(e) });
        later(nextVariant);
        return;
      }
      const fresh = s.takeNew().length > 0;
      if (done) {
        post({ type: 'done', id: m.id, variant, progress: live(), exploration: s.result() });
        later(nextVariant);
        return;
      }
      const now = performance.now();
      if (fresh || now - posted > POST_EVERY_MS) {
        posted = now;
        post({ type: 'progress', id: m.id, variant, progress: live(), findings: s.result().findings });
      }
      later(slice);
    };
    slice();
  };
  nextVariant();
}

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  if (m.type === 'cancel') {
    if (current?.id === m.id) current.cancelled = true;
    return;
  }
  if (current) current.cancelled = true;
  startJob(m);
};
