/**
 * The confirmation of an undo: what it reverses and the Cypher it runs (its preview); Undo runs
 * it with the confirmation the `confirm` protection level asks for.
 */
import { useCallback, useState } from 'react';
import { Modal } from '../../components/Modal';
import { useAsync } from '../../hooks/useAsync';
import { useEditing } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { CypherPreview } from './CypherPreview';
import './edit.css';

export function UndoDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const editing = useEditing();
  const preview = useAsync(useCallback(() => editing.previewUndo(), [editing]));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await editing.undo({ confirm: true });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal title="Undo last edit" open onClose={onClose} testId="undo-dialog">
      {preview.status === 'error' && (
        <p role="alert" className="error-text">
          {preview.error}
        </p>
      )}
      {preview.status === 'ready' && (
        <>
          <p data-testid="undo-summary">Undo: {preview.data.undone}</p>
          <CypherPreview result={preview.data} />
        </>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || preview.status !== 'ready'}
          onClick={() => void run()}
        >
          {busy ? 'Undoing…' : 'Undo'}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
