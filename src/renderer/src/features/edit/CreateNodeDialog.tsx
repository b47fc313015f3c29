/**
 * A new node: its label, then that label's form (the id too, unique per label), checked by the
 * domain schema; Create writes it (after the Cypher under `confirm`), draws it and selects it.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { JsonValue } from '@shared/api';
import { NODE_LABELS, NODE_PROPS, NodeLabel } from '@shared/domain';
import type { EditResult } from '@shared/edit';
import { isAppError } from '@shared/errors';
import { Modal } from '../../components/Modal';
import { labelTitle } from '../../graph/filter-fields';
import { normalizeFilters } from '../../graph/filters';
import { useAppData, useEditing, useExplorer } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { useStore } from '../../state/store';
import { ConfirmStep } from './ConfirmStep';
import { FieldInputs } from './FieldInputs';
import { checkForm, formValues, nodeFields, serverFieldErrors } from './edit-form';
import type { FieldErrors, FormValues } from './edit-form';
import { useProtection } from './protection';
import './edit.css';

type Pending = { properties: Record<string, JsonValue>; preview: EditResult };

export function CreateNodeDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const editing = useEditing();
  const explorer = useExplorer();
  const protection = useProtection();
  const regions = useStore(useAppData().store, (s) => s.settings?.regions);
  const [label, setLabel] = useState<NodeLabel>('COMPANY');
  const fields = useMemo(() => nodeFields(label, true), [label]);
  // A new node starts in the region being explored.
  const [values, setValues] = useState<FormValues>(() => {
    const region = normalizeFilters(explorer.store.get().filters).regions?.[0];
    return formValues(nodeFields('COMPANY', true), region ? { region } : {});
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);

  async function create(properties: Record<string, JsonValue>, confirm: boolean): Promise<void> {
    setBusy(true);
    setMessage(null);
    try {
      await editing.createNode(label, properties, { confirm });
      onClose();
    } catch (error) {
      setPending(null);
      setErrors(isAppError(error) ? serverFieldErrors(error.details) : {});
      setMessage(errorMessage(error));
      setBusy(false);
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const checked = checkForm(NODE_PROPS[label], fields, values);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Some fields are not valid.');
      return;
    }
    if (protection !== 'confirm') return create(checked.properties, false);
    setBusy(true);
    try {
      const preview = await editing.previewCreateNode(label, checked.properties);
      setPending({ properties: checked.properties, preview });
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="New node" open onClose={onClose} testId="create-node-dialog">
      <form className="edit-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="edit-grid">
          <label className="edit-field">
            <span>Label</span>
            <select
              name="label"
              value={label}
              disabled={busy || pending !== null}
              onChange={(e) => {
                setLabel(NodeLabel.parse(e.target.value));
                setErrors({});
                setMessage(null);
              }}
            >
              {NODE_LABELS.map((l) => (
                <option key={l} value={l}>
                  {labelTitle(l)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FieldInputs
          fields={fields}
          values={values}
          errors={errors}
          disabled={busy || pending !== null}
          choices={regions ? { region: regions } : undefined}
          onChange={(key, text) => {
            setValues((v) => ({ ...v, [key]: text }));
            setErrors(({ [key]: _, ...rest }) => rest);
            setMessage(null);
          }}
        />
        {message && (
          <p role="alert" className="error-text edit-note" data-testid="edit-message">
            {message}
          </p>
        )}
        {pending ? (
          <ConfirmStep
            question={`Create this ${labelTitle(label)}?`}
            preview={pending.preview}
            confirmLabel="Confirm create"
            busy={busy}
            onConfirm={() => void create(pending.properties, true)}
            onBack={() => setPending(null)}
          />
        ) : (
          <div className="modal-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="create-submit">
              {busy ? 'Creating…' : 'Create'}
            </button>
            <button type="button" disabled={busy} onClick={onClose}>
              Cancel
            </button>
          </div>
        )}
      </form>
    </Modal>
  );
}
