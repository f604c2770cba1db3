/**
 * shortState.ts - MODULE_STATE_COMING -> COMING, for badges.
 */
import type { ModuleState } from '@engine';

export type ShortState = 'UNFORMED' | 'COMING' | 'LIVE' | 'GOING';

export function shortState(s: ModuleState): ShortState {
  return s.replace('MODULE_STATE_', '') as ShortState;
}
