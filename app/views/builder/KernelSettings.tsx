/**
 * KernelSettings.tsx - the scenario's own settings: its description and the kernel's
 * configuration at boot (kernel.modprobe, kernel.ftrace_enabled, dynamic debug for
 * kernel/livepatch/*). A setting at its default is left out of the document.
 */
import { DEFAULT_MODPROBE_PATH as DEFAULT_MODPROBE, type KernelConfig, type Scenario } from '@engine';
import { useStore } from '../../store';
import { FieldProblem } from './FieldProblem';

function withKernel(s: Scenario, f: (k: KernelConfig) => KernelConfig): Scenario {
  const next = f(s.kernel ?? {});
  const { kernel: _k, ...rest } = s;
  return Object.keys(next).length ? { ...rest, kernel: next } : rest;
}

export function KernelSettings() {
  const doc = useStore((s) => s.builder.present);
  const edit = useStore((s) => s.builderEdit);
  const k = doc.kernel ?? {};
  const setKernel = (f: (k: KernelConfig) => KernelConfig, field?: string) => edit((s) => withKernel(s, f), field && `kernel:${field}`);
  return (
    <section className="insp-settings" aria-label="Scenario settings" data-testid="kernel-settings">
      <h3>Scenario and kernel</h3>
      <label className="insp-field">
        description
        <textarea
          rows={2}
          value={doc.description ?? ''}
          onChange={(e) =>
            edit((s) => {
              const { description: _d, ...rest } = s;
              return e.target.value ? { ...rest, description: e.target.value } : rest;
            }, 'description')
          }
          data-testid="insp-description"
        />
      </label>
      <label className="insp-field">
        kernel.modprobe (request_module()'s helper; empty turns it off)
        <input
          className="mono"
          value={k.modprobePath ?? DEFAULT_MODPROBE}
          onChange={(e) =>
            setKernel(({ modprobePath: _m, ...rest }) => (e.target.value === DEFAULT_MODPROBE ? rest : { ...rest, modprobePath: e.target.value }), 'modprobePath')
          }
          spellCheck={false}
          data-testid="insp-modprobe"
        />
      </label>
      <FieldProblem path="kernel.modprobePath" />
      <label className="insp-check">
        <input
          type="checkbox"
          checked={k.ftraceEnabled ?? true}
          onChange={(e) => setKernel(({ ftraceEnabled: _f, ...rest }) => (e.target.checked ? rest : { ...rest, ftraceEnabled: false }))}
          data-testid="insp-ftrace"
        />
        kernel.ftrace_enabled (off: enabling a patch fails to register its ftrace handlers)
      </label>
      <label className="insp-check">
        <input
          type="checkbox"
          checked={k.dyndbg ?? true}
          onChange={(e) => setKernel(({ dyndbg: _d, ...rest }) => (e.target.checked ? rest : { ...rest, dyndbg: false }))}
          data-testid="insp-dyndbg"
        />
        dynamic debug for kernel/livepatch/* (pr_debug lines in dmesg, on as in the selftests)
      </label>
      <FieldProblem path="kernel" />
    </section>
  );
}
