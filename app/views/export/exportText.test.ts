import { describe, expect, it } from 'vitest';
import { getPreset, run } from '@engine';
import { dmesgText, fileStem, traceJson, userspaceText, TRACE_EXPORT_TYPE } from './exportText';

describe('export text', () => {
  const t = run(getPreset('P10')!.scenario, { variant: 'split' });

  it('dmesg holds the lines printed up to the step, with their timestamps', () => {
    const all = dmesgText(t.final.dmesg, t.steps.length - 1).split('\n').filter(Boolean);
    expect(all).toHaveLength(t.final.dmesg.length);
    expect(all[0]).toMatch(/^\[ +0\.000000\] M: M_init$/);
    const first = t.final.dmesg[0].step;
    expect(dmesgText(t.final.dmesg, first - 1)).toBe('');
    expect(dmesgText(t.final.dmesg, first)).toBe(`${all[0]}\n`);
  });

  it('user space reads as the shell shows it; several shells prefix their lines', () => {
    const text = userspaceText(t.final.userspace, t.final.tasks, t.steps.length - 1);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['U1 $ modprobe M', 'U1 $ modprobe lp']));
    const two = [{ pid: 1, label: 'U1', kind: 'user' as const }, { pid: 2, label: 'U2', kind: 'user' as const }];
    const lines = [
      { step: 0, pid: 1, stream: 'cmd' as const, text: 'rmmod M' },
      { step: 1, pid: 1, stream: 'stderr' as const, text: 'rmmod: ERROR: Module M is in use' },
      { step: 2, pid: 2, stream: 'exit' as const, text: 'exit status 1' },
    ];
    expect(userspaceText(lines, two, 2)).toBe('U1 $ rmmod M\nU1: rmmod: ERROR: Module M is in use\n[U2: exit status 1]\n');
    expect(userspaceText(lines, two.slice(0, 1), 1)).toBe('U1 $ rmmod M\nrmmod: ERROR: Module M is in use\n');
  });

  it('the trace JSON has the run inputs, every step and the verdict, not the replay worlds', () => {
    const j = JSON.parse(traceJson(t));
    expect(j).toMatchObject({ type: TRACE_EXPORT_TYPE, version: 1, variant: 'split', outcome: { kind: 'deadlock' } });
    expect(j.steps).toHaveLength(t.steps.length);
    expect(j.checkpoints).toBeUndefined();
    expect(j.final).toBeUndefined();
  });

  it('file names: the preset or a safe form of the title', () => {
    expect(fileStem('P10', 'x', 'split', 4)).toBe('P10-split-step4');
    expect(fileStem(null, 'type C / recursion: #2', 'v7.1', 0)).toBe('type-C-recursion-2-v7.1-step0');
    expect(fileStem(null, '///', 'split', 0)).toBe('scenario-split-step0');
  });
});
