/**
 * ModuleNode.tsx - one module file in the dependency graph, with every instance of it that
 * exists at the current step (two instances of one name are the heart of the recursion bugs):
 * the listed ones, and a second copy a nested load holds outside the module list (M#2), with
 * what becomes of it. A livepatch's node also says where the patch itself is (enabling,
 * transition, patched, unpatching, disabled, replaced).
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { pendingLoadFate, type NodeKind } from '@engine';
import type { ModuleFlowNode, ModuleNodeData, ModuleStepData } from './toDependencyFlow';
import { shortState } from './shortState';
import { useDepStep, useStepEntry } from './stepStore';

const NOTHING: ModuleStepData = { instances: [], pending: [], waiters: [], broken: [], patchState: null, inCycle: false };

const KIND_LABEL: Record<NodeKind, string> = {
  vmlinux: 'kernel image',
  module: 'module',
  livepatch: 'livepatch module',
  'livepatch-object': 'per-object livepatch',
};

const MAX_ROWS = 2;

function ModuleNodeView({ id, data: fixed }: NodeProps<ModuleFlowNode>) {
  // The step part comes from the step store (see stepStore.ts), or with the node in one-off renders.
  const live = useStepEntry(useDepStep()?.nodes ?? null, id);
  const data: ModuleNodeData = { ...NOTHING, ...fixed, ...live?.data };
  const builtin = data.kind === 'vmlinux';
  const states = data.instances.map((i) => `${i.key}:${shortState(i.state)}`).join(' ');
  const absent = !builtin && data.instances.length === 0 && data.pending.length === 0;
  const kind = data.kind === 'livepatch-object' && data.object ? `livepatch for ${data.object}` : KIND_LABEL[data.kind];
  const patch = data.patchState;
  // A per-object module carries one object: say whether that object is patched, not the whole patch.
  const obj = data.kind === 'livepatch-object' ? patch?.objects.find((o) => o.carrier === data.name) : undefined;
  const pill = !patch ? null : data.kind === 'livepatch-object' ? (obj ? (obj.patched ? 'patched' : obj.bound ? 'bound' : 'not patched') : null) : patch.phase;
  return (
    <div
      className={`mod-node kind-${data.kind}${absent ? ' is-absent' : ''}${data.inCycle ? ' in-cycle' : ''}${data.selected ? ' is-selected' : ''}`}
      data-testid="module-node"
      data-module={data.name}
      data-states={builtin ? 'builtin' : states || 'absent'}
      data-patch={patch?.phase}
      title={data.exports.length ? `exports: ${data.exports.join(', ')}` : undefined}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} className="hidden-handle" />
      <div className="mod-head">
        <span className="mod-name">{data.name}</span>
        <span className="mod-kind">{kind}</span>
        {patch && pill && (
          <span
            className={`patch-pill ph-${pill.replace(' ', '-')}`}
            data-testid="patch-state"
            title={`livepatch '${patch.name}': ${patch.text}${obj ? `; its object ${obj.name} is ${obj.patched ? 'patched' : 'not patched'}` : ''}${patch.sysfs ? ` · /sys/kernel/livepatch/${patch.name}/enabled = ${patch.sysfs.enabled}, transition = ${patch.sysfs.transition}` : ''}`}
          >
            {pill}
          </span>
        )}
      </div>
      <div className="mod-body">
        {builtin && <div className="mod-note">built in: always there</div>}
        {absent && <div className="mod-note">not loaded</div>}
        {data.instances.slice(0, MAX_ROWS).map((i) => (
          <div key={i.key} className={`inst st-${shortState(i.state).toLowerCase()}`} data-testid="module-instance">
            <span className="inst-key">{i.key}</span>
            <span className="state-pill">{shortState(i.state)}</span>
            <span className="inst-owner" title={`task that ${i.state === 'MODULE_STATE_GOING' ? 'unloads' : 'loads'} it`}>
              by {i.owner}
            </span>
          </div>
        ))}
        {data.instances.length > MAX_ROWS && <div className="mod-note">+{data.instances.length - MAX_ROWS} more instances</div>}
        {data.pending.map((c) => (
          <div key={c.key} className={`copy is-${c.phase}`} data-testid="module-copy" data-phase={c.phase} title={`${c.key}: a second copy that ${c.task} loads. ${pendingLoadFate(c)}`}>
            <div className="inst st-unformed">
              <span className="inst-key">{c.key}</span>
              <span className="state-pill">UNFORMED</span>
              <span className="inst-owner">by {c.task}</span>
            </div>
            <div className="copy-fate">{pendingLoadFate(c)}</div>
          </div>
        ))}
        {data.broken.map((b) => (
          <div key={`${b.task}@${b.step}`} className="mod-break" data-testid="module-break" title="Patch 19/23: klp_break_recursion() returned true, add_unformed_module() returned -EEXIST and the loader took it as success">
            {b.task}: -EEXIST from klp_break_recursion(), taken as loaded (19/23)
          </div>
        ))}
        {data.waiters.map((w) => (
          <div key={w.task} className="mod-waiter" data-testid="module-waiter">
            {w.task} waits in <code>{w.fn}()</code>
          </div>
        ))}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="hidden-handle" />
    </div>
  );
}

export const ModuleNode = memo(ModuleNodeView);
