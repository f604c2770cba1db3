/**
 * corpus.ts - the selftest cases shipped with the project: the shared conformance corpus (cases/,
 * kernel v5.10, with the test-sysfs cases from a later kernel), cases we wrote ourselves from the
 * same scripts (own-cases/), the modern corpus (cases-modern/, kernel v7.1), and cases we wrote
 * from the v7.1 scripts' text for the cases the modern corpus does not hold (own-cases-modern/).
 * Generated list; add a case by adding its import.
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
import modern_test_callbacks__01_target_module_before_livepatch from './cases-modern/test-callbacks__01_target_module_before_livepatch.json';
import modern_test_callbacks__02_module_coming_notifier from './cases-modern/test-callbacks__02_module_coming_notifier.json';
import modern_test_callbacks__03_module_going_notifier from './cases-modern/test-callbacks__03_module_going_notifier.json';
import modern_test_callbacks__05_target_module_not_present from './cases-modern/test-callbacks__05_target_module_not_present.json';
import modern_test_callbacks__06_pre_patch_callback_enodev from './cases-modern/test-callbacks__06_pre_patch_callback_enodev.json';
import modern_test_callbacks__09_busy_target_module from './cases-modern/test-callbacks__09_busy_target_module.json';
import modern_test_callbacks__11_atomic_replace from './cases-modern/test-callbacks__11_atomic_replace.json';
import modern_test_ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl from './cases-modern/test-ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl.json';
import modern_test_ftrace__02_trace_livepatched_function_and_check_that_the_live_patch_remains_in_effect from './cases-modern/test-ftrace__02_trace_livepatched_function_and_check_that_the_live_patch_remains_in_effect.json';
import modern_test_ftrace__03_livepatch_a_traced_function_and_check_that_the_live_patch_remains_in_effect from './cases-modern/test-ftrace__03_livepatch_a_traced_function_and_check_that_the_live_patch_remains_in_effect.json';
import modern_test_kprobe__01_livepatch_interaction_with_kprobed_function_with_post_handler from './cases-modern/test-kprobe__01_livepatch_interaction_with_kprobed_function_with_post_handler.json';
import modern_test_livepatch__01_basic_function_patching from './cases-modern/test-livepatch__01_basic_function_patching.json';
import modern_test_livepatch__02_multiple_livepatches from './cases-modern/test-livepatch__02_multiple_livepatches.json';
import modern_test_livepatch__04_module_function_patching from './cases-modern/test-livepatch__04_module_function_patching.json';
import modern_test_state__01_system_state_modification from './cases-modern/test-state__01_system_state_modification.json';
import modern_test_state__02_taking_over_system_state_modification from './cases-modern/test-state__02_taking_over_system_state_modification.json';
import modern_test_state__04_incompatible_cumulative_livepatches from './cases-modern/test-state__04_incompatible_cumulative_livepatches.json';
import modern_test_syscall__01_patch_getpid_syscall_while_being_heavily_hammered from './cases-modern/test-syscall__01_patch_getpid_syscall_while_being_heavily_hammered.json';
import modern_test_sysfs__01_sysfs_test from './cases-modern/test-sysfs__01_sysfs_test.json';
import modern_test_sysfs__03_sysfs_test_replace_enabled from './cases-modern/test-sysfs__03_sysfs_test_replace_enabled.json';
import modern_test_sysfs__04_sysfs_test_replace_disabled from './cases-modern/test-sysfs__04_sysfs_test_replace_disabled.json';
import own_modern_test_callbacks__04_module_coming_and_module_going_notifiers from './own-cases-modern/test-callbacks__04_module_coming_and_module_going_notifiers.json';
import own_modern_test_callbacks__07_module_coming_pre_patch_enodev from './own-cases-modern/test-callbacks__07_module_coming_pre_patch_enodev.json';
import own_modern_test_callbacks__08_multiple_target_modules from './own-cases-modern/test-callbacks__08_multiple_target_modules.json';
import own_modern_test_callbacks__10_multiple_livepatches from './own-cases-modern/test-callbacks__10_multiple_livepatches.json';
import own_modern_test_kprobe__02_livepatch_interaction_with_kprobed_function_without_post_handler from './own-cases-modern/test-kprobe__02_livepatch_interaction_with_kprobed_function_without_post_handler.json';
import own_modern_test_livepatch__03_atomic_replace_livepatch from './own-cases-modern/test-livepatch__03_atomic_replace_livepatch.json';
import own_modern_test_livepatch__05_module_function_patching_livepatch_first from './own-cases-modern/test-livepatch__05_module_function_patching_livepatch_first.json';
import own_modern_test_state__03_compatible_cumulative_livepatches from './own-cases-modern/test-state__03_compatible_cumulative_livepatches.json';
import own_modern_test_sysfs__02_sysfs_test_object_patched from './own-cases-modern/test-sysfs__02_sysfs_test_object_patched.json';
import own_modern_test_sysfs__05_sysfs_test_stack_order_value from './own-cases-modern/test-sysfs__05_sysfs_test_stack_order_value.json';
import test_livepatch__03_atomic_replace_livepatch_own from './own-cases/test-livepatch__03_atomic_replace_livepatch.json';

export interface CorpusCase {
  file: string;
  /** true for cases we wrote, false for the shared oracle. */
  own: boolean;
  /** Which corpus: the v5.10 scripts or the v7.1 ones (cases-modern/). */
  corpus: 'v5.10' | 'v7.1';
  data: unknown;
}

