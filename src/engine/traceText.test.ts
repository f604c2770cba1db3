/**
 * The timeline as a reader sees it, line by line, for a few runs that between them take every
 * road of the interpreter: each step's task, kind, function, depth, text, marks and kernel log,
 * the scheduling choices, and the verdict. The expected text is kept in traces/*.txt, read and
 * checked by hand when it was written; a change to any step line, errno name, note or verdict of
 * these runs shows up here as a diff to review (`npx vitest -u` accepts it).
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { run, type RunOptions } from '../test/run';
import type { Trace } from '../model/trace';
import type { Scenario } from '../model/scenario';
import { scn } from '../test/helpers';

function traceText(t: Trace): string {
  const o = t.outcome;
  const head = [`variant ${t.variant}`, `outcome ${o.kind}${o.location ? ` in ${o.location}` : ''}${o.seedLocation ? ` (location ${o.seedLocation})` : ''}: ${o.summary}`];
  const lines = t.steps.map((s) => {
    const parts = [`${s.i} t=${s.t} ${s.label || '-'} ${s.kind} ${s.fn || '-'} d${s.depth}`, s.text];
    if (s.arg) parts.push(`arg=${s.arg}`);
    if (s.choice) parts.push(`choice ${s.choice.options.join('/')} -> ${s.choice.picked}`);
    if (s.marks?.length) parts.push(`marks ${s.marks.join(',')}`);
    for (const d of s.dmesg ?? []) parts.push(`dmesg ${d}`);
    for (const u of s.out ?? []) parts.push(`${u.stream} ${u.text}`);
    return parts.join(' | ');
  });
  return [...head, ...lines, ''].join('\n');
}

/** test_klp_callbacks_busy loaded with a parameter, then unloaded: arguments given as key=value. */
const PARAMS: Scenario = scn({
  modules: [{ name: 'busy', model: 'test_klp_callbacks_busy', params: { block_transition: { type: 'bool', default: 'N' } } }],
  tasks: [{ commands: ['modprobe busy block_transition=N', 'rmmod busy'] }],
});

const RUNS: [string, string, RunOptions][] = [
  ['P08', 'split', {}], // type B: deadlock at location (i)
  ['P10', 'split-break-only', {}], // a timed cycle: a stall at location (ii)
  ['P10', 'split-poc19', {}], // 19/23: klp_break_recursion() and -EEXIST
  ['P20', 'split', { maxSteps: 400 }], // empty modprobe path: a livelock
  ['P16', 'upstream', {}], // a transition that waits, fake signals, -EBUSY
  ['P03', 'v7.1', {}], // early_mod_check() and the patient wait
  ['P10', 'split', { granularity: 'fine' }], // preemption after every visible step
  ['P08', 'split', { granularity: 'fine', preemptEveryStep: true }], // ... and after every step
  ['params', 'upstream', {}], // module parameters on the command line
];

describe('the step lines of a run, as the timeline shows them', () => {
  for (const [id, variant, opts] of RUNS) {
    const name = `${id}-${variant}${opts.granularity ? `-${opts.granularity}` : ''}${opts.preemptEveryStep ? '-every-step' : ''}`;
    it(name, async () => {
      const t = run(id === 'params' ? PARAMS : getPreset(id)!.scenario, { ...opts, variant: variant as RunOptions['variant'] });
      await expect(traceText(t)).toMatchFileSnapshot(`./traces/${name}.txt`);
    });
  }
});
