/**
 * BuilderNodes.tsx - the builder canvas's nodes. Handles: a module takes edges on its left and
 * starts them on its right ("uses a symbol of"); a livepatch starts "patches" edges from its
 * header and symbol edges from each object's row, and takes edges on its vmlinux row (the main
 * livepatch module's exports, type C).
 */
import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { LivepatchSpec, ModuleOp, ModuleSpec, TaskSpec } from '@engine';
import { HANDLE } from './connect';

interface Common {
  /** The validation problem is in this item. */
  invalid: boolean;
  [key: string]: unknown;
}
export type ModuleFlowNode = Node<Common & { spec: ModuleSpec }, 'module'>;
export type LivepatchFlowNode = Node<Common & { spec: LivepatchSpec }, 'livepatch'>;
export type TaskFlowNode = Node<Common & { spec: TaskSpec; label: string }, 'task'>;
export type VmlinuxFlowNode = Node<Common, 'vmlinux'>;
export type BuilderFlowNode = ModuleFlowNode | LivepatchFlowNode | TaskFlowNode | VmlinuxFlowNode;

function opText(op: ModuleOp): string {
  if ('print' in op) return `print "${op.print}"`;
  if ('sleep' in op) return `sleep ${op.sleep}s`;
  if ('return' in op) return `return ${op.return}`;
  return `request_module ${op.request_module}`;
}

const cls = (kind: string, selected: boolean, invalid: boolean) => `bnode bnode-${kind}${selected ? ' is-selected' : ''}${invalid ? ' is-invalid' : ''}`;

function Syms({ label, list }: { label: string; list?: string[] }) {
  if (!list?.length) return null;
  return (
    <div className="bnode-syms">
      <span className="muted">{label}</span> <code>{list.join(', ')}</code>
    </div>
  );
}

function ModuleNodeView({ data, selected }: NodeProps<ModuleFlowNode>) {
  const m = data.spec;
  const init = m.init ?? [];
  return (
    <div className={cls('module', selected, data.invalid)} data-testid="builder-node" data-kind="module" data-name={m.name}>
      <Handle type="target" position={Position.Left} id={HANDLE.in} />
      <div className="bnode-head">
        <span className="bnode-kind">module</span> <b>{m.name}</b>
      </div>
      <Syms label="exports" list={m.exports} />
      <Syms label="imports" list={m.imports} />
      {init.length > 0 && <div className="bnode-init muted">init: {init.map(opText).join('; ')}</div>}
      {m.exit === null && <div className="bnode-init muted">no exit: cannot be removed</div>}
      <Handle type="source" position={Position.Right} id={HANDLE.out} />
    </div>
  );
}

function LivepatchNodeView({ data, selected }: NodeProps<LivepatchFlowNode>) {
  const p = data.spec;
  return (
    <div className={cls('livepatch', selected, data.invalid)} data-testid="builder-node" data-kind="livepatch" data-name={p.name}>
      <div className="bnode-head" title="Drag from the right of the header to a module to patch it">
        <span className="bnode-kind">livepatch</span> <b>{p.name}</b>
        {p.replace && <span className="bnode-flag">replace</span>}
        <Handle type="source" position={Position.Right} id={HANDLE.patch} className="handle-patch" />
      </div>
      {p.objects.map((o, i) => (
        <div key={o.name} className="bnode-object" data-testid="builder-object" data-object={o.name}>
          {i === 0 && <Handle type="target" position={Position.Left} id={HANDLE.in} />}
          <div>
            <span className="bnode-obj-name">{o.name}</span>
            {i > 0 && <span className="muted"> → {p.name}__{o.name}</span>}
          </div>
          <Syms label="funcs" list={o.funcs} />
          <Syms label="exports" list={o.exports} />
          <Syms label="imports" list={o.imports} />
          <Handle type="source" position={Position.Right} id={HANDLE.object(o.name)} />
        </div>
      ))}
    </div>
  );
}

function TaskNodeView({ data, selected }: NodeProps<TaskFlowNode>) {
  const t = data.spec;
  return (
    <div className={cls('task', selected, data.invalid)} data-testid="builder-node" data-kind="task" data-name={data.label}>
      <div className="bnode-head">
        <span className="bnode-kind">task</span> <b>{data.label}</b>
        {t.start ? <span className="muted"> at {t.start}s</span> : null}
      </div>
      {t.commands.length === 0 && <div className="muted bnode-init">no commands yet</div>}
      <ol className="bnode-cmds">
        {t.commands.map((c, i) => (
          <li key={i}>
            <code>{c || '…'}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

function VmlinuxNodeView() {
  return (
    <div className="bnode bnode-vmlinux" data-testid="builder-node" data-kind="vmlinux" title="The kernel: symbols nobody else exports resolve here (type A for a livepatch)">
      <Handle type="target" position={Position.Left} id={HANDLE.in} isConnectable={false} />
      <b>vmlinux</b>
    </div>
  );
}

export const builderNodeTypes = {
  module: memo(ModuleNodeView),
  livepatch: memo(LivepatchNodeView),
  task: memo(TaskNodeView),
  vmlinux: memo(VmlinuxNodeView),
};
