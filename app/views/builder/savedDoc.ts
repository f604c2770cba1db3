/**
 * savedDoc.ts - the builder's autosave format in localStorage: the scenario as edited (possibly
 * invalid: work in progress survives a reload too) and the canvas positions beside it.
 *
 * A save the builder cannot draw (another version, a hand edit, a bug) is never dropped: it is
 * reported with what is wrong, kept under BACKUP_KEY, and offered for repair or download.
 */
import type { Scenario } from '@engine';
import type { Positions } from './builderDoc';
import { drawableProblem, repairScenario, type Repair } from './drawable';

export const SAVE_KEY = 'klp-playground:builder';
/** Where an unreadable save is copied before anything else is written (see loadSaved). */
export const BACKUP_KEY = 'klp-playground:builder:unreadable';
/** The document a shared Build link replaced, kept so that it can be restored after a reload too. */
export const PREVIOUS_KEY = 'klp-playground:builder:before-link';
const SAVE_VERSION = 1;

export interface SavedDoc {
  scenario: Scenario;
  positions: Positions;
}

export function serializeDoc(d: SavedDoc): string {
  return JSON.stringify({ v: SAVE_VERSION, scenario: d.scenario, positions: d.positions });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function positionsOf(v: unknown): Positions {
  const positions: Positions = {};
  if (isObj(v)) {
    for (const [k, p] of Object.entries(v)) {
      if (isObj(p) && Number.isFinite(p.x) && Number.isFinite(p.y)) positions[k] = { x: p.x as number, y: p.y as number };
    }
  }
  return positions;
}

/** A save the builder could not draw: the raw text, why, and what a repair would keep. */
export interface UnreadableSave {
  raw: string;
  problem: string;
  /** The drawable part, or null when nothing of it could be read (not JSON). */
  repair: (Repair & { positions: Positions }) | null;
}

export type LoadedSave = { kind: 'none' } | { kind: 'ok'; doc: SavedDoc } | { kind: 'unreadable'; save: UnreadableSave };

/** Reads the autosave: nothing, a document the builder can draw, or an unreadable one to recover. */
export function loadSaved(text: string | null): LoadedSave {
  if (!text) return { kind: 'none' };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { kind: 'unreadable', save: { raw: text, problem: `it is not JSON (${e instanceof Error ? e.message : String(e)})`, repair: null } };
  }
  if (!isObj(v)) return { kind: 'unreadable', save: { raw: text, problem: 'it is not a saved builder document', repair: null } };
  if (v.v !== SAVE_VERSION) return { kind: 'unreadable', save: { raw: text, problem: `it is format version ${JSON.stringify(v.v)}, this page reads version ${SAVE_VERSION}`, repair: null } };
  const problem = drawableProblem(v.scenario);
  const positions = positionsOf(v.positions);
  if (problem) return { kind: 'unreadable', save: { raw: text, problem: `scenario.${problem}`.replace('scenario.the scenario', 'the scenario'), repair: { ...repairScenario(v.scenario), positions } } };
  return { kind: 'ok', doc: { scenario: v.scenario as Scenario, positions } };
}

/** The saved document, or null when there is none or the builder could not draw it. */
export function parseSaved(text: string | null): SavedDoc | null {
  const r = loadSaved(text);
  return r.kind === 'ok' ? r.doc : null;
}
