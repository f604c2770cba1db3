import { describe, expect, it } from 'vitest';
import { outcomeBadge, shortOutcome } from './outcomeText';

describe('outcomeText', () => {
  it('shortens expectations and outcomes with the seed location', () => {
    expect(shortOutcome({ outcome: 'deadlock', location: 'add_unformed_module' })).toBe('deadlock (i)');
    expect(shortOutcome({ kind: 'stall', location: 'resolve_symbol_wait' })).toBe('stall (ii)');
    expect(shortOutcome({ outcome: 'ok' })).toBe('ok');
    expect(shortOutcome({ kind: 'livelock', location: 'klp_module_coming' })).toBe('livelock');
  });
  it('gives each outcome a tone', () => {
    expect(outcomeBadge('ok').tone).toBe('good');
    expect(outcomeBadge('deadlock')).toEqual({ text: 'DEADLOCK', tone: 'bad' });
  });
});
