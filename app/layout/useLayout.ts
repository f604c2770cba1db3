/**
 * useLayout.ts - a layout for a key, computed in the worker once. The request is only built when
 * the key is new, so callers can pass a cheap thunk.
 */
import { useEffect, useState } from 'react';
import { cachedLayout, layoutInWorker, remember } from './elkClient';
import type { LayoutRequest, LayoutResult } from './types';

export type LayoutState = { status: 'pending' } | { status: 'done'; result: LayoutResult } | { status: 'error'; message: string };

export function useLayout(key: string, build: () => LayoutRequest): LayoutState {
  const [state, setState] = useState<{ key: string; s: LayoutState } | null>(null);
  const known = cachedLayout(key);
  useEffect(() => {
    if (cachedLayout(key)) return;
    let live = true;
    layoutInWorker(key, build()).then(
      (result) => {
        remember(key, result);
        if (live) setState({ key, s: { status: 'done', result } });
      },
      (e: Error) => live && setState({ key, s: { status: 'error', message: e.message } }),
    );
    return () => {
      live = false;
    };
    // build is a thunk over the same inputs as key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (known) return { status: 'done', result: known };
  if (state && state.key === key) return state.s;
  return { status: 'pending' };
}
