/**
 * world.ts - the world at boot: no modules, the user tasks waiting for their start time.
 */
import type { World } from '../model/world';
import type { Env } from '../sim/env';
import { MAX_KMOD_CONCURRENT } from '../rules/limits';
import { DEFAULT_MODPROBE_PATH, taskLabel } from '../rules/names';

export function initialWorld(env: Env): World {
  const k = env.scenario.kernel ?? {};
  const w: World = {
    release: env.variant.kernel.release,
    kernel: env.variant.kernel.version,
    time: 0,
    step: 0,
    nextPid: 100,
    nextModId: 1,
    instSeq: {},
    helperSeq: 0,
    userSeq: 0,
    workerSeq: 0,
    modules: [],
    tasks: [],
    runq: [],
    current: null,
    choices: 0,
    klp: {
      patches: [],
      transition: null,
      target: 'KLP_TRANSITION_IDLE',
      loading: null,
      pending: [],
      workQueued: false,
      signalsCnt: 0,
      tsCounter: 0,
    },
    klpMutex: null,
    kmodSlots: MAX_KMOD_CONCURRENT,
    modprobePath: k.modprobePath ?? DEFAULT_MODPROBE_PATH,
    ftraceEnabled: k.ftraceEnabled ?? true,
    taintLivepatch: false,
    idem: [],
    tracing: { tracer: 'nop', filter: [], on: true, buffer: [] },
    kprobesEnabled: true,
    kprobes: [],
    moduleFiles: [],
    debugLocks: true,
    work: [],
    dmesg: [],
    userspace: [],
    failures: [],
    settleUntil: null,
    stalls: [],
  };
  env.scenario.tasks.forEach((t, i) => {
    const startAt = Math.round((t.start ?? 0) * 1000);
    const pid = w.nextPid++;
    w.tasks.push({
      pid,
      label: taskLabel(t, i),
      comm: 'sh',
      argv: t.commands[0] ?? '',
      kind: 'user',
      parent: null,
      frames: [{ fn: 'sh', pc: 'start', l: { cmds: t.commands } }],
      status: startAt <= 0 ? 'runnable' : 'new',
      wait: null,
      startAt,
      exitCode: null,
      signal: null,
      sigpending: null,
    });
    if (startAt <= 0) w.runq.push(pid);
  });
  return w;
}
