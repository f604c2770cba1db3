/**
 * scenarioOrigin.ts - recognises a custom scenario that is a preset plus kills (see
 * killScenario.ts), so that the banner can say "P08 + kill H1 at t=0.001 s" and link back to P08.
 * It reads the scenario itself, not how it was opened: a shared link or a reload says the same.
 */
import { PRESETS, type Preset, type Scenario, type TaskSpec } from '@engine';
import { killTitle } from './killScenario';

export interface Kill {
  /** Label of the task that is killed, e.g. 'H1'. */
  target: string;
  /** When, in seconds. */
  at: number;
}

export interface ScenarioOrigin {
  preset: Preset;
  kills: Kill[];
}

const KILL = /^kill -9 (\S+)$/;

function killOf(t: TaskSpec): Kill | null {
  const m = t.commands.length === 1 ? KILL.exec(t.commands[0]) : null;
  return m ? { target: m[1], at: t.start ?? 0 } : null;
}

/** Structural equality of JSON values, whatever the key order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The preset this scenario adds kills to, or null (a preset itself, or anything else). */
export function scenarioOrigin(scenario: Scenario): ScenarioOrigin | null {
  for (const preset of PRESETS) {
    const base = preset.scenario;
    const n = base.tasks.length;
    if (scenario.tasks.length <= n) continue;
    const kills = scenario.tasks.slice(n).map(killOf);
    if (kills.some((k) => k === null)) continue;
    const rest = (s: Scenario) => ({ ...s, title: '', description: '', tasks: s.tasks.slice(0, n) });
    if (same(rest(scenario), rest(base))) return { preset, kills: kills as Kill[] };
  }
  return null;
}

/** "P08 + kill H1 at t=0.001 s". */
export function originName(o: ScenarioOrigin): string {
  return [o.preset.id, ...o.kills.map((k) => killTitle(k.target, k.at))].join(' + ');
}
