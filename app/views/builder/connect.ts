/**
 * connect.ts - what drawing an edge on the builder canvas means. "A uses a symbol exported by B":
 * B gets an export (`<B>_fn`, or its first one) and A imports it. From a livepatch's header, an
 * edge to a module makes the patch carry an object for that module instead.
 */
import type { Scenario } from '@engine';
import { updateLivepatch, updateModule } from './docOps';

/** Where an edge starts: a module, a livepatch's header, or one of its objects. */
export type Source = { kind: 'module'; name: string } | { kind: 'patch'; patch: string } | { kind: 'object'; patch: string; object: string };

/** Where it ends: a module, or a livepatch (its main module, the vmlinux object, exports). */
export type Target = { kind: 'module'; name: string } | { kind: 'livepatch'; patch: string };

/** Handle ids on the canvas nodes (BuilderNodes.tsx): one place, so both sides agree. */
export const HANDLE = { in: 'in', out: 'out', patch: 'patch', object: (o: string) => `obj:${o}` } as const;

export function sourceOf(nodeId: string, handle: string | null | undefined): Source | null {
  const [kind, name] = splitNode(nodeId);
  if (kind === 'module') return { kind: 'module', name };
  if (kind !== 'livepatch') return null;
  if (handle === HANDLE.patch) return { kind: 'patch', patch: name };
  if (handle?.startsWith('obj:')) return { kind: 'object', patch: name, object: handle.slice(4) };
  return null;
}

export function targetOf(nodeId: string): Target | null {
  const [kind, name] = splitNode(nodeId);
  if (kind === 'module') return { kind: 'module', name };
  if (kind === 'livepatch') return { kind: 'livepatch', patch: name };
  return null;
}

function splitNode(id: string): [string, string] {
  const i = id.indexOf(':');
  return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
}

/** The default export an edge gives a provider with none: `M1_fn` for a module, `lp1_shared_cb` for a patch (as in the selftests). */
export const defaultExport = (t: Target): string => (t.kind === 'module' ? `${t.name}_fn` : `${t.patch}_shared_cb`);

const add = (list: string[] | undefined, x: string): string[] => (list?.includes(x) ? list : [...(list ?? []), x]);

/** Whether the edge means anything; the canvas refuses the others while they are drawn. */
export function canConnect(s: Scenario, src: Source, dst: Target): boolean {
  if (src.kind === 'patch') return dst.kind === 'module' && s.modules.some((m) => m.name === dst.name);
  if (src.kind === 'module' && dst.kind === 'module' && src.name === dst.name) return false;
  if (src.kind === 'object' && dst.kind === 'livepatch' && src.object === 'vmlinux' && src.patch === dst.patch) return false;
  return dst.kind === 'module' ? s.modules.some((m) => m.name === dst.name) : s.livepatches.some((p) => p.name === dst.patch);
}

/** The symbol an edge to `dst` stands for: the provider's first export, or a new one. */
function symbolOf(s: Scenario, dst: Target): { sym: string; exported: boolean } {
  const list = dst.kind === 'module' ? s.modules.find((x) => x.name === dst.name)?.exports : s.livepatches.find((p) => p.name === dst.patch)?.objects[0].exports;
  return list?.length ? { sym: list[0], exported: true } : { sym: defaultExport(dst), exported: false };
}

function importsOf(s: Scenario, src: Exclude<Source, { kind: 'patch' }>): string[] | undefined {
  if (src.kind === 'module') return s.modules.find((m) => m.name === src.name)?.imports;
  return s.livepatches.find((p) => p.name === src.patch)?.objects.find((o) => o.name === src.object)?.imports;
}

/** The document with the edge's meaning added; the very same document when it adds nothing (no undo step). */
export function connect(s: Scenario, src: Source, dst: Target): Scenario {
  if (!canConnect(s, src, dst)) return s;
  if (src.kind === 'patch') {
    const target = (dst as { kind: 'module'; name: string }).name;
    const p = s.livepatches.find((x) => x.name === src.patch);
    if (!p || p.objects.some((o) => o.name === target)) return s;
    return updateLivepatch(s, src.patch, (x) => ({ ...x, objects: [...x.objects, { name: target, funcs: [`${target}_fn`] }] }));
  }
  const { sym, exported } = symbolOf(s, dst);
  if (exported && importsOf(s, src)?.includes(sym)) return s;
  let out = s;
  if (!exported) {
    out =
      dst.kind === 'module'
        ? updateModule(s, dst.name, (x) => ({ ...x, exports: add(x.exports, sym) }))
        : updateLivepatch(s, dst.patch, (p) => ({ ...p, objects: p.objects.map((o, i) => (i === 0 ? { ...o, exports: add(o.exports, sym) } : o)) }));
  }
  if (src.kind === 'module') return updateModule(out, src.name, (m) => ({ ...m, imports: add(m.imports, sym) }));
  return updateLivepatch(out, src.patch, (p) => ({
    ...p,
    objects: p.objects.map((o) => (o.name === src.object ? { ...o, imports: add(o.imports, sym) } : o)),
  }));
}
