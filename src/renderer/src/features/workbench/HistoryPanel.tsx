/** Past runs, newest first, filtered by a search box; picking one loads it into the editor. */
import { useState } from 'react';
import type { HistoryEntry } from './history';
import { searchHistory } from './history';

export type HistoryPanelProps = {
  history: readonly HistoryEntry[];
  onPick: (entry: HistoryEntry) => void;
  onClear: () => void;
};

const when = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString();
};

export function HistoryPanel({ history, onPick, onClear }: HistoryPanelProps): React.JSX.Element {
  const [search, setSearch] = useState('');
  const found = searchHistory(history, search);
  return (
    <section className="side-panel" aria-label="Query history">
      <div className="side-panel-head">
        <input
          type="search"
          placeholder="Search history"
          aria-label="Search history"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" onClick={onClear} disabled={history.length === 0}>
          Clear
        </button>
      </div>
      {found.length === 0 ? (
        <p className="muted">{history.length === 0 ? 'No queries run yet.' : 'Nothing matches.'}</p>
      ) : (
        <ul className="query-list" data-testid="history-list">
          {found.map((entry) => (
            <li key={`${entry.ran_at}-${entry.query}`}>
              <button
                type="button"
                className="query-item"
                onClick={() => onPick(entry)}
                title={entry.query}
              >
                <code>{entry.query}</code>
                <span className={`muted ${entry.ok ? '' : 'failed'}`}>
                  {when(entry.ran_at)} · {entry.ok ? `${entry.rows ?? 0} rows` : 'failed'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
