/**
 * Statechart.tsx - one machine's statechart as SVG, laid out by chartLayout.ts from the engine's
 * machineDiagram(): the states the objects are in are filled and labelled with the objects
 * (M#1, M#2), and the transition just taken is drawn bold with its event.
 */
import { useId, useMemo } from 'react';
import type { MachineChangeAt, MachineDiagram } from '@engine';
import { layoutChart, NODE_H, NODE_W } from './chartLayout';

/** A long state name over two lines at its last underscore: MODULE_STATE_ / UNFORMED. */
function stateLines(id: string): [string, string] | [string] {
  const cut = id.lastIndexOf('_');
  if (id.length <= 13 || cut <= 0) return [id];
  return [id.slice(0, cut + 1), id.slice(cut + 1)];
}

/** An event over two lines at the underscore nearest its middle, when it is long. */
function eventLines(ev: string): string[] {
  if (ev.length <= 14) return [ev];
  let best = -1;
  for (let i = 0; i < ev.length; i++) if (ev[i] === '_' && (best < 0 || Math.abs(i - ev.length / 2) < Math.abs(best - ev.length / 2))) best = i;
  return best > 0 ? [ev.slice(0, best + 1), ev.slice(best + 1)] : [ev];
}

export interface StatechartProps {
  diagram: MachineDiagram;
  /** State -> the objects in it (labels). */
  occupants: ReadonlyMap<string, string[]>;
  /** The transition just taken, if any. */
  taken: MachineChangeAt | null;
  title: string;
}

export function Statechart({ diagram, occupants, taken, title }: StatechartProps) {
  const layout = useMemo(() => layoutChart(diagram), [diagram]);
  const marker = useId().replace(/:/g, '');
  return (
    <svg
      className="statechart"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      // Grown to fill a larger panel, never shrunk: its text stays at its 11 px or more and a
      // smaller panel scrolls (MachinePanel keeps the current state in view).
      style={{ minWidth: layout.width, minHeight: layout.height }}
      role="img"
      aria-label={title}
      data-testid="statechart"
      data-machine={diagram.id}
    >
      <defs>
        <marker id={`${marker}-a`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="sc-arrowhead" />
        </marker>
        <marker id={`${marker}-t`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="sc-arrowhead is-taken" />
        </marker>
      </defs>
      {layout.transitions.map((t) => {
        const isTaken = !!taken && taken.from === t.from && taken.to === t.to;
        const lines = t.shape === 'straight' ? t.events.flatMap(eventLines) : t.events;
        return (
          <g
            key={`${t.from}>${t.to}`}
            className={`sc-transition${isTaken ? ' is-taken' : ''}`}
            data-testid="sc-transition"
            data-from={t.from}
            data-to={t.to}
            data-taken={isTaken ? taken!.event : undefined}
          >
            <title>{`${t.from} → ${t.to}: ${t.events.join(', ')}`}</title>
            <path d={t.path} className="sc-edge" markerEnd={`url(#${marker}-${isTaken ? 't' : 'a'})`} />
            <text
              className="sc-event"
              x={t.labelX}
              y={t.shape === 'straight' ? t.labelY - 5 - (lines.length - 1) * 12 : t.labelY - (lines.length - 1) * 12 + 4}
              textAnchor="middle"
            >
              {lines.map((l, n) => (
                // A straight arrow's two lines go one above it, one below it.
                <tspan key={n} x={t.labelX} dy={n === 0 ? 0 : t.shape === 'straight' && n === Math.ceil(lines.length / 2) ? 22 : 12} className={isTaken && t.shape !== 'straight' && l !== taken!.event ? 'is-other' : undefined}>
                  {l}
                </tspan>
              ))}
            </text>
          </g>
        );
      })}
      {layout.states.map((s) => {
        const who = occupants.get(s.id) ?? [];
        const current = who.length > 0;
        const lines = stateLines(s.id);
        return (
          <g
            key={s.id}
            className={`sc-state${current ? ' is-current' : ''}${s.final ? ' is-final' : ''}`}
            data-testid="sc-state"
            data-state={s.id}
            data-current={current ? 'true' : undefined}
            data-occupants={who.join(' ')}
          >
            <title>{s.description ? `${s.id}: ${s.description}` : s.id}</title>
            {s.initial && <circle cx={s.x - 2} cy={s.y + NODE_H / 2} r={4} className="sc-initial" />}
            <rect x={s.x} y={s.y} width={NODE_W} height={NODE_H} rx={s.final ? NODE_H / 2 : 7} className="sc-box" />
            {lines.length === 2 ? (
              <text x={s.x + NODE_W / 2} y={s.y + 16} textAnchor="middle" className="sc-name">
                <tspan className="sc-prefix">{lines[0]}</tspan>
                <tspan x={s.x + NODE_W / 2} dy={15}>
                  {lines[1]}
                </tspan>
              </text>
            ) : (
              <text x={s.x + NODE_W / 2} y={s.y + NODE_H / 2 + 4} textAnchor="middle" className="sc-name">
                {lines[0]}
              </text>
            )}
            {current && (
              <text x={s.x + NODE_W / 2} y={s.y + NODE_H + 13} textAnchor="middle" className="sc-occupants">
                {who.join(', ')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
