/**
 * The smart-query catalogue: bundled entries plus the analyst's own (imported from JSON files,
 * kept in local storage). Each runs read-only with parameters from the current filters; its
 * rows show as a table and its nodes can be sent to the network view.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { GraphData, JsonValue, QueryResponse } from '@shared/api';
import type { Client } from '@shared/contract';
import { errorMessage } from '../../state/errors';
import { ResultsTable } from '../workbench/ResultsTable';
import { browserStore, type KeyValueStore } from '../workbench/storage';
import '../workbench/workbench.css';
import { bundledCatalogue } from './bundled';
import { describeProblem, type SmartQuery } from './catalogue';
import type { FilterContext } from './request';
import { smartQueryRequest } from './request';
import { SmartQueryCard } from './SmartQueryCard';
import { importEntries, loadUserCatalogue, removeEntry, saveUserCatalogue } from './user-catalogue';

export type SmartQueriesPanelProps = {
  client: Client;
  context: FilterContext;
  onShowInNetwork: (graph: GraphData) => void;
  store?: KeyValueStore;
};

type Outcome =
  | { id: string; kind: 'result'; result: QueryResponse }
  | { id: string; kind: 'error'; message: string }
  | null;

export function SmartQueriesPanel(props: SmartQueriesPanelProps): React.JSX.Element {
  const { client, context, onShowInNetwork } = props;
  const store = useMemo(() => props.store ?? browserStore(), [props.store]);
  const bundled = useMemo(() => bundledCatalogue(), []);
  const bundledIds = useMemo(() => new Set(bundled.entries.map((e) => e.id)), [bundled]);
  const [initialUser] = useState(() => loadUserCatalogue(store, bundledIds));
  const [userEntries, setUserEntries] = useState<SmartQuery[]>(initialUser.entries);
  const [problems, setProblems] = useState<string[]>(
    [...bundled.problems, ...initialUser.problems].map(describeProblem),
  );
  const [overrides, setOverrides] = useState<Record<string, Record<string, JsonValue>>>({});
  const [running, setRunning] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLElement>(null);

  // A result below a long catalogue would go unseen: bring it into view.
  useEffect(() => {
    if (outcome) resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome]);

  const updateUser = (entries: SmartQuery[]): void => {
    setUserEntries(entries);
    if (!saveUserCatalogue(store, entries)) {
      setProblems((p) => [...p, 'Your queries could not be stored in this browser.']);
    }
  };

  async function run(entry: SmartQuery): Promise<void> {
    setRunning(entry.id);
    try {
      const result = await client.runQuery(smartQueryRequest(entry, context, overrides[entry.id]));
      setOutcome({ id: entry.id, kind: 'result', result });
    } catch (error) {
      setOutcome({ id: entry.id, kind: 'error', message: errorMessage(error) });
    } finally {
      setRunning(null);
    }
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const merged = importEntries(userEntries, await file.text(), bundledIds);
    updateUser(merged.entries);
    const { added } = merged;
    setProblems([
      `${file.name}: ${added} ${added === 1 ? 'query' : 'queries'} added` +
        (merged.problems.length ? `, ${merged.problems.length} refused:` : '.'),
      ...merged.problems.map(describeProblem),
    ]);
  }

  const card = (entry: SmartQuery, removable: boolean): React.JSX.Element => (
    <SmartQueryCard
      key={entry.id}
      entry={entry}
      context={context}
      overrides={overrides[entry.id] ?? {}}
      onOverride={(name, value) =>
        setOverrides((o) => ({ ...o, [entry.id]: { ...o[entry.id], [name]: value } }))
      }
      running={running === entry.id}
      onRun={() => void run(entry)}
      onRemove={removable ? () => updateUser(removeEntry(userEntries, entry.id)) : undefined}
    />
  );

  const current = outcome
    ? [...bundled.entries, ...userEntries].find((e) => e.id === outcome.id)
    : undefined;
  const graph = outcome?.kind === 'result' ? outcome.result.graph : null;

  return (
    <div className="smart-queries">
      <div className="workbench-toolbar">
        <span className="muted">
          Parameters come from the current filters; every query runs read-only.
        </span>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import queries…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="import-smart-queries"
          onChange={(e) => void importFile(e)}
        />
      </div>
      {problems.length > 0 && (
        <div role="alert" className="message error" data-testid="smart-query-problems">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      )}
      <ul className="smart-query-list">
        {bundled.entries.map((e) => card(e, false))}
        {userEntries.map((e) => card(e, true))}
      </ul>
      {outcome && (
        <section
          ref={resultRef}
          className="smart-result"
          aria-label="Smart query result"
          data-testid="smart-query-result"
        >
          <h3>{current?.title ?? outcome.id}</h3>
          {outcome.kind === 'error' ? (
            <p role="alert" className="message error">
              {outcome.message}
            </p>
          ) : (
            <>
              <button
                type="button"
                disabled={!graph || graph.nodes.length === 0}
                onClick={() => graph && onShowInNetwork(graph)}
              >
                Show in network{graph ? ` (${graph.nodes.length} nodes)` : ''}
              </button>
              <ResultsTable result={outcome.result} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
