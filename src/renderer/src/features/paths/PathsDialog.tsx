/**
 * "Paths to…": the shortest paths from one node to another (a drawn node, preset to the one
 * selected before), within a maximum length, over the chosen relationship types. Opened for the
 * two selected nodes ("Shortest paths between selected"), it looks for them at once. The paths
 * found are drawn and highlighted; the dialog says how many there are, or that there is none.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_PATH_LENGTH, type PathsResponse } from '@shared/api';
import { RELATIONSHIP_TYPES, type RelationshipType } from '@shared/domain';
import { Modal } from '../../components/Modal';
import { labelTitle } from '../../graph/filter-fields';
import { useExplorer } from '../../state/context';
import { errorMessage } from '../../state/errors';
import { parseNodeKey } from '../../state/node-key';
import { useStore } from '../../state/store';
import '../workbench/workbench.css';

const DEFAULT_MAX_LENGTH = 6;

function summary(result: PathsResponse, maxLength: number): string {
  if (result.length === null) return `No path within ${maxLength} relationships.`;
  const count = result.paths.length;
  const more = result.truncated ? ' (more exist)' : '';
  return `${count} shortest ${count === 1 ? 'path' : 'paths'} of ${result.length} ${
    result.length === 1 ? 'relationship' : 'relationships'
  }${more}, highlighted.`;
}

export function PathsDialog(): React.JSX.Element | null {
  const explorer = useExplorer();
  const dialog = useStore(explorer.store, (s) => s.pathsDialog);
  if (!dialog) return null;
  return (
    <PathsForm
      key={`${dialog.from} ${dialog.to ?? ''} ${dialog.find}`}
      from={dialog.from}
      initialTo={dialog.to}
      findAtOnce={dialog.find}
    />
  );
}

function PathsForm({
  from,
  initialTo,
  findAtOnce,
}: {
  from: string;
  initialTo: string | null;
  findAtOnce: boolean;
}) {
  const explorer = useExplorer();
  // The nodes drawn now are the candidates for the other end, by name.
  const candidates = useMemo(
    () =>
      explorer.graph
        .mapNodes((key, attributes) => ({ key, name: String(attributes.label ?? key) }))
        .filter((n) => n.key !== from)
        .sort((a, b) => a.name.localeCompare(b.name)),
    [explorer, from],
  );
  const fromName = explorer.graph.hasNode(from)
    ? String(explorer.graph.getNodeAttribute(from, 'label') ?? from)
    : from;
  const nameOf = (key: string) =>
    key === from ? fromName : (candidates.find((c) => c.key === key)?.name ?? key);
  const [to, setTo] = useState(initialTo ?? '');
  const [maxLength, setMaxLength] = useState(DEFAULT_MAX_LENGTH);
  const [types, setTypes] = useState<RelationshipType[]>([...RELATIONSHIP_TYPES]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PathsResponse | null>(null);
  const source = parseNodeKey(from);
  const target = parseNodeKey(to);
  const ready = source !== null && target !== null && types.length > 0 && !busy;

  async function find(): Promise<void> {
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      setResult(
        await explorer.findPaths({ from: source, to: target, max_length: maxLength, types }),
      );
    } catch (e) {
      setResult(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    void find();
  }

  // Both ends chosen by selecting them: the paths are looked for once, as the dialog opens.
  const foundAtOnce = useRef(false);
  useEffect(() => {
    if (!findAtOnce || foundAtOnce.current) return;
    foundAtOnce.current = true;
    void find();
  });

  const toggle = (type: RelationshipType, on: boolean): void =>
    setTypes((current) =>
      on
        ? RELATIONSHIP_TYPES.filter((t) => t === type || current.includes(t))
        : current.filter((t) => t !== type),
    );

  return (
    <Modal title="Paths" open onClose={explorer.closePaths} testId="paths-dialog">
      <form className="admin-form" onSubmit={submit}>
        <p>
          From <strong data-testid="paths-from">{fromName}</strong>{' '}
          <span className="muted">{labelTitle(source?.label ?? 'COMPANY')}</span>
        </p>
        <label className="admin-field">
          <span>To</span>
          <select
            aria-label="To"
            data-testid="paths-to"
            value={to}
            onChange={(e) => setTo(e.target.value)}
          >
            <option value="">Choose a drawn node…</option>
            {candidates.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name} · {labelTitle(parseNodeKey(c.key)?.label ?? 'COMPANY')}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>Longest path (relationships)</span>
          <input
            type="number"
            aria-label="Longest path"
            min={1}
            max={MAX_PATH_LENGTH}
            value={maxLength}
            onChange={(e) =>
              setMaxLength(Math.min(MAX_PATH_LENGTH, Math.max(1, Number(e.target.value) || 1)))
            }
          />
        </label>
        <fieldset data-testid="paths-types">
          <legend>Relationship types</legend>
          {RELATIONSHIP_TYPES.map((type) => (
            <label key={type}>
              <input
                type="checkbox"
                checked={types.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />
              {type}
            </label>
          ))}
          {types.length === 0 && <p className="error-text">Choose at least one type.</p>}
        </fieldset>
        {error && (
          <p role="alert" className="message error">
            {error}
          </p>
        )}
        {result && (
          <p
            role="status"
            data-testid="paths-result"
            data-paths={result.paths.length}
            data-length={result.length ?? ''}
          >
            {summary(result, maxLength)}
            {result.paths[0] && (
              <span className="muted"> {result.paths[0].nodes.map(nameOf).join(' → ')}</span>
            )}
          </p>
        )}
        <div className="modal-actions">
          <button type="submit" disabled={!ready} data-testid="paths-find">
            {busy ? 'Finding…' : 'Find paths'}
          </button>
          <button type="button" onClick={explorer.closePaths}>
            Close
          </button>
        </div>
      </form>
    </Modal>
  );
}
