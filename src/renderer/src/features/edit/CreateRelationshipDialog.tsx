/**
 * A new relationship from the selected node: one of the kinds the model allows at its label
 * (either direction), the other end picked by the ranked search among nodes of the label that
 * kind needs, and the kind's properties from its schema. Create writes it (after the Cypher
 * under `confirm`) and draws it with its other end.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { GraphNode, JsonValue, SearchResponse } from '@shared/api';
import { RELATIONSHIP_KINDS } from '@shared/domain';
import type { EditResult } from '@shared/edit';
import { isAppError } from '@shared/errors';
import { propertyFields } from '@shared/property-fields';
import { useClient } from '../../client/context';
import { Modal } from '../../components/Modal';
import { labelTitle } from '../../graph/filter-fields';
import { useEditing, useExplorer } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { rankedSearch } from '../search/ranked-search';
import { ConfirmStep } from './ConfirmStep';
import { FieldInputs } from './FieldInputs';
import { checkForm, serverFieldErrors } from './edit-form';
import type { FieldErrors, FormValues } from './edit-form';
import { useProtection } from './protection';
import './edit.css';

const SETTLE_MS = 250;
const HITS = 8;

/** The kinds of relationship a node of this label can have, each with the node's side. */
function kindsAt(node: GraphNode) {
  return RELATIONSHIP_KINDS.flatMap((kind, index) => [
    ...(kind.from === node.label ? [{ index, kind, outgoing: true, other: kind.to }] : []),
    ...(kind.to === node.label ? [{ index, kind, outgoing: false, other: kind.from }] : []),
  ]);
}

type Pending = { properties: Record<string, JsonValue>; preview: EditResult };

export function CreateRelationshipDialog({
  node,
  onClose,
}: {
  node: GraphNode;
  onClose: () => void;
}): React.JSX.Element {
  const client = useClient();
  const explorer = useExplorer();
  const editing = useEditing();
  const protection = useProtection();
  const choices = useMemo(() => kindsAt(node), [node]);
  const [choice, setChoice] = useState(0);
  const picked = choices[choice];
  const fields = useMemo(() => (picked ? propertyFields(picked.kind.props) : []), [picked]);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchResponse['results'] | null>(null);
  const [other, setOther] = useState<GraphNode | null>(null);

  useEffect(() => {
    const text = q.trim();
    if (!text || !picked) return;
    let live = true;
    const timer = window.setTimeout(() => {
      rankedSearch(client, explorer, { q: text, limit: HITS, labels: [picked.other] }).then(
        (r) => live && setHits(r.results),
        (e: unknown) => live && setMessage(errorMessage(e)),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, explorer, q, picked]);

  if (!picked)
    return (
      <Modal title="New relationship" open onClose={onClose} testId="create-relationship-dialog">
        <p>No relationship of the model starts or ends at a {labelTitle(node.label)}.</p>
      </Modal>
    );

  const ends = (): [GraphNode, GraphNode] | null =>
    other ? (picked.outgoing ? [node, other] : [other, node]) : null;

  async function create(properties: Record<string, JsonValue>, confirm: boolean): Promise<void> {
    const pair = ends();
    if (!pair || !picked) return;
    setBusy(true);
    setMessage(null);
    try {
      await editing.createRelationship(picked.kind.type, pair[0], pair[1], properties, {
        confirm,
      });
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
    const pair = ends();
    if (!picked) return;
    const checked = checkForm(picked.kind.props, fields, values);
    if (!pair || !checked.ok) {
      setErrors({ ...(checked.ok ? {} : checked.errors), ...(pair ? {} : { end: 'pick a node' }) });
      setMessage('Some fields are not valid.');
      return;
    }
    if (protection !== 'confirm') return create(checked.properties, false);
    setBusy(true);
    try {
      const ref = (n: GraphNode) => ({ label: n.label, id: n.id });
      const preview = await editing.previewCreateRelationship(
        picked.kind.type,
        ref(pair[0]),
        ref(pair[1]),
        checked.properties,
      );
      setPending({ properties: checked.properties, preview });
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const locked = busy || pending !== null;
  return (
    <Modal
      title={`New relationship of ${node.name}`}
      open
      onClose={onClose}
      testId="create-relationship-dialog"
    >
      <form className="edit-form" noValidate onSubmit={(e) => void submit(e)}>
        <div className="edit-grid">
          <label className="edit-field">
            <span>Relationship</span>
            <select
              name="kind"
              value={choice}
              disabled={locked}
              onChange={(e) => {
                setChoice(Number(e.target.value));
                setOther(null);
                setHits(null);
                setQ('');
                setValues({});
                setErrors({});
              }}
            >
              {choices.map((c, i) => (
                <option key={`${c.index}-${c.outgoing}`} value={i}>
                  {c.outgoing
                    ? `${c.kind.type} → ${labelTitle(c.other)}`
                    : `${labelTitle(c.other)} → ${c.kind.type} → this`}
                </option>
              ))}
            </select>
          </label>
          <label className="edit-field" data-field="end">
            <span>{picked.outgoing ? 'To' : 'From'}</span>
            {other ? (
              <span className="picked-end" data-testid="picked-end">
                <strong>{other.name}</strong> <span className="muted">{other.id}</span>{' '}
                <button
                  type="button"
                  className="link"
                  disabled={locked}
                  onClick={() => setOther(null)}
                >
                  change
                </button>
              </span>
            ) : (
              <input
                name="end"
                type="search"
                autoComplete="off"
                placeholder={`Find a ${labelTitle(picked.other)} by name or id`}
                value={q}
                disabled={locked}
                aria-invalid={errors.end ? true : undefined}
                onChange={(e) => {
                  setQ(e.target.value);
                  setErrors(({ end: _, ...rest }) => rest);
                }}
              />
            )}
            {errors.end && <span className="field-error">{errors.end}</span>}
          </label>
        </div>
        {!other && q.trim() && hits && (
          <ul className="end-hits" data-testid="end-hits" role="listbox">
            {hits.length === 0 && <li className="muted">No {labelTitle(picked.other)} matches.</li>}
            {hits.map(({ node: hit }) => (
              <li key={hit.key} role="option" aria-selected={false}>
                <button type="button" className="link" onClick={() => setOther(hit)}>
                  {hit.name}
                </button>{' '}
                <span className="muted">
                  {hit.id}
                  {hit.region ? ` · ${hit.region}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        <FieldInputs
          fields={fields}
          values={values}
          errors={errors}
          disabled={locked}
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
            question={`Create this ${picked.kind.type}?`}
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
