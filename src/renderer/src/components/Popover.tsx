/** A header menu: a button that opens a small panel below it (native <details>). */
import './components.css';
import { useState, type ReactNode } from 'react';

export type PopoverProps = {
  label: string;
  testId?: string;
  /** Renders the panel; `close` folds the menu (after picking an item that opens a dialog). */
  children: ReactNode | ((close: () => void) => ReactNode);
  /** Controlled open state (e.g. a native menu command opens it); internal when absent. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

export function Popover(props: PopoverProps): React.JSX.Element {
  const { label, testId, children } = props;
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const setOpen = (next: boolean): void => {
    setOwnOpen(next);
    props.onOpenChange?.(next);
  };
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
