import { describe, expect, it } from 'vitest';
import { actionFor } from './shortcuts';

const k = (key: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('actionFor', () => {
  it('maps the documented keys', () => {
    expect(actionFor(k('ArrowLeft'))).toBe('back');
    expect(actionFor(k('ArrowRight', { shiftKey: true }))).toBe('forward10');
    expect(actionFor(k('Home'))).toBe('start');
    expect(actionFor(k('End'))).toBe('end');
    expect(actionFor(k(' '))).toBe('play');
    expect(actionFor(k('['))).toBe('prevMarker');
    expect(actionFor(k(']'))).toBe('nextMarker');
  });

  it('leaves browser shortcuts and other keys alone', () => {
    expect(actionFor(k('ArrowLeft', { altKey: true }))).toBeNull();
    expect(actionFor(k('r', { ctrlKey: true }))).toBeNull();
    expect(actionFor(k('a'))).toBeNull();
  });
});
