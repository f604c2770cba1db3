import { describe, expect, it } from 'vitest';
import { shellStatus, signalOfOption } from './signals';

describe('signals', () => {
  it('reads kill options by number and by name', () => {
    expect(signalOfOption('-9')).toBe(9);
    expect(signalOfOption('-KILL')).toBe(9);
    expect(signalOfOption('-sigterm')).toBe(15);
    expect(signalOfOption('-HUP')).toBeUndefined();
  });

  it('reports a finished task as a shell does', () => {
    expect(shellStatus({ exitCode: 1, signal: null }).text).toBe('exit status 1');
    expect(shellStatus({ exitCode: 0, signal: null }).text).toBe('exit status 0');
    const killed = shellStatus({ exitCode: 9, signal: 9 });
    expect(killed.text).toBe('Killed');
    expect(killed.detail).toMatch(/SIGKILL.*137/);
    expect(shellStatus({ exitCode: 15, signal: 15 }).text).toBe('Terminated');
  });
});
