import { describe, expect, it } from 'vitest';
import { getPreset, run } from '@engine';
import { failureDetail } from './failureDetail';

describe('failureDetail', () => {
  it("gives the failed command's error line", () => {
    const t = run(getPreset('P16')!.scenario, { variant: 'split' });
    expect(t.outcome.kind).toBe('error');
    expect(failureDetail(t)).toBe("modprobe: ERROR: could not insert 'lp2': Device or resource busy");
  });

  it('is null when nothing failed', () => {
    expect(failureDetail(run(getPreset('P10')!.scenario, { variant: 'split-poc19' }))).toBeNull();
  });
});
