/**
 * Delete a node: its preview says what goes with it (its relationships, counted by the server,
 * by type and direction from its details) and the Cypher that will run. Delete is the
 * confirmation the `confirm` level asks for; a stale version is refused and said so.
 */
import { useCallback, useState } from 'react';
import type { NodeDetails } from '@shared/api';
import { Modal } from '../../components/Modal';
import { useAsync } from '../../hooks/useAsync';
import { useEditing } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { CypherPreview } from './CypherPreview';
import './edit.css';

/** `OWNS:out` → `OWNS (outgoing)`. */
const degreeTitle = (key: string): string => {
  const [type, direction] = key.split(':');
  return `${type ?? key} (${direction === 'in' ? 'incoming' : 'outgoing'})`;
};

export function DeleteNodeDialog({
  details,
  onClose,
}: {
  details: NodeDetails;
  onClose: () => void;
}): React.JSX.Element {
  const editing = useEditing();
  const { node, version } = details;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const preview = useAsync(
    useCallback(
      () => editing.previewDeleteNode({ label: node.label, id: node.id }, version),
      [editing, node.label, node.id, version],
    ),
  );

  async function remove(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await editing.deleteNode({ label: node.label, id: node.id }, version, { confirm: true });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const byType = Object.entries(details.degree_by_type).filter(([, n]) => n > 0);
  return (
    <Modal title={`Delete ${node.name}?`} open onClose={onClose} testId="delete-dialog">
      {preview.status === 'error' && (
        <p role="alert" className="error-text">
          {preview.error}
        </p>
      )}
      {preview.status !== 'ready' && preview.status !== 'error' && (
        <p className="muted">Reading what the delete would remove…</p>
      )}
      {preview.status === 'ready' && (
        <>
          <p data-testid="delete-summary">
            {node.label} {node.id} and its{' '}
            <strong>{preview.data.relationships_affected ?? 0} relationships</strong> will be
            deleted.
          </p>
          {byType.length > 0 && (
            <ul className="delete-counts" data-testid="delete-counts">
              {byType.map(([key, n]) => (
                <li key={key}>
                  {degreeTitle(key)}: {n}
                </li>
              ))}
            </ul>
          )}
          <CypherPreview result={preview.data} />
          <p className="muted small">Undo Last Edit brings it back with its relationships.</p>
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
