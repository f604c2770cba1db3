/**
 * docCheck.ts - the builder's verdict on its document: validateScenario's first problem as path
 * and text (never a thrown error: an edit in progress is often invalid), and a command's parse
 * error for instant feedback under its input.
 */
import { parseCommand, ScenarioError, validateScenario, type Scenario } from '@engine';

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
