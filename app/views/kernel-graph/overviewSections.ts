/**
 * overviewSections.ts - the overview's order: one section per top-level area (drivers, net, fs,
 * ...), biggest first, its directory groups biggest first; and, for a picked group, how many
 * module links go from it to each other group and back.
 */
import type { DirGroup, GroupLink } from '@engine';

export interface AreaSection {
  area: string;
  modules: number;
  groups: DirGroup[];
}

export function overviewSections(groups: DirGroup[]): AreaSection[] {
  const byArea = new Map<string, DirGroup[]>();
  for (const g of groups) {
    if (!byArea.has(g.area)) byArea.set(g.area, []);
    byArea.get(g.area)!.push(g);
  }
  return [...byArea]
    .map(([area, gs]) => ({
      area,
      modules: gs.reduce((a, g) => a + g.modules.length, 0),
      groups: [...gs].sort((a, b) => b.modules.length - a.modules.length || a.id.localeCompare(b.id)),
    }))
    .sort((a, b) => b.modules - a.modules || a.area.localeCompare(b.area));
}

/** group id -> links from the picked group to it (`uses`) and from it to the picked group (`usedBy`). */
export function linksOfGroup(links: GroupLink[], picked: string): Map<string, { uses: number; usedBy: number }> {
  const out = new Map<string, { uses: number; usedBy: number }>();
  for (const l of links) {
    if (l.source === picked) out.set(l.target, { uses: l.count, usedBy: out.get(l.target)?.usedBy ?? 0 });
    else if (l.target === picked) out.set(l.source, { uses: out.get(l.source)?.uses ?? 0, usedBy: l.count });
  }
  return out;
}
