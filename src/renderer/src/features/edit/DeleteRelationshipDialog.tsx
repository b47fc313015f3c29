/**
 * Delete one relationship: the confirm names it by its ends and shows the Cypher that will run;
 * Delete is the confirmation the `confirm` level asks for; a stale version is refused and said so.
 */
import { useCallback, useState } from 'react';
import type { GraphRelationship } from '@shared/api';
import { Modal } from '../../components/Modal';
import { useAsync } from '../../hooks/useAsync';
import { useEditing } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { CypherPreview } from './CypherPreview';
import './edit.css';

export function DeleteRelationshipDialog({
  relationship,
  version,
  ends,
  onClose,
}: {
  relationship: GraphRelationship;
  version: number;
  ends: string;
  onClose: () => void;
}): React.JSX.Element {
  const editing = useEditing();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useAsync(
    useCallback(
      () => editing.previewDeleteRelationship(relationship, version),
      [editing, relationship, version],
    ),
  );

  async function remove(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await editing.deleteRelationship(relationship, version, { confirm: true });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Modal
      title={`Delete this ${relationship.type}?`}
      open
      onClose={onClose}
      testId="delete-relationship-dialog"
    >
      <p data-testid="delete-summary">
        {relationship.type} {ends} will be deleted; its ends stay.
      </p>
      {preview.status === 'error' && (
        <p role="alert" className="error-text">
          {preview.error}
        </p>
      )}
      {preview.status === 'ready' && <CypherPreview result={preview.data} />}
      <p className="muted small">Undo Last Edit brings it back.</p>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button
          type="button"
          className="danger"
          disabled={busy || preview.status !== 'ready'}
          onClick={() => void remove()}
        >
          {busy ? 'Deleting…' : 'Delete'}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
