import { describe, expect, it } from 'vitest';
import { explainWait } from './explainWait';

describe('explainWait', () => {
  it('names the seed locations', () => {
    expect(explainWait({ wid: 'W1', fn: 'add_unformed_module', timed: false }, 'U1').location).toBe('i');
    expect(explainWait({ wid: 'W2', fn: 'resolve_symbol_wait', timed: true }, 'U1').location).toBe('ii');
    expect(explainWait({ wid: 'W3', fn: 'call_usermodehelper_exec', timed: false }, 'H1').why).toContain('H1');
  });
});
