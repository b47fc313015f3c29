/**
 * Server-side search, ranked: exact id or name, then nodes in view, then the region being
 * explored, then the rest; a page at a time ("N more"), with a "no matches" state. Picking a hit
 * brings the node in with its relationships to the nodes drawn, selects it and centres on it.
 */
import { useEffect, useState } from 'react';
import type { SearchResponse } from '@shared/api';
import { useClient } from '../../client/context';
import { useCommands } from '../../commands/context';
import { keyLabels } from '../../commands/keymap';
import { labelTitle } from '../../graph/filter-fields';
import { errorMessage } from '../../state/errors';
import { useExplorer } from '../../state/context';
import { rankedSearch } from './ranked-search';

const SETTLE_MS = 250;
const PAGE = 10;

const RANK_TITLES: Record<SearchResponse['results'][number]['rank'], string | null> = {
  exact: 'exact',
  in_view: 'in view',
  region: 'in region',
  other: null,
};

type Answer = {
  q: string;
  results: SearchResponse['results'];
  total: number;
  hasMore: boolean;
  error: string | null;
};

export function SearchBox(): React.JSX.Element {
  const client = useClient();
  const explorer = useExplorer();
  const [q, setQ] = useState('');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [open, setOpen] = useState(false);
  const keys = keyLabels('search', useCommands().keys);

  const fetchPage = (text: string, offset: number) =>
    rankedSearch(client, explorer, { q: text, limit: PAGE, offset });

  useEffect(() => {
    const text = q.trim();
    if (!text) return;
    let live = true;
    const timer = window.setTimeout(() => {
      fetchPage(text, 0).then(
        (r) =>
          live &&
          setAnswer({
            q: text,
            results: r.results,
            total: r.total,
            hasMore: r.has_more,
            error: null,
          }),
        (e: unknown) =>
          live &&
          setAnswer({ q: text, results: [], total: 0, hasMore: false, error: errorMessage(e) }),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // fetchPage reads the explorer at call time; the query text alone starts a search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, q]);

  const current = answer && answer.q === q.trim() ? answer : null;

  const more = (): void => {
    if (!current) return;
    fetchPage(current.q, current.results.length).then(
      (r) =>
        setAnswer((a) =>
          a && a.q === current.q
            ? { ...a, results: [...a.results, ...r.results], hasMore: r.has_more }
            : a,
        ),
      (e: unknown) => setAnswer((a) => (a ? { ...a, error: errorMessage(e) } : a)),
    );
  };

  return (
    <div className="search" role="search">
      <input
        id="search-input"
        type="search"
        placeholder={`Search… (${keys[0] ?? ''})`}
        title={`Search names or ids (${keys.join(', ')})`}
        aria-label="Search nodes by name or id"
        data-testid="search-input"
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      {open && current && (
        <ul className="search-results" data-testid="search-results" role="listbox">
          {current.error && <li className="error-text">{current.error}</li>}
          {!current.error && current.total === 0 && (
            <li className="muted" data-testid="search-none">
              No matches for “{current.q}”.
            </li>
          )}
          {current.results.map(({ node, rank }) => (
            <li key={node.key} role="option" aria-selected={false} data-rank={rank}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  void explorer.showNode(node);
                  setOpen(false);
                }}
              >
                {node.name}{' '}
                <span className="muted">
                  {labelTitle(node.label)} · {node.id}
                  {RANK_TITLES[rank] && ` · ${RANK_TITLES[rank]}`}
                </span>
              </button>
            </li>
          ))}
          {current.hasMore && (
            <li>
              <button
                type="button"
                className="link"
                data-testid="search-more"
                onMouseDown={(e) => e.preventDefault()}
                onClick={more}
              >
                {(current.total - current.results.length).toLocaleString('en-US')} more
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
