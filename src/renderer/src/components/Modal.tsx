/** A modal on the native <dialog> element: focus trapping, Escape and backdrop come with it. */
import './components.css';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

export type ModalProps = {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
};

export function Modal({ title, open, onClose, children, testId }: ModalProps): React.JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="modal"
      aria-label={title}
      data-testid={testId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="modal-head">
        <h2>{title}</h2>
        <button type="button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
