/**
 * parseHash.ts - the URL fragment (#preset=P10&variant=split&sched=T1,U1&step=42&compare=split-poc19)
 * as view inputs. Each bad parameter yields a message that names it, and is left out so that the
 * caller falls back to its default: a shared link never crashes the page.
 */
import { getPreset, GRANULARITIES, isVariantId, KERNEL_TASK_LABEL_RE, MAX_SCENARIO_BYTES, TASK_LABEL_RE, validateScenario, VARIANT_IDS, type Granularity, type Scenario, type VariantId } from '@engine';
import { decodeScenario } from './scenarioCodec';
import { SHIPPED_GRAPHS, shippedGraph } from '../views/kernel-graph/shippedGraphs';

export type ViewParam = 'playground' | 'kernel' | 'build';

export interface UrlState {
  preset?: string;
  scenario?: Scenario;
  variant?: VariantId;
  /** Task labels to pick at successive scheduling choices (`sched=T1,U1,kworker/1`). */
  schedule?: readonly string[];
  /** The granularity of the schedule's picks (`gran=fine`); absent: the default. */
  granularity?: Granularity;
  compare?: VariantId;
  step?: number;
  view?: ViewParam;
  /** Real kernel view: a shipped module graph's id, the selected module, the hazard table. */
  graph?: string;
  module?: string;
  tab?: 'hazards';
}

export interface ParsedHash {
  state: UrlState;
  errors: string[];
  /**
   * The link's scenario when it was not valid: kept so that the page can show it and open it in
   * the Build view (decoded JSON, or the raw text when it did not even decode).
   */
  rejectedScenario?: unknown;
}

const KNOWN = new Set(['preset', 'scenario', 'variant', 'sched', 'gran', 'compare', 'step', 'view', 'graph', 'module', 'tab']);
/** A module name as depmod writes it (engine rule: MODULE_NAME_RE). */
const MODULE_PARAM = /^[A-Za-z0-9_]{1,55}$/;

/**
 * A task label in a schedule: a user task's id (U1, T1), a helper (H1) or a worker (kworker/1),
 * by the engine's rules. None needs escaping in a fragment, so shared links stay readable.
 */
export const SCHEDULE_LABEL = { test: (s: string): boolean => TASK_LABEL_RE.test(s) || KERNEL_TASK_LABEL_RE.test(s) };
const VIEWS: ViewParam[] = ['playground', 'kernel', 'build'];

export function parseHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: UrlState = {};
  const errors: string[] = [];
  const variantList = VARIANT_IDS.join(', ');

  let rejectedScenario: unknown;
  for (const key of new Set(params.keys())) {
    if (!KNOWN.has(key)) errors.push(`Unknown URL parameter "${key}" was ignored.`);
    else if (params.getAll(key).length > 1) errors.push(`URL parameter "${key}" is given ${params.getAll(key).length} times; the first one is used.`);
  }

  const preset = params.get('preset');
  if (preset !== null) {
    const p = getPreset(preset);
    if (p) state.preset = p.id;
    else errors.push(`URL parameter "preset": no preset "${preset}"; opened the default preset instead.`);
  }

  const scenario = params.get('scenario');
  // base64url takes 4 characters for 3 bytes.
  if (scenario !== null && scenario.length > Math.ceil((MAX_SCENARIO_BYTES * 4) / 3)) {
    errors.push(`URL parameter "scenario" is ${scenario.length} characters long, more than a scenario may be (${MAX_SCENARIO_BYTES} bytes of JSON); opened the default preset instead.`);
  } else if (scenario !== null) {
    let decoded: unknown;
    try {
      decoded = decodeScenario(scenario);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      errors.push(`URL parameter "scenario" does not decode (${why}); opened the default preset instead.`);
      rejectedScenario = scenario;
    }
    if (decoded !== undefined) {
      try {
        state.scenario = validateScenario(decoded);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        errors.push(`URL parameter "scenario" is not a valid scenario (${why}); opened the default preset instead.`);
        rejectedScenario = decoded;
      }
    }
  }

  for (const key of ['variant', 'compare'] as const) {
    const v = params.get(key);
    if (v === null) continue;
    if (isVariantId(v)) state[key] = v;
    else errors.push(`URL parameter "${key}": unknown kernel variant "${v}" (expected one of ${variantList}); using the default.`);
  }

  const sched = params.get('sched');
  if (sched !== null && sched !== '') {
    const labels = sched.split(',');
    const bad = labels.filter((l) => !SCHEDULE_LABEL.test(l));
    if (bad.length === 0) state.schedule = labels;
    else {
      const shown = bad.map((l) => `"${l.slice(0, 30)}"`).slice(0, 3).join(', ');
      errors.push(`URL parameter "sched": ${shown} ${bad.length === 1 ? 'is not a task label' : 'are not task labels'} (such as U1, H1 or kworker/1); using the default schedule.`);
    }
  }

  const gran = params.get('gran');
  if (gran !== null) {
    if ((GRANULARITIES as readonly string[]).includes(gran)) state.granularity = gran as Granularity;
    else errors.push(`URL parameter "gran": unknown granularity "${gran}" (expected ${GRANULARITIES.join(' or ')}); using the default.`);
  }

  const step = params.get('step');
  if (step !== null) {
    if (/^\d{1,9}$/.test(step)) state.step = Number(step);
    else errors.push(`URL parameter "step": "${step}" is not a step number; opened at the outcome step instead.`);
  }

  const view = params.get('view');
  if (view !== null) {
    if ((VIEWS as string[]).includes(view)) state.view = view as ViewParam;
    else errors.push(`URL parameter "view": unknown view "${view}" (expected ${VIEWS.slice(0, -1).join(', ')} or ${VIEWS[VIEWS.length - 1]}); showing the playground.`);
  }

  const graph = params.get('graph');
  if (graph !== null) {
    if (shippedGraph(graph)) state.graph = graph;
    else errors.push(`URL parameter "graph": no shipped module graph "${graph}" (expected ${SHIPPED_GRAPHS.map((g) => g.id).join(' or ')}); showing the default kernel.`);
  }
  const module = params.get('module');
  if (module !== null) {
    const name = module.replace(/-/g, '_');
    if (MODULE_PARAM.test(name)) state.module = name;
    else errors.push(`URL parameter "module": "${module.slice(0, 60)}" is not a module name; showing the overview.`);
  }
  const tab = params.get('tab');
  if (tab !== null) {
    if (tab === 'hazards') state.tab = tab;
    else errors.push(`URL parameter "tab": unknown tab "${tab}" (expected hazards); showing the graph.`);
  }
  return { state, errors, ...(rejectedScenario !== undefined ? { rejectedScenario } : {}) };
}
