/**
 * groups.ts - the overview of a kernel: its modules grouped by source directory (net/netfilter,
 * drivers/md, ...), with the symbol links between groups counted. Directories holding fewer than
 * `minSize` modules fold into their parent, so a 4000-module kernel reads as a hundred or so
 * groups rather than six hundred.
 */
import type { KernelGraph } from './graph';

export interface DirGroup {
  /** The directory, e.g. net/netfilter; '(top)' for modules directly under kernel/. */
  id: string;
  /** Top-level area: net, drivers, fs, crypto, ... */
  area: string;
  modules: string[];
  /** Links from modules of this group to modules of other groups. */
  linksOut: number;
  /** Links from other groups into this one. */
  linksIn: number;
  /** Modules of the group that some other module uses. */
  used: number;
  /** Smaller subdirectories folded into this group. */
  folded: number;
}

export interface GroupLink {
  source: string;
  target: string;
  /** Module-level links (user -> provider pairs) between the two groups. */
  count: number;
}

export interface GroupOverview {
  groups: DirGroup[];
  /** Every inter-group link, heaviest first. */
  links: GroupLink[];
  /** module name -> group id. */
  groupOf: Map<string, string>;
}

export const TOP_GROUP = '(top)';

/** Only called for paths with a '/'. */
const parent = (dir: string): string => dir.slice(0, dir.lastIndexOf('/'));

/**
 * directory -> its modules, directories of fewer than `minSize` modules folded into their
 * parents, deepest first (a parent may grow from its children before its own turn comes), until
 * each group is big enough or top-level.
 */
function foldDirectories(g: KernelGraph, minSize: number): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const m of g.modules) {
    const d = m.dir;
    if (!members.has(d)) members.set(d, []);
    members.get(d)!.push(m.name);
  }
  const depth = (d: string) => d.split('/').length;
  const byDepth: string[][] = [];
  for (const d of members.keys()) (byDepth[depth(d)] ??= []).push(d);
  for (let level = byDepth.length - 1; level > 1; level--) {
    for (const d of (byDepth[level] ?? []).sort()) {
      const list = members.get(d)!;
      if (list.length >= minSize) continue;
      const up = parent(d);
      members.delete(d);
      if (!members.has(up)) {
        members.set(up, []);
        (byDepth[level - 1] ??= []).push(up);
      }
      members.get(up)!.push(...list);
    }
  }
  return members;
}

/** Fold sizes tried, smallest first, until the overview has at most `maxGroups` groups. */
const FOLD_SIZES = [3, 5, 8, 12, 16, 20, 30, 50, 80];

/**
 * Groups of at least `minSize` modules (folding smaller directories into their parents); with
 * `maxGroups`, the smallest fold size from FOLD_SIZES that gives at most that many groups.
 */
export function groupByDirectory(g: KernelGraph, minSize: number | { maxGroups: number } = 3): GroupOverview {
  let members = foldDirectories(g, typeof minSize === 'number' ? minSize : FOLD_SIZES[0]);
  if (typeof minSize !== 'number') {
    for (const size of FOLD_SIZES.slice(1)) {
      if (members.size <= minSize.maxGroups) break;
      members = foldDirectories(g, size);
    }
  }
  const groupOf = new Map<string, string>();
  for (const [d, list] of members) for (const n of list) groupOf.set(n, d || TOP_GROUP);
  const counts = new Map<string, number>();
  for (const m of g.modules) {
    const a = groupOf.get(m.name)!;
    for (const p of m.uses) {
      const b = groupOf.get(p)!;
      if (a === b) continue;
      const key = `${a}\n${b}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const links = [...counts].map(([k, count]) => {
    const [source, target] = k.split('\n');
    return { source, target, count };
  });
  links.sort((x, y) => y.count - x.count || x.source.localeCompare(y.source) || x.target.localeCompare(y.target));
  const out = new Map<string, number>();
  const inn = new Map<string, number>();
  for (const l of links) {
    out.set(l.source, (out.get(l.source) ?? 0) + l.count);
    inn.set(l.target, (inn.get(l.target) ?? 0) + l.count);
  }
  const groups: DirGroup[] = [...members].map(([d, list]) => {
    const id = d || TOP_GROUP;
    const sorted = [...list].sort();
    return {
      id,
      area: d ? d.split('/')[0] : TOP_GROUP,
      modules: sorted,
      linksOut: out.get(id) ?? 0,
      linksIn: inn.get(id) ?? 0,
      used: sorted.filter((n) => g.byName.get(n)!.usedBy.length > 0).length,
      folded: new Set(sorted.map((n) => g.byName.get(n)!.dir).filter((x) => x !== d)).size,
    };
  });
  groups.sort((a, b) => b.modules.length - a.modules.length || a.id.localeCompare(b.id));
  return { groups, links, groupOf };
}
