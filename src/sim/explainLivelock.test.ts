import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { explainLivelock } from './explainLivelock';

describe('explainLivelock', () => {
  it('P20: names the empty modprobe path that makes klp_module_coming() ask forever', () => {
    const t = run(getPreset('P20')!.scenario, { variant: 'split' });
    expect(t.outcome).toMatchObject({ kind: 'livelock', location: 'klp_module_coming', cycle: ['U1'] });
    const x = explainLivelock(t.final, 'klp_module_coming', 'U1');
    expect(x.why).toMatch(/\/proc\/sys\/kernel\/modprobe is empty/);
    expect(x.why).toMatch(/request_module\(\) returns 0/);
    expect(x.until).toMatch(/never/);
  });

  it('says what a livelock is for any other loop', () => {
    const t = run(getPreset('P20')!.scenario, { variant: 'split' });
    expect(explainLivelock({ ...t.final, modprobePath: '/sbin/modprobe' }, 'klp_module_coming', 'U1').title).toMatch(/loops without progress/);
  });
});
