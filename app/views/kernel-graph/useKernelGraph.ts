/**
 * useKernelGraph.ts - the module graph the kernel view shows: a shipped one (fetched once per
 * page, validated and indexed once) or the file the user opened. Never blocks the first paint of
 * the view: while a shipped graph loads, the view says so.
 */
import { useEffect, useState } from 'react';
import { indexGraph, parseModuleGraph, type KernelGraph } from '@engine';
import { useStore } from '../../store';
import { FILE_GRAPH_ID } from '../../store/kernelSlice';
import { shippedGraph } from './shippedGraphs';

const loaded = new Map<string, Promise<KernelGraph>>();
const ready = new Map<string, { graph: KernelGraph; text: string }>();

function load(id: string): Promise<KernelGraph> {
  const hit = loaded.get(id);
  if (hit) return hit;
  const g = shippedGraph(id);
  if (!g) return Promise.reject(new Error(`no shipped graph '${id}'`));
  const p = fetch(`${import.meta.env.BASE_URL}${g.file}`)
    .then((r) => {
      if (!r.ok) throw new Error(`${g.file}: HTTP ${r.status}`);
      return r.text();
    })
    .then((text) => {
      const graph = indexGraph(parseModuleGraph(text));
      ready.set(id, { graph, text });
      return graph;
    });
  // A failed load may be retried.
  p.catch(() => loaded.delete(id));
  loaded.set(id, p);
  return p;
}

/** Graphs from files, indexed once per file. */
const fromFiles = new WeakMap<object, KernelGraph>();

/** `text`: the graph file as read, for workers that parse it on their own thread. */
export type KernelGraphState = { status: 'loading'; label: string } | { status: 'error'; message: string } | { status: 'ready'; graph: KernelGraph; key: string; text: string };

export function useKernelGraph(): KernelGraphState {
  const id = useStore((s) => s.kernelGraphId);
  const file = useStore((s) => s.kernelFile);
  const [, setTick] = useState(0);
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  useEffect(() => {
    if (id === FILE_GRAPH_ID || ready.has(id)) return;
    let live = true;
    load(id).then(
      () => live && setTick((t) => t + 1),
      (e: Error) => live && setError({ id, message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  if (id === FILE_GRAPH_ID) {
    if (!file) return { status: 'error', message: 'no graph file is open' };
    let g = fromFiles.get(file.json);
    if (!g) {
      g = indexGraph(file.json);
      fromFiles.set(file.json, g);
    }
    return { status: 'ready', graph: g, key: `file:${file.name}:${g.modules.length}`, text: file.text };
  }
  const r = ready.get(id);
  if (r) return { status: 'ready', graph: r.graph, key: id, text: r.text };
  if (error && error.id === id) return { status: 'error', message: error.message };
  return { status: 'loading', label: shippedGraph(id)?.label ?? id };
}
