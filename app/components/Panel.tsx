/**
 * Panel.tsx - a titled region of the page; the title doubles as the region's accessible name.
 */
import { useId, type ReactNode } from 'react';

export function Panel(props: { title: string; hint?: ReactNode; actions?: ReactNode; className?: string; testId?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={`panel ${props.className ?? ''}`} aria-labelledby={id} data-testid={props.testId}>
      <header className="panel-head">
        <h2 id={id}>{props.title}</h2>
        {props.hint && <span className="panel-hint">{props.hint}</span>}
        {props.actions && <div className="panel-actions">{props.actions}</div>}
      </header>
      <div className="panel-body">{props.children}</div>
    </section>
  );
}
