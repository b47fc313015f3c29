/**
 * The confirmation the `confirm` protection level asks for: what the write will do and the
 * Cypher its preview answered; Confirm sends it with `confirm: true`.
 */
import type { EditResult } from '@shared/edit';
import { CypherPreview } from './CypherPreview';

export function ConfirmStep(props: {
  question: string;
  preview: EditResult;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}): React.JSX.Element {
  const { question, preview, confirmLabel, busy, onConfirm, onBack } = props;
  return (
    <div className="confirm-step" data-testid="edit-confirm">
      <span>This connection asks to confirm each write. {question}</span>
      <CypherPreview result={preview} />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" disabled={busy} onClick={onBack}>
          Back
        </button>
      </div>
    </div>
  );
}
