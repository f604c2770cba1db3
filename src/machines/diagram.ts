/**
 * diagram.ts - a machine's states and transitions as plain data, read from the XState machine
 * definition itself, so the statechart the UI draws is the one the engine runs.
 */
import type { AnyStateMachine } from 'xstate';
import { moduleMachine } from './module.machine';
import { livepatchMachine } from './livepatch.machine';

export interface DiagramState {
  id: string;
  description?: string;
  initial: boolean;
  final: boolean;
}

export interface DiagramTransition {
  from: string;
  to: string;
  /** The event, named after the kernel function that makes the transition. */
  event: string;
}

export interface MachineDiagram {
  /** The machine's id: 'module' (struct module) or 'klp_patch'. */
  id: string;
  states: DiagramState[];
  transitions: DiagramTransition[];
}

function diagramOf(machine: AnyStateMachine): MachineDiagram {
  const root = machine.root;
  const initial = String(machine.config.initial);
  const states: DiagramState[] = Object.entries(root.states).map(([id, node]) => ({
    id,
    ...(node.description ? { description: node.description } : {}),
    initial: id === initial,
    final: node.type === 'final',
  }));
  const transitions: DiagramTransition[] = [];
  for (const [id, node] of Object.entries(root.states)) {
    for (const [event, list] of node.transitions) {
      for (const t of list) for (const target of t.target ?? []) transitions.push({ from: id, to: target.key, event });
    }
  }
  return { id: machine.id, states, transitions };
}

export type MachineKind = 'module' | 'livepatch';

const DIAGRAMS: Record<MachineKind, MachineDiagram> = {
  module: diagramOf(moduleMachine),
  livepatch: diagramOf(livepatchMachine),
};

/** The statechart of a module (enum module_state) or of a livepatch (klp_patch). */
export function machineDiagram(kind: MachineKind): MachineDiagram {
  return DIAGRAMS[kind];
}
