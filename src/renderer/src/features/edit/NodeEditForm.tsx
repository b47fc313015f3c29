/**
 * Edit a node in the details panel: its label's form, checked by the domain schema as typed
 * values are saved; Save sends the changed properties with the version the node was read at.
 * Under the `confirm` level Save shows the Cypher first and writes on Confirm. A stale version
 * opens the conflict dialog with the values the node has now.
 */
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { JsonValue, NodeDetails } from '@shared/api';
import { NODE_PROPS } from '@shared/domain';
import type { EditResult } from '@shared/edit';
import { isAppError, type ErrorCurrent } from '@shared/errors';
import { useAppData, useEditing } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { useStore } from '../../state/store';
import { ConflictDialog } from './ConflictDialog';
import { ConfirmStep } from './ConfirmStep';
import { FieldInputs } from './FieldInputs';
import { checkForm, formValues, nodeFields, serverFieldErrors } from './edit-form';
import type { FieldErrors, FormValues } from './edit-form';
import { useProtection } from './protection';
import './edit.css';

type Pending = { properties: Record<string, JsonValue>; version: number; preview: EditResult };

export function NodeEditForm({
  details,
  onClose,
}: {
  details: NodeDetails;
  onClose: () => void;
}): React.JSX.Element {
  const editing = useEditing();
  const protection = useProtection();
  const regions = useStore(useAppData().store, (s) => s.settings?.regions);
  const { node } = details;
  const ref = { label: node.label, id: node.id };
  const fields = useMemo(() => nodeFields(node.label), [node.label]);
  const [values, setValues] = useState<FormValues>(() => formValues(fields, node.properties));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [conflict, setConflict] = useState<{
    current: ErrorCurrent;
    mine: Record<string, JsonValue>;
  } | null>(null);

  async function save(properties: Record<string, JsonValue>, version: number, confirm: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      await editing.updateNode(ref, version, properties, { confirm });
      onClose();
    } catch (error) {
      setPending(null);
      if (isAppError(error) && error.code === 'CONFLICT' && error.current)
        setConflict({ current: error.current, mine: properties });
      else {
        setErrors(isAppError(error) ? serverFieldErrors(error.details) : {});
        setMessage(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const checked = checkForm(NODE_PROPS[node.label], fields, values, node.properties);
    if (!checked.ok) {
      setErrors(checked.errors);
      setMessage('Some fields are not valid.');
      return;
    }
    setErrors({});
    if (!Object.keys(checked.properties).length) {
      setMessage('Nothing changed.');
      return;
    }
    if (protection !== 'confirm') return save(checked.properties, details.version, false);
    setBusy(true);
    try {
      const preview = await editing.previewUpdateNode(ref, details.version, checked.properties);
      setPending({ properties: checked.properties, version: details.version, preview });
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="edit-form"
      data-testid="node-edit-form"
      aria-label={`Edit ${node.name}`}
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <FieldInputs
        fields={fields}
        values={values}
        errors={errors}
        disabled={busy || pending !== null}
        choices={regions ? { region: regions } : undefined}
        onChange={(key, text) => {
          setValues((v) => ({ ...v, [key]: text }));
          // A field typed again is judged again on Save.
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
          question={`Save changes to: ${Object.keys(pending.properties).join(', ')}?`}
          preview={pending.preview}
          confirmLabel="Confirm save"
          busy={busy}
          onConfirm={() => void save(pending.properties, pending.version, true)}
          onBack={() => setPending(null)}
        />
      ) : (
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy} data-testid="edit-save">
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
        </div>
      )}
      {conflict && (
        <ConflictDialog
          title={`${node.name} was changed meanwhile`}
          fields={fields.map((f) => f.key)}
          current={conflict.current}
          mine={conflict.mine}
          onTheirs={() => {
            setConflict(null);
            void editing.reloadNode(ref).finally(onClose);
          }}
          onMine={() => {
            const version = conflict.current.version;
            setConflict(null);
            // The dialog is the confirmation: it names what is overwritten.
            void save(conflict.mine, version, true);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </form>
  );
}
