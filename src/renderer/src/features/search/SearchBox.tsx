/** Server-side name search; picking a hit brings the node in, selects it and centres on it. */
import { useEffect, useState } from 'react';
import type { SearchResponse } from '@shared/api';
import { useClient } from '../../client/context';
import { useCommands } from '../../commands/context';
import { keyLabels } from '../../commands/keymap';
import { labelTitle } from '../../graph/filter-fields';
import { errorMessage } from '../../state/errors';
import { useExplorer } from '../../state/context';

const SETTLE_MS = 250;

export function SearchBox(): React.JSX.Element {
  const client = useClient();
  const explorer = useExplorer();
  const [q, setQ] = useState('');
  const [answer, setAnswer] = useState<{
    q: string;
    results: SearchResponse['results'];
    error: string | null;
  } | null>(null);
  const [open, setOpen] = useState(false);
  const keys = keyLabels('search', useCommands().keys);

  useEffect(() => {
    const text = q.trim();
    if (!text) return;
    let live = true;
    const timer = window.setTimeout(() => {
      client.search({ q: text, limit: 10 }).then(
        (r) => live && setAnswer({ q: text, results: r.results, error: null }),
        (e: unknown) => live && setAnswer({ q: text, results: [], error: errorMessage(e) }),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, q]);

  const current = answer && answer.q === q.trim() ? answer : null;
  const results = current?.results ?? [];
  const error = current?.error ?? null;
  return (
    <div className="search" role="search">
      <input
        id="search-input"
        type="search"
        placeholder={`Search names…  (${keys.join(', ')})`}
        aria-label="Search nodes by name"
        data-testid="search-input"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      {open && (results.length > 0 || error) && (
        <ul className="search-results" data-testid="search-results" role="listbox">
          {error && <li className="error-text">{error}</li>}
          {results.map(({ node }) => (
            <li key={node.key} role="option" aria-selected={false}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  explorer.showNode(node);
                  setOpen(false);
                }}
              >
                {node.name}{' '}
                <span className="muted">
                  {labelTitle(node.label)} · {node.region}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
