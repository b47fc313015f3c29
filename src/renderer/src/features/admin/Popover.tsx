/** A header menu: a button that opens a small panel below it (native <details>). */
import '../workbench/workbench.css';
import { useState, type ReactNode } from 'react';

export type PopoverProps = {
  label: string;
  testId?: string;
  /** Renders the panel; `close` folds the menu (after picking an item that opens a dialog). */
  children: ReactNode | ((close: () => void) => ReactNode);
};

export function Popover({ label, testId, children }: PopoverProps): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const close = (): void => setOpen(false);
  return (
    <details
      className="popover"
      data-testid={testId}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{label}</summary>
      <div className="popover-panel">
        {typeof children === 'function' ? children(close) : children}
      </div>
    </details>
  );
}
