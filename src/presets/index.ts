/**
 * index.ts - all presets, the seed's situations first.
 */
import type { Preset } from './types';
import { P01, P02, P03, P03f, P04 } from './loader';
import { P05, P06, P07, P16, P16r, P16f, P17 } from './livepatch';
import { P08, P08k, P10, P10i, P10k, P11, P13 } from './seed';
import { withV71 } from './v71';
import { P09, P12, P14, P15, P15c, P18, P19, P20 } from './split';
import { SELFTEST_PRESETS } from './selftests';

/** Gallery order: the seed's situations first, then the rest by id, then the kernel selftests. */
export const PRESETS: Preset[] = [
  P10,
  P08,
  P13,
  P10i,
  P11,
  P08k,
  P10k,
  P01,
  P02,
  P03,
  P03f,
  P04,
  P05,
  P06,
  P07,
  P09,
  P12,
  P14,
  P15,
  P15c,
  P16,
  P16r,
  P16f,
  P17,
  P18,
  P19,
  P20,
  ...SELFTEST_PRESETS,
].map(withV71);

export const DEFAULT_PRESET_ID = 'P10';

export function getPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id.toLowerCase() === id.toLowerCase());
}

export type { Preset, Expectation } from './types';
