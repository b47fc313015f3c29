/**
 * Delete data, all of it or some regions, after typing a phrase that names what will go.
 * The server clears in batches and reports what it deleted.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ClearResult } from '@shared/api';
import type { Client } from '@shared/contract';
import { errorMessage } from '../../state/errors';
import '../workbench/workbench.css';
import type { ClearScope } from './clear-form';
import { clearInput, confirmationPhrase, isConfirmed } from './clear-form';
import { CypherPreview } from '../../components/CypherPreview';
import { Modal } from '../../components/Modal';
import { RegionPicker } from './RegionPicker';

export type ClearDialogProps = {
  client: Client;
  regions: readonly string[];
  open: boolean;
  onClose: () => void;
  onCleared: (result: ClearResult) => void;
};

export function ClearDialog(props: ClearDialogProps): React.JSX.Element {
  const { client, regions, open, onClose, onCleared } = props;
  const [scope, setScope] = useState<ClearScope>({ kind: 'all' });
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ClearResult | null>(null);
  const phrase = confirmationPhrase(scope);
  const input = clearInput(scope);
  const confirmed = input !== null && isConfirmed(scope, typed);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!confirmed || busy || input === null) return;
    setBusy(true);
    setError(null);
    try {
      const cleared = await client.clearGraph(input);
      setResult(cleared);
      setTyped('');
      onCleared(cleared);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const close = (): void => {
    if (busy) return;
    setResult(null);
    setError(null);
    setTyped('');
    onClose();
  };

  return (
    <Modal title="Clear data" open={open} onClose={close} testId="clear-dialog">
      <form className="admin-form" onSubmit={(e) => void submit(e)}>
        <fieldset disabled={busy}>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope.kind === 'all'}
              onChange={() => setScope({ kind: 'all' })}
            />
            All data
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope.kind === 'regions'}
              onChange={() => setScope({ kind: 'regions', regions: [] })}
            />
            Only some regions
          </label>
          {scope.kind === 'regions' && (
            <RegionPicker
              regions={regions}
              selected={scope.regions}
              onChange={(selected) => setScope({ kind: 'regions', regions: selected })}
              error={input === null ? 'choose at least one region' : undefined}
            />
          )}
          <label className="admin-field">
            <span>
              {input === null ? (
                'Pick the regions to delete first.'
              ) : (
                <>
                  This cannot be undone. Type <strong>{phrase}</strong> to confirm.
                </>
              )}
            </span>
            <input
              name="confirmation"
              autoComplete="off"
              value={typed}
              aria-label="Confirmation"
              onChange={(e) => setTyped(e.target.value)}
            />
          </label>
        </fieldset>
        <CypherPreview
          client={client}
          request={input && { write: 'clear', ...(input.regions && { regions: input.regions }) }}
          unavailable="Pick the regions to see the Cypher."
          testId="clear-cypher"
        />
        {error && (
          <p role="alert" className="message error">
            {error}
          </p>
        )}
        {result && (
          <p role="status" data-testid="clear-result">
            Deleted {result.deleted_nodes.toLocaleString('en-US')} nodes and{' '}
            {result.deleted_relationships.toLocaleString('en-US')} relationships in{' '}
            {result.seconds.toFixed(1)} s.
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" className="danger" disabled={!confirmed || busy}>
            {busy ? 'Deleting…' : 'Delete'}
          </button>
          <button type="button" onClick={close} disabled={busy}>
            Close
          </button>
        </div>
      </form>
    </Modal>
  );
}
