/**
 * savedDoc.ts - the builder's autosave format in localStorage: the scenario as edited (possibly
 * invalid: work in progress survives a reload too) and the canvas positions beside it.
 */
import type { Scenario } from '@engine';
import type { Positions } from './builderDoc';

export const SAVE_KEY = 'klp-playground:builder';
const SAVE_VERSION = 1;

export interface SavedDoc {
  scenario: Scenario;
  positions: Positions;
}

export function serializeDoc(d: SavedDoc): string {
  return JSON.stringify({ v: SAVE_VERSION, scenario: d.scenario, positions: d.positions });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Named items in a list, enough for the builder to draw them (validateScenario judges the rest). */
const named = (v: unknown, key: string): boolean => Array.isArray(v) && v.every((x) => isObj(x) && typeof x[key] === 'string');

/**
 * The saved document, or null for anything the builder could not draw: a save from another
 * version, a hand edit, a full disk. The builder then starts empty instead of crashing.
 */
export function parseSaved(text: string | null): SavedDoc | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObj(v) || v.v !== SAVE_VERSION || !isObj(v.scenario)) return null;
  const s = v.scenario;
  if (!named(s.modules, 'name') || !named(s.livepatches, 'name') || !Array.isArray(s.tasks)) return null;
  if (!(s.livepatches as Record<string, unknown>[]).every((p) => named(p.objects, 'name') && (p.objects as unknown[]).length > 0)) return null;
  if (!s.tasks.every((t) => isObj(t) && Array.isArray(t.commands) && t.commands.every((c) => typeof c === 'string'))) return null;
  const positions: Positions = {};
  if (isObj(v.positions)) {
    for (const [k, p] of Object.entries(v.positions)) {
      if (isObj(p) && Number.isFinite(p.x) && Number.isFinite(p.y)) positions[k] = { x: p.x as number, y: p.y as number };
    }
  }
  return { scenario: s as unknown as Scenario, positions };
}
