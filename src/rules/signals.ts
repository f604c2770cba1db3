/**
 * signals.ts - the signals a scenario can send (`kill [-9|-15|-2] TASK`) and how a shell reports
 * a finished command: `exit status N`, or for a command a signal killed, bash's job message
 * ("Killed" for SIGKILL, "Terminated" for SIGTERM) with $? = 128 + N.
 */

export interface SignalInfo {
  number: number;
  name: string;
  /** What bash prints when a foreground job dies of it (strsignal()). */
  shellSays: string;
}

export const SIGNALS: SignalInfo[] = [
  { number: 2, name: 'SIGINT', shellSays: 'Interrupt' },
  { number: 9, name: 'SIGKILL', shellSays: 'Killed' },
  { number: 15, name: 'SIGTERM', shellSays: 'Terminated' },
];

/** `kill`'s default signal. */
export const DEFAULT_KILL_SIGNAL = 15;

/** The signal a `kill` option names (-9, -KILL, -SIGKILL), or undefined. */
export function signalOfOption(opt: string): number | undefined {
  const o = opt.replace(/^-/, '').toUpperCase();
  return SIGNALS.find((s) => String(s.number) === o || s.name === o || s.name === `SIG${o}`)?.number;
}

/** How a shell reports a finished task: `text` as on screen, `detail` spelling out the status. */
export function shellStatus(t: { exitCode: number | null; signal: number | null }): { text: string; detail: string } {
  if (t.signal !== null) {
    const s = SIGNALS.find((x) => x.number === t.signal);
    const name = s?.name ?? `signal ${t.signal}`;
    return { text: s?.shellSays ?? `killed by ${name}`, detail: `killed by ${name} (signal ${t.signal}); the shell's $? is ${128 + t.signal}` };
  }
  const code = t.exitCode ?? 0;
  return { text: `exit status ${code}`, detail: code === 0 ? 'finished; the shell\'s $? is 0' : `finished with exit status ${code}, as the shell's $? shows` };
}
