/**
 * module.machine.ts - the lifecycle of one `struct module` (enum module_state), as the loader
 * drives it: load_module(), do_init_module(), delete_module() and their cleanup paths.
 */
import { setup } from 'xstate';
import type { ModuleState } from '../model/world';
import { makeStepper } from './transitionCache';

export type ModuleEventType =
  /** complete_formation(): exports become visible. */
  | 'complete_formation'
  /** do_init_module(): init returned >= 0. */
  | 'init_done'
  /** A failure after COMING: prepare_coming_module(), parameters, sysfs, or init < 0. */
  | 'coming_cleanup'
  /** try_stop_module() from delete_module(), or module_put_and_delete() (POC 01). */
  | 'try_stop_module'
  /** free_module() unlinks the instance (from UNFORMED on early failures, or GOING). */
  | 'free_module';

export const moduleMachine = setup({
  types: {
    events: {} as { type: ModuleEventType },
  },
}).createMachine({
  id: 'module',
  initial: 'MODULE_STATE_UNFORMED',
  states: {
    MODULE_STATE_UNFORMED: {
      description: 'add_unformed_module() inserted it; find_symbol() and find_module() skip it',
      on: { complete_formation: 'MODULE_STATE_COMING', free_module: 'freed' },
    },
    MODULE_STATE_COMING: {
      description: 'exports visible, klp_module_coming() and init run; references refused',
      on: {
        init_done: 'MODULE_STATE_LIVE',
        coming_cleanup: 'MODULE_STATE_GOING',
        // bug_cleanup: a failed prepare_coming_module() unlinks the module while still COMING.
        free_module: 'freed',
      },
    },
    MODULE_STATE_LIVE: {
      on: { try_stop_module: 'MODULE_STATE_GOING' },
    },
    MODULE_STATE_GOING: {
      description: 'exit, GOING notifiers and klp_module_going() run, then free_module()',
      on: { free_module: 'freed' },
    },
    freed: { type: 'final' },
  },
});

const step = makeStepper<ModuleState | 'freed', ModuleEventType>(moduleMachine, 'module');

/** The next state of a module, or an error if the kernel never makes that transition. */
export function moduleEvent(state: ModuleState, ev: ModuleEventType): ModuleState | 'freed' {
  return step(state, ev);
}
