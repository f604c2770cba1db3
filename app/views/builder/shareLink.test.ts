import { describe, expect, it } from 'vitest';
import { getPreset } from '@engine';
import { parseHash } from '../../url/parseHash';
import { buildLink, shareLink } from './shareLink';

describe('shareLink', () => {
  it('opens the scenario in the playground with the variant', () => {
    const scenario = getPreset('P08')!.scenario;
    const url = shareLink('http://h/x/', scenario, 'upstream');
    expect(url.startsWith('http://h/x/#scenario=')).toBe(true);
    const { state, errors } = parseHash(url.slice(url.indexOf('#')));
    expect(errors).toEqual([]);
    expect(state).toEqual({ scenario, variant: 'upstream' });
  });

  it('opens the scenario in the Build view with a Build link', () => {
    const scenario = getPreset('P10')!.scenario;
    const url = buildLink('http://h/', scenario, 'split');
    const { state, errors } = parseHash(url.slice(url.indexOf('#')));
    expect(errors).toEqual([]);
    expect(state).toEqual({ scenario, variant: 'split', view: 'build' });
  });
});