export const SELFTEST_CORPUS: CorpusCase[] = [
  { file: 'test-callbacks__01_target_module_before_livepatch.json', own: false, corpus: 'v5.10', data: test_callbacks__01_target_module_before_livepatch },
  { file: 'test-callbacks__02_module_coming_notifier.json', own: false, corpus: 'v5.10', data: test_callbacks__02_module_coming_notifier },
  { file: 'test-callbacks__03_module_going_notifier.json', own: false, corpus: 'v5.10', data: test_callbacks__03_module_going_notifier },
  { file: 'test-callbacks__05_target_module_not_present.json', own: false, corpus: 'v5.10', data: test_callbacks__05_target_module_not_present },
  { file: 'test-callbacks__06_pre_patch_callback_enodev.json', own: false, corpus: 'v5.10', data: test_callbacks__06_pre_patch_callback_enodev },
  { file: 'test-callbacks__09_busy_target_module.json', own: false, corpus: 'v5.10', data: test_callbacks__09_busy_target_module },
  { file: 'test-callbacks__11_atomic_replace.json', own: false, corpus: 'v5.10', data: test_callbacks__11_atomic_replace },
  { file: 'test-ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl.json', own: false, corpus: 'v5.10', data: test_ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl },
  { file: 'test-livepatch__01_basic_function_patching.json', own: false, corpus: 'v5.10', data: test_livepatch__01_basic_function_patching },
  { file: 'test-livepatch__02_multiple_livepatches.json', own: false, corpus: 'v5.10', data: test_livepatch__02_multiple_livepatches },
  { file: 'test-state__01_system_state_modification.json', own: false, corpus: 'v5.10', data: test_state__01_system_state_modification },
  { file: 'test-state__02_taking_over_system_state_modification.json', own: false, corpus: 'v5.10', data: test_state__02_taking_over_system_state_modification },
  { file: 'test-state__04_incompatible_cumulative_livepatches.json', own: false, corpus: 'v5.10', data: test_state__04_incompatible_cumulative_livepatches },
  { file: 'test-sysfs__01_sysfs_test.json', own: false, corpus: 'v5.10', data: test_sysfs__01_sysfs_test },
  { file: 'test-callbacks__07_module_coming_pre_patch_enodev.json', own: true, corpus: 'v5.10', data: test_callbacks__07_module_coming_pre_patch_enodev_own },
  { file: 'test-callbacks__08_multiple_target_modules.json', own: true, corpus: 'v5.10', data: test_callbacks__08_multiple_target_modules_own },
  { file: 'test-callbacks__10_multiple_livepatches.json', own: true, corpus: 'v5.10', data: test_callbacks__10_multiple_livepatches_own },
  { file: 'test-callbacks__01_target_module_before_livepatch.json', own: false, corpus: 'v7.1', data: modern_test_callbacks__01_target_module_before_livepatch },
  { file: 'test-callbacks__02_module_coming_notifier.json', own: false, corpus: 'v7.1', data: modern_test_callbacks__02_module_coming_notifier },
  { file: 'test-callbacks__03_module_going_notifier.json', own: false, corpus: 'v7.1', data: modern_test_callbacks__03_module_going_notifier },
  { file: 'test-callbacks__05_target_module_not_present.json', own: false, corpus: 'v7.1', data: modern_test_callbacks__05_target_module_not_present },
  { file: 'test-callbacks__06_pre_patch_callback_enodev.json', own: false, corpus: 'v7.1', data: modern_test_callbacks__06_pre_patch_callback_enodev },
  { file: 'test-callbacks__09_busy_target_module.json', own: false, corpus: 'v7.1', data: modern_test_callbacks__09_busy_target_module },
  { file: 'test-callbacks__11_atomic_replace.json', own: false, corpus: 'v7.1', data: modern_test_callbacks__11_atomic_replace },
  { file: 'test-ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl.json', own: false, corpus: 'v7.1', data: modern_test_ftrace__01_livepatch_interaction_with_ftrace_enabled_sysctl },
  { file: 'test-ftrace__02_trace_livepatched_function_and_check_that_the_live_patch_remains_in_effect.json', own: false, corpus: 'v7.1', data: modern_test_ftrace__02_trace_livepatched_function_and_check_that_the_live_patch_remains_in_effect },
  { file: 'test-ftrace__03_livepatch_a_traced_function_and_check_that_the_live_patch_remains_in_effect.json', own: false, corpus: 'v7.1', data: modern_test_ftrace__03_livepatch_a_traced_function_and_check_that_the_live_patch_remains_in_effect },
  { file: 'test-kprobe__01_livepatch_interaction_with_kprobed_function_with_post_handler.json', own: false, corpus: 'v7.1', data: modern_test_kprobe__01_livepatch_interaction_with_kprobed_function_with_post_handler },
  { file: 'test-livepatch__01_basic_function_patching.json', own: false, corpus: 'v7.1', data: modern_test_livepatch__01_basic_function_patching },
  { file: 'test-livepatch__02_multiple_livepatches.json', own: false, corpus: 'v7.1', data: modern_test_livepatch__02_multiple_livepatches },
  { file: 'test-livepatch__04_module_function_patching.json', own: false, corpus: 'v7.1', data: modern_test_livepatch__04_module_function_patching },
  { file: 'test-state__01_system_state_modification.json', own: false, corpus: 'v7.1', data: modern_test_state__01_system_state_modification },
  { file: 'test-state__02_taking_over_system_state_modification.json', own: false, corpus: 'v7.1', data: modern_test_state__02_taking_over_system_state_modification },
  { file: 'test-state__04_incompatible_cumulative_livepatches.json', own: false, corpus: 'v7.1', data: modern_test_state__04_incompatible_cumulative_livepatches },
  { file: 'test-syscall__01_patch_getpid_syscall_while_being_heavily_hammered.json', own: false, corpus: 'v7.1', data: modern_test_syscall__01_patch_getpid_syscall_while_being_heavily_hammered },
  { file: 'test-sysfs__01_sysfs_test.json', own: false, corpus: 'v7.1', data: modern_test_sysfs__01_sysfs_test },
  { file: 'test-sysfs__03_sysfs_test_replace_enabled.json', own: false, corpus: 'v7.1', data: modern_test_sysfs__03_sysfs_test_replace_enabled },
  { file: 'test-sysfs__04_sysfs_test_replace_disabled.json', own: false, corpus: 'v7.1', data: modern_test_sysfs__04_sysfs_test_replace_disabled },
  { file: 'test-livepatch__03_atomic_replace_livepatch.json', own: true, corpus: 'v5.10', data: test_livepatch__03_atomic_replace_livepatch_own },
  { file: 'test-callbacks__04_module_coming_and_module_going_notifiers.json', own: true, corpus: 'v7.1', data: own_modern_test_callbacks__04_module_coming_and_module_going_notifiers },
  { file: 'test-callbacks__07_module_coming_pre_patch_enodev.json', own: true, corpus: 'v7.1', data: own_modern_test_callbacks__07_module_coming_pre_patch_enodev },
  { file: 'test-callbacks__08_multiple_target_modules.json', own: true, corpus: 'v7.1', data: own_modern_test_callbacks__08_multiple_target_modules },
  { file: 'test-callbacks__10_multiple_livepatches.json', own: true, corpus: 'v7.1', data: own_modern_test_callbacks__10_multiple_livepatches },
  { file: 'test-kprobe__02_livepatch_interaction_with_kprobed_function_without_post_handler.json', own: true, corpus: 'v7.1', data: own_modern_test_kprobe__02_livepatch_interaction_with_kprobed_function_without_post_handler },
  { file: 'test-livepatch__03_atomic_replace_livepatch.json', own: true, corpus: 'v7.1', data: own_modern_test_livepatch__03_atomic_replace_livepatch },
  { file: 'test-livepatch__05_module_function_patching_livepatch_first.json', own: true, corpus: 'v7.1', data: own_modern_test_livepatch__05_module_function_patching_livepatch_first },
  { file: 'test-state__03_compatible_cumulative_livepatches.json', own: true, corpus: 'v7.1', data: own_modern_test_state__03_compatible_cumulative_livepatches },
  { file: 'test-sysfs__02_sysfs_test_object_patched.json', own: true, corpus: 'v7.1', data: own_modern_test_sysfs__02_sysfs_test_object_patched },
  { file: 'test-sysfs__05_sysfs_test_stack_order_value.json', own: true, corpus: 'v7.1', data: own_modern_test_sysfs__05_sysfs_test_stack_order_value },
];
