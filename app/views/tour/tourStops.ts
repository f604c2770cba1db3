/**
 * tourStops.ts - the guided first visit: the default preset's recursion told step by step, each
 * stop at a step found in the trace (its marks, the machine transitions it records, the waits
 * of its wait-for graph), never at a fixed step number, so the tour follows the engine when the
 * engine changes. A stop whose moment the run does not have (no deadlock with 19/23, no
 * recursion break without it) is left out.
 */
import { explainWait, VARIANTS, waitForGraph, worldAt, type Mark, type Trace, type TraceStep } from '@engine';

export interface TourStop {
  id: string;
  /** The step the timeline moves to. */
  step: number;
  title: string;
  body: string;
}

function firstMarked(trace: Trace, mark: Mark, from = 0, pred: (s: TraceStep) => boolean = () => true): TraceStep | undefined {
  for (let i = Math.max(0, from); i < trace.steps.length; i++) {
    const s = trace.steps[i];
    if (s.marks?.includes(mark) && pred(s)) return s;
  }
  return undefined;
}

/** The label of the task with this pid in the run. */
function labelOf(trace: Trace, pid: number): string {
  return trace.final.tasks.find((t) => t.pid === pid)?.label ?? String(pid);
}

/** The module instance a machine change names, as the graph shows it (lp#1). */
function commandOf(trace: Trace, pid: number): string {
  return trace.final.tasks.find((t) => t.pid === pid)?.argv ?? '';
}

/** `story`: what the run is called in the tour's first title (the preset's seed name). */
export function tourStops(trace: Trace, story = trace.scenario.title || 'this run'): TourStop[] {
  const stops: TourStop[] = [];
  const steps = trace.steps;
  const variant = VARIANTS[trace.variant];
  const users = trace.final.tasks.filter((t) => t.kind === 'user');
  stops.push({
    id: 'start',
    step: 0,
    title: `${story[0].toUpperCase()}${story.slice(1)}, step by step`,
    body:
      `${trace.scenario.tasks.map((s, i) => `${users[i]?.label ?? s.id} runs ${s.commands.join('; ')}`).join('. ')}. ` +
      `The kernel is ${variant.label}. The timeline at the bottom holds every step; this tour moves it to the moments that matter. ` +
      'The graphs, the call stacks and the logs always show the step the timeline is at.',
  });

  // The first module that goes COMING and the klp_module_coming() call on it.
  const coming = firstMarked(trace, 'klp_module_coming');
  if (coming) {
    stops.push({
      id: 'coming',
      step: coming.i,
      title: `${coming.arg ?? 'A module'} is COMING`,
      body:
        `load_module() has made ${coming.arg} visible (MODULE_STATE_COMING), and before its init runs the kernel calls ` +
        `klp_module_coming(${coming.arg}): every livepatch that patches this module must be applied now. ` +
        'Click a module in "Who loads whom" to see its state machine follow the timeline.',
    });
  }

  // The livepatch is created: the init of its module calls klp_enable_patch().
  const patchAt = steps.find((s) => s.machines?.some((c) => c.machine === 'livepatch' && c.from === null));
  const patch = patchAt?.machines?.find((c) => c.machine === 'livepatch' && c.from === null);
  if (patchAt && patch) {
    stops.push({
      id: 'enable',
      step: patchAt.i,
      title: `${patch.name}'s init enables the patch`,
      body:
        `The module ${patch.name} is COMING and its init calls klp_enable_patch(): ${patch.event}() makes the patch (state ${patch.to}). ` +
        `${patch.name} is not LIVE until that init returns, so anything that waits for ${patch.name} to be LIVE waits for this call to finish.`,
    });
  }

  // request_module(): the kernel starts modprobe and waits for it.
  const request = firstMarked(trace, 'request_module', patchAt?.i ?? 0);
  if (request) {
    const sleep = firstMarked(trace, 'wait', request.i, (s) => s.pid === request.pid);
    // The helper: the first task that runs after the request and had not run before it.
    const before = new Set(steps.slice(0, request.i + 1).map((s) => s.pid));
    const helperStep = steps.find((s) => s.i > request.i && s.pid !== 0 && !before.has(s.pid));
    const helperTask = helperStep ? trace.final.tasks.find((t) => t.pid === helperStep.pid) : undefined;
    stops.push({
      id: 'request',
      step: sleep?.i ?? request.i,
      title: `The kernel loads ${request.arg} for the patch`,
      body:
        `The patched module is already loaded, so the split POC loads the patch's per-object module: request_module(${request.arg}) ` +
        `starts ${helperTask ? `${helperTask.label}, ` : 'a helper, '}${helperTask ? `'${helperTask.argv}'` : 'modprobe'}, in user space. ` +
        `${labelOf(trace, request.pid)} ${sleep ? sleep.text : 'waits'}: it cannot go on until that modprobe exits.`,
    });
  }

  // 19/23 acts, or the nested load goes to sleep.
  const broke = firstMarked(trace, 'klp_break_recursion');
  if (broke) {
    stops.push({
      id: 'break',
      step: broke.i,
      title: '19/23 breaks the recursion',
      body:
        `${labelOf(trace, broke.pid)} loads ${request?.arg ?? 'the per-object module'}'s dependencies first, and one of them is the livepatch module being enabled. ` +
        "Patch 19/23's klp_break_recursion() sees it is klp_loading_patch and makes add_unformed_module() return -EEXIST instead of waiting; " +
        'modprobe takes -EEXIST as "already loaded" and goes on.',
    });
  } else if (request) {
    const nested = firstMarked(trace, 'wait', request.i, (s) => s.pid !== request.pid);
    if (nested) {
      const edge = waitForGraph(worldAt(trace, nested.i)).edges.find((e) => e.from === nested.pid);
      const why = edge ? explainWait(edge, labelOf(trace, edge.to)) : null;
      stops.push({
        id: 'nested',
        step: nested.i,
        title: `${labelOf(trace, nested.pid)} waits for the load that waits for it`,
        body:
          `${labelOf(trace, nested.pid)} (${commandOf(trace, nested.pid)}) first loads what ${request.arg} depends on, and that is the module whose init is waiting for ${labelOf(trace, nested.pid)}. ` +
          (why ? `${why.title[0].toUpperCase()}${why.title.slice(1)}: ${why.why}` : `It ${nested.text}.`),
      });
    }
  }

  const o = trace.outcome;
  const endStep = Math.min(o.step, steps.length - 1);
  stops.push({
    id: 'end',
    step: endStep,
    title: o.kind === 'deadlock' ? 'Deadlock' : `The run ends: ${o.kind}`,
    body:
      (o.kind === 'deadlock'
        ? `${o.summary}. Each task in the cycle sleeps until the next one finishes, so none ever does: "Who waits for whom" shows the cycle. ` +
          'Switch the kernel to split + 19/23 to see the patch fix it, or to a v7.1 kernel to see where it blocks today.'
        : `${o.summary}. Switch the kernel to split POC to see it deadlock without 19/23.`) +
      ' The tour is in About whenever you want it again.',
  });
  return stops;
}
