/**
 * corpus.ts - the selftest cases shipped with the project: the shared conformance corpus (cases/,
 * kernel v5.10, with the test-sysfs cases from a later kernel) and cases we wrote ourselves from
 * the same scripts (own-cases/). Generated list; add a case by adding its import.
 */
import test_callbacks__01_target_module_before_livepatch from './cases/test-callbacks__01_target_module_before_livepatch.json';
import test_callbacks__02_module_coming_notifier from './cases/test-callbacks__02_module_coming_notifier.json';
import test_callbacks__03_module_going_notifier from './cases/test-callbacks__03_module_going_notifier.json';
import test_callbacks__05_target_module_not_present from './cases/test-callbacks__05_target_module_not_present.json';
import test_callbacks__06_pre_patch_callback_enodev from './cases/test-callbacks__06_pre_patch_callback_enodev.json';
import test_callbacks__09_busy_target_module from './cases/test-callbacks__09_busy_target_module.json';
import test_callbacks__11_atomic_replace from './cases/test-callbacks__11_atomic_replace.json';
import test_ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl from './cases/test-ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl.json';
import test_livepatch__01_basic_function_patching from './cases/test-livepatch__01_basic_function_patching.json';
import test_livepatch__02_multiple_livepatches from './cases/test-livepatch__02_multiple_livepatches.json';
import test_state__01_system_state_modification from './cases/test-state__01_system_state_modification.json';
import test_state__02_taking_over_system_state_modification from './cases/test-state__02_taking_over_system_state_modification.json';
import test_state__04_incompatible_cumulative_livepatches from './cases/test-state__04_incompatible_cumulative_livepatches.json';
import test_sysfs__01_sysfs_test from './cases/test-sysfs__01_sysfs_test.json';
import test_callbacks__07_module_coming_pre_patch_enodev_own from './own-cases/test-callbacks__07_module_coming_pre_patch_enodev.json';
import test_callbacks__08_multiple_target_modules_own from './own-cases/test-callbacks__08_multiple_target_modules.json';
import test_callbacks__10_multiple_livepatches_own from './own-cases/test-callbacks__10_multiple_livepatches.json';

export interface CorpusCase {
  file: string;
  /** true for cases we wrote, false for the shared oracle. */
  own: boolean;
  data: unknown;
}

export const SELFTEST_CORPUS: CorpusCase[] = [
  { file: 'test-callbacks__01_target_module_before_livepatch.json', own: false, data: test_callbacks__01_target_module_before_livepatch },
  { file: 'test-callbacks__02_module_coming_notifier.json', own: false, data: test_callbacks__02_module_coming_notifier },
  { file: 'test-callbacks__03_module_going_notifier.json', own: false, data: test_callbacks__03_module_going_notifier },
  { file: 'test-callbacks__05_target_module_not_present.json', own: false, data: test_callbacks__05_target_module_not_present },
  { file: 'test-callbacks__06_pre_patch_callback_enodev.json', own: false, data: test_callbacks__06_pre_patch_callback_enodev },
  { file: 'test-callbacks__09_busy_target_module.json', own: false, data: test_callbacks__09_busy_target_module },
  { file: 'test-callbacks__11_atomic_replace.json', own: false, data: test_callbacks__11_atomic_replace },
  { file: 'test-ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl.json', own: false, data: test_ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl },
  { file: 'test-livepatch__01_basic_function_patching.json', own: false, data: test_livepatch__01_basic_function_patching },
  { file: 'test-livepatch__02_multiple_livepatches.json', own: false, data: test_livepatch__02_multiple_livepatches },
  { file: 'test-state__01_system_state_modification.json', own: false, data: test_state__01_system_state_modification },
  { file: 'test-state__02_taking_over_system_state_modification.json', own: false, data: test_state__02_taking_over_system_state_modification },
  { file: 'test-state__04_incompatible_cumulative_livepatches.json', own: false, data: test_state__04_incompatible_cumulative_livepatches },
  { file: 'test-sysfs__01_sysfs_test.json', own: false, data: test_sysfs__01_sysfs_test },
  { file: 'test-callbacks__07_module_coming_pre_patch_enodev.json', own: true, data: test_callbacks__07_module_coming_pre_patch_enodev_own },
  { file: 'test-callbacks__08_multiple_target_modules.json', own: true, data: test_callbacks__08_multiple_target_modules_own },
  { file: 'test-callbacks__10_multiple_livepatches.json', own: true, data: test_callbacks__10_multiple_livepatches_own },
];
