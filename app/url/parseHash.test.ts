import { describe, expect, it } from 'vitest';
import { PRESETS } from '@engine';
import { parseHash } from './parseHash';
import { formatHash } from './formatHash';
import { encodeScenario } from './scenarioCodec';

describe('parseHash', () => {
  it('reads every parameter of a shared link', () => {
    const { state, errors } = parseHash('#preset=P10&variant=split&step=42&compare=split-poc19&view=kernel');
    expect(errors).toEqual([]);
    expect(state).toEqual({ preset: 'P10', variant: 'split', step: 42, compare: 'split-poc19', view: 'kernel' });
  });

  it('accepts preset ids in any case and normalises them', () => {
    expect(parseHash('#preset=p08').state.preset).toBe('P08');
    expect(parseHash('#view=build').state.view).toBe('build');
  });

  it('names each bad parameter and leaves it out', () => {
    const { state, errors } = parseHash('#preset=P99&variant=linux&step=-3&view=map&foo=1');
    expect(state).toEqual({});
    expect(errors).toHaveLength(5);
    expect(errors.join('\n')).toMatch(/"preset".*P99/);
    expect(errors.join('\n')).toMatch(/"variant".*linux/);
    expect(errors.join('\n')).toMatch(/"step".*-3/);
    expect(errors.join('\n')).toMatch(/"view".*map/);
    expect(errors.join('\n')).toMatch(/"foo"/);
  });

  it('rejects a scenario that is not valid', () => {
    const { state, errors } = parseHash(`#scenario=${encodeScenario({ type: 'nope' })}`);
    expect(state.scenario).toBeUndefined();
    expect(errors[0]).toMatch(/"scenario"/);
    expect(parseHash('#scenario=%%%').errors[0]).toMatch(/"scenario"/);
  });

  it('round-trips through formatHash, custom scenarios included', () => {
    const scenario = PRESETS[0].scenario;
    const again = parseHash(formatHash({ scenario, variant: 'upstream', step: 7 }));
    expect(again.errors).toEqual([]);
    expect(again.state.scenario).toEqual(scenario);
    expect(again.state.step).toBe(7);
    expect(formatHash({ preset: 'P10', variant: 'split', step: 3, view: 'playground' })).toBe('#preset=P10&variant=split&step=3');
  });

  it('reads a schedule of task labels, helpers and workers included', () => {
    const { state, errors } = parseHash('#preset=P16&variant=split&sched=T1,U1,kworker/1,H2');
    expect(errors).toEqual([]);
    expect(state.schedule).toEqual(['T1', 'U1', 'kworker/1', 'H2']);
    // An escaped link (as URLSearchParams writes it) reads the same.
    expect(parseHash('#sched=T1%2CU1%2Ckworker%2F1').state.schedule).toEqual(['T1', 'U1', 'kworker/1']);
    // An empty parameter is the default schedule, not an error.
    expect(parseHash('#sched=')).toEqual({ state: {}, errors: [] });
  });

  it('names a bad schedule and ignores all of it', () => {
    for (const bad of ['T1,,U1', 'T1,1U', 'T1,U 1', `T1,${'x'.repeat(25)}`, 'T1,<script>']) {
      const { state, errors } = parseHash(`#preset=P16&sched=${encodeURIComponent(bad)}`);
      expect(state.schedule, bad).toBeUndefined();
      expect(state.preset).toBe('P16');
      expect(errors, bad).toHaveLength(1);
      expect(errors[0]).toMatch(/^URL parameter "sched": .*not (a task label|task labels).*default schedule/);
    }
  });

  it('round-trips a schedule through formatHash, readable in the link', () => {
    const hash = formatHash({ preset: 'P16', variant: 'split', schedule: ['T1', 'U1', 'kworker/20'], step: 9 });
    expect(hash).toBe('#preset=P16&variant=split&sched=T1,U1,kworker/20&step=9');
    expect(parseHash(hash)).toEqual({ state: { preset: 'P16', variant: 'split', schedule: ['T1', 'U1', 'kworker/20'], step: 9 }, errors: [] });
    expect(formatHash({ preset: 'P16', schedule: [] })).toBe('#preset=P16');
  });

  it('keeps the granularity of a schedule in the link, and names a bad one', () => {
    const hash = formatHash({ preset: 'P16', variant: 'split', schedule: ['U1', 'T1'], granularity: 'fine' });
    expect(hash).toBe('#preset=P16&variant=split&sched=U1,T1&gran=fine');
    expect(parseHash(hash).state.granularity).toBe('fine');
    // Without a schedule the granularity changes nothing: the link leaves it out.
    expect(formatHash({ preset: 'P16', granularity: 'fine' })).toBe('#preset=P16');
    const bad = parseHash('#preset=P16&gran=coarse');
    expect(bad.state.granularity).toBeUndefined();
    expect(bad.errors[0]).toMatch(/"gran".*coarse/);
  });

  it('reads the real kernel view: a shipped graph, a module, the hazard tab', () => {
    const { state, errors } = parseHash('#view=kernel&graph=debian-6.1.0-47-amd64&module=nf-tables&tab=hazards');
    expect(errors).toEqual([]);
    expect(state).toEqual({ view: 'kernel', graph: 'debian-6.1.0-47-amd64', module: 'nf_tables', tab: 'hazards' });
    expect(formatHash(state)).toBe('#view=kernel&graph=debian-6.1.0-47-amd64&module=nf_tables&tab=hazards');
    const bad = parseHash('#view=kernel&graph=mine&module=%3Cscript%3E&tab=table');
    expect(bad.state).toEqual({ view: 'kernel' });
    expect(bad.errors.join('\n')).toMatch(/"graph": no shipped module graph "mine"/);
    expect(bad.errors.join('\n')).toMatch(/"module": "<script>" is not a module name/);
    expect(bad.errors.join('\n')).toMatch(/"tab": unknown tab "table"/);
  });
});

describe('hostile links (issue 8)', () => {
  it('a duplicate parameter is named, and the first one is used', () => {
    const r = parseHash('#preset=P10&variant=split&variant=upstream');
    expect(r.state.variant).toBe('split');
    expect(r.errors).toEqual(['URL parameter "variant" is given 2 times; the first one is used.']);
  });

  it("a rejected scenario is kept as the link's input, decoded when it decodes", () => {
    const bad = { type: 'klp-playground/scenario', version: 1, title: 't', modules: [{ name: 'M', exprots: [] }], livepatches: [], tasks: [] };
    const r = parseHash(`#scenario=${encodeScenario(bad)}`);
    expect(r.state.scenario).toBeUndefined();
    expect(r.errors[0]).toMatch(/modules\[0\]\.exprots: unknown field \(did you mean 'exports'\?\)/);
    expect(r.rejectedScenario).toEqual(bad);
    const junk = parseHash('#scenario=!!!');
    expect(junk.errors[0]).toMatch(/^URL parameter "scenario" does not decode/);
    expect(junk.rejectedScenario).toBe('!!!');
  });

  it('a scenario longer than a scenario may be is refused before decoding', () => {
    const r = parseHash(`#scenario=${'A'.repeat(2_700_000)}`);
    expect(r.errors[0]).toMatch(/^URL parameter "scenario" is 2700000 characters long, more than a scenario may be/);
    expect(r.rejectedScenario).toBeUndefined();
  });
});
