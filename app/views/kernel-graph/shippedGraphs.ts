/**
 * shippedGraphs.ts - the module graphs the page ships (public/data/, made with `klp import-kernel`
 * from Debian's packages); fetched on demand, the largest only when asked for.
 */
export interface ShippedGraph {
  id: string;
  file: string;
  label: string;
  modules: number;
}

export const SHIPPED_GRAPHS: ShippedGraph[] = [
  { id: 'debian-6.1.0-47-cloud-amd64', file: 'data/debian-6.1.0-47-cloud-amd64.modules.json', label: 'Debian 12, 6.1.0-47-cloud-amd64', modules: 1121 },
  { id: 'debian-6.1.0-47-amd64', file: 'data/debian-6.1.0-47-amd64.modules.json', label: 'Debian 12, 6.1.0-47-amd64 (generic)', modules: 4022 },
];

export const DEFAULT_GRAPH_ID = SHIPPED_GRAPHS[0].id;

export const shippedGraph = (id: string): ShippedGraph | undefined => SHIPPED_GRAPHS.find((g) => g.id === id);
