/**
 * cpuTime.ts - how much CPU time this process has used, in milliseconds (user + system, all its
 * threads). The command line's time limits (`explore --max-seconds`, the fuzzer's time bound and
 * budget) count the computing a search or a run takes, not the wall clock: on a shared machine
 * the wall clock also counts the time spent waiting for a core, so the same search would stop at
 * different places. The engine itself never reads it.
 */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
