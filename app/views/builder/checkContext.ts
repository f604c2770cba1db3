/**
 * checkContext.ts - the document's validation verdict, handed to the inspector's fields so that
 * each field shows the engine's own message (path and reason) when the first problem is in it.
 */
import { createContext, useContext } from 'react';
import type { Check } from './docCheck';

export const CheckContext = createContext<Check>({ ok: true });

/**
 * The engine's problem when its path is `path` or inside it (`modules[0].params.x` is inside
 * `modules[0].params`), else null.
 */
export function problemIn(check: Check, path: string): { path: string; problem: string } | null {
  if (check.ok) return null;
  const p = check.path;
  const inside = p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`);
  return inside ? { path: p, problem: check.problem } : null;
}

export function useProblem(path: string): { path: string; problem: string } | null {
  return problemIn(useContext(CheckContext), path);
}
