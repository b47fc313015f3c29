/**
 * Bulk edit of a node's relationships of one type (for example the mandate status of a
 * company's OWNS): pick the relationships, one property and its value; Review shows the Cypher
 * the update will run, and Update is the confirmation. Each relationship is sent at the version
 * it has now, so one changed meanwhile is refused (409) and nothing is written.
 */
import { useMemo, useState } from 'react';
import type { GraphRelationship, JsonValue } from '@shared/api';
import type { RelationshipType } from '@shared/domain';
import { kindsOfType, type EditResult } from '@shared/edit';
import { propertyFields } from '@shared/property-fields';
import { useClient } from '../../client/context';
import { Modal } from '../../components/Modal';
import { useEditing } from '../../state/context';
import { parseNodeKey } from '../../state/node-key';
import { errorMessage } from '../../state/errors';
import { propertyTitle } from '../details/format';
import { CypherPreview } from './CypherPreview';
import { FieldInputs } from './FieldInputs';
import { checkForm, type FieldErrors } from './edit-form';
import './edit.css';

export type BulkRow = { rel: GraphRelationship; name: string; detail: string };

/**
 * The properties the rows' kinds all have (the kind of a relationship is its type and end
 * labels: an OWNS to a product has a value, one to an incumbent product has not).
 */
function commonFields(type: RelationshipType, rows: readonly BulkRow[]) {
  const labelOf = (key: string) => parseNodeKey(key)?.label;
  const fitting = kindsOfType(type).filter((kind) =>
    rows.some((r) => labelOf(r.rel.source) === kind.from && labelOf(r.rel.target) === kind.to),
  );
  const kinds = fitting.length ? fitting : kindsOfType(type);
  const first = kinds[0];
  if (!first) return { fields: [], schema: undefined };
  const fields = propertyFields(first.props).filter((f) =>
    kinds.every((kind) => f.key in kind.props.shape),
  );
  return { fields, schema: first.props };
}

export function BulkEditDialog({
  type,
  title,
  rows,
  onClose,
}: {
  type: RelationshipType;
  title: string;
  rows: readonly BulkRow[];
  onClose: () => void;
}): React.JSX.Element {
  const client = useClient();
  const editing = useEditing();
  const { fields, schema } = useMemo(() => commonFields(type, rows), [type, rows]);
  const [key, setKey] = useState(fields[0]?.key ?? '');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(rows.map((r) => r.rel.key)),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [review, setReview] = useState<{
    items: { key: string; version: number }[];
    properties: Record<string, JsonValue>;
    preview: EditResult;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = fields.find((f) => f.key === key);

  async function prepare(): Promise<void> {
    if (!field || !schema) return;
    const checked = checkForm(schema, [field], { [key]: text });
    if (!checked.ok) return setErrors(checked.errors);
    const value = checked.properties[key];
    if (value === undefined) return setErrors({ [key]: 'required' });
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      // The versions as they are now: the update refuses any that change before it runs.
      const items = await Promise.all(
        rows
          .filter((r) => chosen.has(r.rel.key))
          .map(async (r) => ({
            key: r.rel.key,
            version: (await client.getRelationship({ key: r.rel.key })).version,
          })),
      );
      const properties = { [key]: value };
      const preview = await client.bulkUpdateRelationships({
        type,
        items,
        properties,
        preview: true,
      });
      setReview({ items, properties, preview });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function apply(): Promise<void> {
    if (!review) return;
    setBusy(true);
    setError(null);
    try {
      await editing.bulkUpdate(type, review.items, review.properties, { confirm: true });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const toggle = (relKey: string): void =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(relKey)) next.delete(relKey);
      else next.add(relKey);
      return next;
    });

  return (
    <Modal title={`Edit ${title}`} open onClose={onClose} testId="bulk-edit-dialog">
      {review ? (
        <>
          <p data-testid="bulk-summary">
            Set <strong>{propertyTitle(key)}</strong> to{' '}
            <strong>{JSON.stringify(review.properties[key])}</strong> on {review.items.length}{' '}
            {type} relationship{review.items.length === 1 ? '' : 's'}.
          </p>
          <CypherPreview result={review.preview} />
          <p className="muted small">Undo Last Edit sets the old values back.</p>
        </>
      ) : (
        <>
          <ul className="bulk-rows" data-testid="bulk-rows">
            {rows.map((r) => (
              <li key={r.rel.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(r.rel.key)}
                    onChange={() => toggle(r.rel.key)}
                  />{' '}
                  {r.name} <span className="muted">{r.detail}</span>
                </label>
              </li>
            ))}
          </ul>
          <label className="edit-field">
            <span>Property</span>
            <select
              data-testid="bulk-property"
              value={key}
              onChange={(e) => {
                setKey(e.target.value);
                setText('');
                setErrors({});
              }}
            >
              {fields.map((f) => (
                <option key={f.key} value={f.key}>
                  {propertyTitle(f.key)}
                </option>
              ))}
            </select>
          </label>
          {field && (
            <FieldInputs
              fields={[field]}
              values={{ [key]: text }}
              errors={errors}
              onChange={(_, value) => setText(value)}
            />
          )}
        </>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="modal-actions">
        {review ? (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
              {busy ? 'Updating…' : `Update ${review.items.length}`}
            </button>
            <button type="button" disabled={busy} onClick={() => setReview(null)}>
              Back
            </button>
          </>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={busy || chosen.size === 0 || !field}
            onClick={() => void prepare()}
          >
            Review…
          </button>
        )}
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
