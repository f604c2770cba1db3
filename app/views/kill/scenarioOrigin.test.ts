import { describe, expect, it } from 'vitest';
import { getPreset, validateScenario } from '@engine';
import { decodeScenario, encodeScenario } from '../../url/scenarioCodec';
import { originName, scenarioOrigin } from './scenarioOrigin';
import { withKill } from './killScenario';

const p08 = getPreset('P08')!.scenario;

describe('scenarioOrigin', () => {
  it('recognises a preset plus a kill, also after a trip through the URL', () => {
    const s = withKill(p08, 'H1', 0);
    const o = scenarioOrigin(s)!;
    expect(o.preset.id).toBe('P08');
    expect(o.kills).toEqual([{ target: 'H1', at: 0.001 }]);
    expect(originName(o)).toBe('P08 + kill H1 at t=0.001 s');
    const again = validateScenario(decodeScenario(encodeScenario(s)));
    expect(originName(scenarioOrigin(again)!)).toBe('P08 + kill H1 at t=0.001 s');
  });

  it('names a chain of kills in order', () => {
    const s = withKill(withKill(p08, 'U1', 0), 'H2', 1);
    expect(originName(scenarioOrigin(s)!)).toBe('P08 + kill U1 at t=0.001 s + kill H2 at t=0.002 s');
  });

  it('does not claim a preset for anything else', () => {
    expect(scenarioOrigin(p08)).toBeNull();
    const edited = withKill({ ...p08, modules: p08.modules.slice(1) }, 'H1', 0);
    expect(scenarioOrigin(edited)).toBeNull();
    const notKill = { ...p08, tasks: [...p08.tasks, { id: 'K', start: 0.001, commands: ['lsmod'] }] };
    expect(scenarioOrigin(notKill)).toBeNull();
  });
});
