/** A header menu: a button that opens a small panel below it (native <details>). */
import '../workbench/workbench.css';
import type { ReactNode } from 'react';

export function Popover({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: ReactNode;
}): React.JSX.Element {
  return (
    <details className="popover" data-testid={testId}>
      <summary>{label}</summary>
      <div className="popover-panel">{children}</div>
    </details>
  );
}
