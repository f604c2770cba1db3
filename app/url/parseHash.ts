/**
 * parseHash.ts - the URL fragment (#preset=P10&variant=split&step=42&compare=split-poc19) as
 * view inputs. Each bad parameter yields a message that names it, and is left out so that the
 * caller falls back to its default: a shared link never crashes the page.
 */
import { getPreset, isVariantId, validateScenario, VARIANT_IDS, type Scenario, type VariantId } from '@engine';
import { decodeScenario } from './scenarioCodec';

export type ViewParam = 'playground' | 'kernel';

export interface UrlState {
  preset?: string;
  scenario?: Scenario;
  variant?: VariantId;
  compare?: VariantId;
  step?: number;
  view?: ViewParam;
}

export interface ParsedHash {
  state: UrlState;
  errors: string[];
}

const KNOWN = new Set(['preset', 'scenario', 'variant', 'compare', 'step', 'view']);
const VIEWS: ViewParam[] = ['playground', 'kernel'];

export function parseHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: UrlState = {};
  const errors: string[] = [];
  const variantList = VARIANT_IDS.join(', ');

  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) errors.push(`Unknown URL parameter "${key}" was ignored.`);
  }

  const preset = params.get('preset');
  if (preset !== null) {
    const p = getPreset(preset);
    if (p) state.preset = p.id;
    else errors.push(`URL parameter "preset": no preset "${preset}"; opened the default preset instead.`);
  }

  const scenario = params.get('scenario');
  if (scenario !== null) {
    try {
      state.scenario = validateScenario(decodeScenario(scenario));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      errors.push(`URL parameter "scenario" is not a valid scenario (${why}); opened the default preset instead.`);
    }
  }

  for (const key of ['variant', 'compare'] as const) {
    const v = params.get(key);
    if (v === null) continue;
    if (isVariantId(v)) state[key] = v;
    else errors.push(`URL parameter "${key}": unknown kernel variant "${v}" (expected one of ${variantList}); using the default.`);
  }

  const step = params.get('step');
  if (step !== null) {
    if (/^\d{1,9}$/.test(step)) state.step = Number(step);
    else errors.push(`URL parameter "step": "${step}" is not a step number; opened at the outcome step instead.`);
  }

  const view = params.get('view');
  if (view !== null) {
    if ((VIEWS as string[]).includes(view)) state.view = view as ViewParam;
    else errors.push(`URL parameter "view": unknown view "${view}" (expected ${VIEWS.join(' or ')}); showing the playground.`);
  }
  return { state, errors };
}
