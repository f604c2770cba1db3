/**
 * FieldProblem.tsx - the engine's validation message under the field it is about: the path as
 * validateScenario() names it and the reason.
 */
import { useProblem } from './checkContext';

export function FieldProblem({ path }: { path: string }) {
  const p = useProblem(path);
  if (!p) return null;
  return (
    <div className="insp-error" role="alert" data-testid="field-problem" data-path={p.path}>
      <code>{p.path}</code>: {p.problem}
    </div>
  );
}
