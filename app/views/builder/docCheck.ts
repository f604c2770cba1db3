/**
 * docCheck.ts - the builder's verdict on its document: validateScenario's first problem as path
 * and text (never a thrown error: an edit in progress is often invalid), and a command's parse
 * error for instant feedback under its input.
 */
import { parseCommand, ScenarioError, taskLabel, validateScenario, type Scenario } from '@engine';

export type Check = { ok: true } | { ok: false; path: string; problem: string };

export function checkScenario(s: Scenario): Check {
  try {
    validateScenario(s);
    return { ok: true };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, path: e.path, problem: e.problem };
    return { ok: false, path: '', problem: e instanceof Error ? e.message : String(e) };
  }
}

/** The parser's message for a bad command, or null when it parses. */
export function commandError(line: string): string | null {
  try {
    parseCommand(line);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The canvas node a validation path points into (`modules[1].exports[0]` -> that module), if any. */
export function nodeOfPath(s: Scenario, path: string): string | null {
  const m = /^(modules|livepatches|tasks)\[(\d+)\]/.exec(path);
  if (!m) return null;
  const i = Number(m[2]);
  if (m[1] === 'modules') return s.modules[i] ? `module:${s.modules[i].name}` : null;
  if (m[1] === 'livepatches') return s.livepatches[i] ? `livepatch:${s.livepatches[i].name}` : null;
  return s.tasks[i] ? `task:${taskLabel(s.tasks[i], i)}` : null;
}
