/**
 * Shown instead of the network when a result is larger than the guard allows: a view of the
 * filter (with narrower filters to choose, each with the server's count of what it would draw)
 * or a query's result.
 */
import { useEffect, useMemo, useState } from 'react';
import { drawLimitBasis } from '../../graph/draw-capacity';
import { viewOf, type FilterState } from '../../graph/filters';
import { orderSuggestions, suggestNarrowing } from '../../graph/guard';
import { useClient } from '../../client/context';
import { clearMaxDrawNodes, saveMaxDrawNodes } from '../../state/preferences';
import { useStore } from '../../state/store';
import { useAppData, useExplorer } from '../../state/context';

export function TooLargeGuard(): React.JSX.Element | null {
  const explorer = useExplorer();
  const client = useClient();
  const s = useStore(explorer.store, (st) => st);
  const stats = useStore(useAppData().store, (d) => d.stats);
  const shown = s.load.tooLarge;
  const forView = shown && s.load.source === 'view';
  const suggestions = useMemo(
    () => (forView ? suggestNarrowing(s.filters, s.mode, stats) : []),
    [forView, s.filters, s.mode, stats],
  );
  // Counts by the view they count, so a count never attaches to another filter's suggestion.
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const viewKey = (filters: FilterState): string => JSON.stringify(viewOf(filters, s.mode));
  useEffect(() => {
    const controller = new AbortController();
    for (const sug of suggestions) {
      const view = viewOf(sug.filters, s.mode);
      client
        .estimateGraph(view, { signal: controller.signal })
        .then((counted) =>
          setCounts((prev) => new Map(prev).set(JSON.stringify(view), counted.nodes)),
        )
        // Without a count the suggestion is still offered, only without its size.
        .catch(() => undefined);
    }
    return () => controller.abort('The guard moved on');
  }, [client, suggestions, s.mode]);
  const estimates = new Map(
    suggestions.flatMap((sug) => {
      const count = counts.get(viewKey(sug.filters));
      return count === undefined ? [] : [[sug.text, count] as const];
    }),
  );
  if (!shown) return null;
  const what = s.load.source === 'query' ? 'nodes in the query result' : 'nodes match';
  const limit = s.maxDrawNodes.toLocaleString('en-US');
  return (
    <div className="guard" role="alert" data-testid="too-large">
      <h3>
        {s.load.totals
          ? `${s.load.totals.nodes.toLocaleString('en-US')} ${what}: more than the ${limit} this view draws.`
          : // A view cut by the cap arrives uncounted; its count follows (countTotals).
            `More than the ${limit} nodes this view draws match; counting them…`}
      </h3>
      <p className="muted" data-testid="draw-capacity">
        {drawLimitBasis(s.maxDrawNodes, s.drawCapacity)}
      </p>
      {forView && (
        <>
          <p>Narrow the filter:</p>
          <ul>
            {orderSuggestions(suggestions, estimates, s.maxDrawNodes).map((sug) => {
              const estimate = estimates.get(sug.text);
              return (
                <li key={sug.text}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => void explorer.applyFilters(sug.filters)}
                  >
                    {sug.text}
                  </button>
                  {estimate !== undefined && (
                    <span className="muted" data-testid="estimate">
                      {' '}
                      ({estimate.toLocaleString('en-US')} nodes)
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {s.load.source === 'query' && <p>Narrow the query (a LIMIT, a WHERE), or:</p>}
      <div className="button-row">
        <button type="button" onClick={() => void explorer.drawAnyway()}>
          Draw the first {s.maxDrawNodes.toLocaleString('en-US')} anyway
        </button>
        <label>
          Draw limit{' '}
          <input
            key={s.maxDrawNodes}
            type="number"
            min={100}
            step={500}
            defaultValue={s.maxDrawNodes}
            aria-label="Largest graph to draw"
            onBlur={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 100) {
                saveMaxDrawNodes(n);
                explorer.setMaxDrawNodes(n);
                void explorer.reload();
              }
            }}
          />
        </label>
        {s.maxDrawNodes !== s.drawCapacity.maxNodes && (
          <button
            type="button"
            onClick={() => {
              clearMaxDrawNodes();
              explorer.setMaxDrawNodes(s.drawCapacity.maxNodes);
              void explorer.reload();
            }}
          >
            Use the measured limit
          </button>
        )}
      </div>
    </div>
  );
}
