/** Named queries: save the editor's query under a name, load or delete saved ones. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SavedQuery } from './saved-queries';
import { hasQuery } from './saved-queries';

export type SavedQueriesPanelProps = {
  saved: readonly SavedQuery[];
  canSave: boolean;
  onSave: (name: string) => void;
  onPick: (query: SavedQuery) => void;
  onDelete: (name: string) => void;
};

export function SavedQueriesPanel(props: SavedQueriesPanelProps): React.JSX.Element {
  const { saved, canSave, onSave, onPick, onDelete } = props;
  const [name, setName] = useState('');
  const trimmed = name.trim();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!trimmed || !canSave) return;
    onSave(trimmed);
    setName('');
  };
  return (
    <section className="side-panel" aria-label="Saved queries">
      <form className="side-panel-head" onSubmit={submit}>
        <input
          placeholder="Name this query"
          aria-label="Query name"
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!trimmed || !canSave}>
          {trimmed && hasQuery(saved, trimmed) ? 'Replace' : 'Save'}
        </button>
      </form>
      {saved.length === 0 ? (
        <p className="muted">No saved queries.</p>
      ) : (
        <ul className="query-list" data-testid="saved-list">
          {saved.map((q) => (
            <li key={q.name} className="saved-item">
              <button
                type="button"
                className="query-item"
                onClick={() => onPick(q)}
                title={q.query}
              >
                <strong>{q.name}</strong>
                <code>{q.query}</code>
              </button>
              <button
                type="button"
                aria-label={`Delete ${q.name}`}
                onClick={() => onDelete(q.name)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
