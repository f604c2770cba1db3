/**
 * ctx.ts - the Ctx every run, replay and search steps with: the static environment plus the code
 * of the modules modelled in src/modules/.
 */
import { Ctx } from '../sim/context';
import type { Env } from '../sim/env';
import { LIVEPATCH_MODELS } from '../modules/registry';

export function newCtx(env: Env): Ctx {
  return new Ctx(env, LIVEPATCH_MODELS);
}
