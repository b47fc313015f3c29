/**
 * The Cypher console: editor with live-schema completion, a parameters editor, run with
 * Ctrl/Cmd+Enter (or EXPLAIN / PROFILE it), Stop while it runs, results as a table, a graph, JSON
 * or the plan diagram and on request in the network view; history, saved queries and the schema.
 * Queries run read-only unless the analyst turns writes on; even then the server only writes
 * when it is configured to allow it, and under `confirm` a write first shows its Cypher in a
 * confirmation dialog.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GraphData, ProtectionLevel, QueryRequest, QueryResponse } from '@shared/api';
import type { Client } from '@shared/contract';
import { useProvideTool } from '../../commands/tools';
import { CypherPreview } from '../../components/CypherPreview';
import { Modal } from '../../components/Modal';
import { errorMessage } from '../../state/errors';
import { CypherInput } from './CypherInput';
import { HistoryPanel } from './HistoryPanel';
import { addToHistory, HISTORY_KEY, QueryHistory, type HistoryEntry } from './history';
import {
  formatParameters,
  parameterNames,
  parseParameters,
  withMissingParameters,
} from './parameters';
import { PlanDiagram } from './PlanDiagram';
import { ResultGraph, type DrawLimit } from './ResultGraph';
import { ResultsTable } from './ResultsTable';
import { SavedQueriesPanel } from './SavedQueriesPanel';
import {
  deleteQuery,
  SAVED_QUERIES_KEY,
  SavedQueries,
  saveQuery,
  type SavedQuery,
} from './saved-queries';
import { loadSchema, type CypherSchema } from './schema';
import { SchemaPanel } from './SchemaPanel';
import { browserStore, type KeyValueStore } from './storage';
import { usePersisted } from './use-persisted';
import './workbench.css';

export type ConsoleViewProps = {
  client: Client;
  onShowInNetwork: (graph: GraphData) => void;
  /** The guard's draw limit for the result's graph (the network view's). */
  drawLimit: DrawLimit;
  /** Whether the server allows writes at all (ALLOW_WRITE_QUERIES); null while unknown. */
  serverWrites?: boolean | null;
  /** Under `confirm`, a query run with writes allowed asks first and then sends confirm: true. */
  protection?: ProtectionLevel;
  theme?: 'light' | 'dark';
  store?: KeyValueStore;
};

type Outcome =
  { kind: 'result'; result: QueryResponse } | { kind: 'error'; message: string } | null;

type ResultView = 'table' | 'graph' | 'json' | 'plan';
/** A query to run: the text, its parameters and the plan asked for. */
type QueryRun = {
  query: string;
  parameters: QueryRequest['parameters'];
  plan: QueryRequest['plan'];
};
type Running = { runId: string; controller: AbortController };

const RESULT_VIEW_TITLES: Record<ResultView, string> = {
  table: 'Table',
  graph: 'Graph',
  json: 'JSON',
  plan: 'Plan',
};

const EMPTY_SCHEMA = { labels: [], relationshipTypes: [], propertyKeys: [] };

export function ConsoleView(props: ConsoleViewProps): React.JSX.Element {
  const { client, onShowInNetwork, serverWrites = null, theme = 'light' } = props;
  const protection = props.protection ?? 'confirm';
  // A server that refuses every write makes the switch pointless; queries stay read-only.
  const writesPossible = serverWrites !== false;
  const store = useMemo(() => props.store ?? browserStore(), [props.store]);
  const [query, setQuery] = useState('');
  const [paramsText, setParamsText] = useState('');
  const [readOnly, setReadOnly] = useState(true);
  const [running, setRunning] = useState(false);
  const current = useRef<Running | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** A write waiting for its confirmation. */
  const [pending, setPending] = useState<QueryRun | null>(null);
  const [view, setView] = useState<ResultView>('table');
  const [side, setSide] = useState<'history' | 'saved' | 'schema'>('history');
  const [schema, setSchema] = useState<Omit<CypherSchema, 'parameters'>>(EMPTY_SCHEMA);
  const [history, setHistory] = usePersisted<HistoryEntry[]>(store, HISTORY_KEY, QueryHistory, []);
  const [saved, setSaved] = usePersisted<SavedQuery[]>(store, SAVED_QUERIES_KEY, SavedQueries, []);

  useEffect(() => {
    let live = true;
    // Completion works without the schema; a failure here only means fewer suggestions.
    loadSchema(client).then(
      (s) => live && setSchema(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const parsedParams = parseParameters(paramsText);
  const editorSchema = useMemo<CypherSchema>(
    () => ({ ...schema, parameters: parameterNames(query).map((n) => `$${n}`) }),
    [schema, query],
  );

  async function run(plan?: QueryRequest['plan']): Promise<void> {
    const text = query;
    if (running || text.trim() === '') return;
    const parameters = parseParameters(paramsText);
    if (parameters instanceof Error) {
      setOutcome({ kind: 'error', message: parameters.message });
      return;
    }
    const readOnlyRun = readOnly || !writesPossible;
    // Under `confirm` a write waits for the confirmation dialog, which shows its Cypher.
    if (!readOnlyRun && protection === 'confirm') {
      setPending({ query: text, parameters, plan });
      return;
    }
    await execute({ query: text, parameters, plan }, readOnlyRun, false);
  }

  async function execute(
    { query: text, parameters, plan }: QueryRun,
    readOnlyRun: boolean,
    confirm: boolean,
  ): Promise<void> {
    setRunning(true);
    const ran_at = new Date().toISOString();
    const run_id = crypto.randomUUID();
    const controller = new AbortController();
    current.current = { runId: run_id, controller };
    try {
      const result = await client.runQuery(
        {
          query: text,
          parameters,
          read_only: readOnlyRun,
          plan,
          run_id,
          ...(confirm && { confirm }),
        },
        { signal: controller.signal },
      );
      setOutcome({ kind: 'result', result });
      setView((v) =>
        result.plan ? 'plan' : v === 'plan' || (v === 'graph' && !result.graph) ? 'table' : v,
      );
      setHistory((h) =>
        addToHistory(h, {
          query: text,
          parameters,
          ran_at,
          ok: true,
          rows: result.summary.row_count,
          elapsed_ms: result.summary.elapsed_ms,
        }),
      );
    } catch (error) {
      setOutcome({ kind: 'error', message: errorMessage(error) });
      setHistory((h) =>
        addToHistory(h, {
          query: text,
          parameters,
          ran_at,
          ok: false,
          rows: null,
          elapsed_ms: null,
        }),
      );
    } finally {
      current.current = null;
      setRunning(false);
    }
  }

  /** Ends the running query in the database, then gives up waiting for its answer. */
  function stop(): void {
    const run = current.current;
    if (!run) return;
    current.current = null;
    void client
      .stopQuery({ run_id: run.runId })
      .catch(() => undefined)
      .finally(() => run.controller.abort('The query was stopped.'));
  }

  useProvideTool('workbench', { stop, running });

  const load = (entry: { query: string; parameters: Record<string, unknown> }): void => {
    setQuery(entry.query);
    setParamsText(
      JSON.stringify(entry.parameters) === '{}' ? '' : JSON.stringify(entry.parameters, null, 2),
    );
  };

  const graph = outcome?.kind === 'result' ? outcome.result.graph : null;

  const confirmWrite = (): void => {
    const write = pending;
    setPending(null);
    if (write) void execute(write, false, true);
  };

  return (
    <div className="workbench">
      <div className="workbench-main">
        <div className="workbench-toolbar">
          <button
            type="button"
            className="primary"
            onClick={() => void run()}
            disabled={running || !query.trim()}
          >
            {running ? 'Running…' : 'Run'}
          </button>
          <button
            type="button"
            onClick={() => void run('explain')}
            disabled={running || !query.trim()}
            title="Plan the query without running it"
          >
            Explain
          </button>
          <button
            type="button"
            onClick={() => void run('profile')}
            disabled={running || !query.trim()}
            title="Run the query and count rows and db hits per operator"
          >
            Profile
          </button>
          <button type="button" onClick={stop} disabled={!running} data-testid="stop-query">
            Stop
          </button>
          <span className="muted">Ctrl/⌘ + Enter</span>
          <span
            className={`badge ${readOnly || !writesPossible ? 'read-only' : 'read-write'}`}
            data-testid="access-mode"
            title={
              readOnly || !writesPossible
                ? 'The database refuses any write in this query.'
                : 'Writes run only if the server allows them (ALLOW_WRITE_QUERIES).'
            }
          >
            {readOnly || !writesPossible ? 'Read-only' : 'Writes allowed'}
          </span>
          <label
            className="toggle"
            title={
              writesPossible ? undefined : 'This server refuses every write (ALLOW_WRITE_QUERIES).'
            }
          >
            <input
              type="checkbox"
              checked={!readOnly && writesPossible}
              disabled={!writesPossible}
              onChange={(e) => setReadOnly(!e.target.checked)}
            />
            Allow writes
          </label>
          <span className="muted" data-testid="server-writes">
            {serverWrites === null
              ? ''
              : serverWrites
                ? 'This server allows writes'
                : 'This server is read-only (ALLOW_WRITE_QUERIES=false)'}
          </span>
        </div>
        <CypherInput
          value={query}
          onChange={setQuery}
          onRun={() => void run()}
          schema={editorSchema}
          theme={theme}
        />
        <details className="parameters" open={paramsText !== ''}>
          <summary>Parameters</summary>
          <textarea
            aria-label="Parameters (JSON)"
            spellCheck={false}
            rows={4}
            value={paramsText}
            placeholder='{"region": "NAI"}'
            onChange={(e) => setParamsText(e.target.value)}
          />
          <div className="parameters-foot">
            <button
              type="button"
              disabled={parsedParams instanceof Error || parameterNames(query).length === 0}
              onClick={() => {
                if (!(parsedParams instanceof Error)) {
                  setParamsText(formatParameters(withMissingParameters(query, parsedParams)));
                }
              }}
            >
              Add parameters the query uses
            </button>
            {parsedParams instanceof Error && (
              <span className="error-text">{parsedParams.message}</span>
            )}
          </div>
        </details>
        {outcome?.kind === 'error' && (
          <p role="alert" className="message error" data-testid="query-error">
            {outcome.message}
          </p>
        )}
        {outcome?.kind === 'result' && (
          <>
            <div className="workbench-toolbar">
              <button
                type="button"
                disabled={!graph || graph.nodes.length === 0}
                onClick={() => graph && onShowInNetwork(graph)}
              >
                Show in network{graph ? ` (${graph.nodes.length} nodes)` : ''}
              </button>
            </div>
            <div role="tablist" className="workbench-tabs result-tabs" aria-label="Result">
              {(['table', 'graph', 'json', 'plan'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  aria-selected={view === v}
                  disabled={(v === 'graph' && !graph) || (v === 'plan' && !outcome.result.plan)}
                  onClick={() => setView(v)}
                >
                  {RESULT_VIEW_TITLES[v]}
                </button>
              ))}
            </div>
            {view === 'table' && <ResultsTable result={outcome.result} />}
            {view === 'graph' && graph && <ResultGraph graph={graph} limit={props.drawLimit} />}
            {view === 'json' && (
              <pre className="result-json" data-testid="results-json">
                {JSON.stringify(outcome.result.rows, null, 2)}
              </pre>
            )}
            {view === 'plan' && outcome.result.plan && <PlanDiagram plan={outcome.result.plan} />}
          </>
        )}
      </div>
      <Modal
        title="Run this query with writes allowed?"
        open={pending !== null}
        onClose={() => setPending(null)}
        testId="write-confirm"
      >
        {pending && (
          <>
            <p>
              This connection asks before each write. The query below runs with writes allowed
              {pending.plan ? ` (${pending.plan.toUpperCase()})` : ''}.
            </p>
            <CypherPreview
              client={client}
              request={{ write: 'query', query: pending.query, parameters: pending.parameters }}
              defaultOpen
              testId="write-cypher"
            />
            <div className="modal-actions">
              <button type="button" className="primary" onClick={confirmWrite}>
                Confirm and run
              </button>
              <button type="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Modal>
      <aside className="workbench-side">
        <div role="tablist" className="workbench-tabs">
          <button
            type="button"
            role="tab"
            aria-selected={side === 'history'}
            onClick={() => setSide('history')}
          >
            History ({history.length})
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={side === 'saved'}
            onClick={() => setSide('saved')}
          >
            Saved ({saved.length})
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={side === 'schema'}
            onClick={() => setSide('schema')}
          >
            Schema
          </button>
        </div>
        {side === 'schema' ? (
          <SchemaPanel client={client} onInsert={setQuery} />
        ) : side === 'history' ? (
          <HistoryPanel history={history} onPick={load} onClear={() => setHistory(() => [])} />
        ) : (
          <SavedQueriesPanel
            saved={saved}
            canSave={query.trim() !== '' && !(parsedParams instanceof Error)}
            onPick={load}
            onDelete={(name) => setSaved((list) => deleteQuery(list, name))}
            onSave={(name) => {
              if (parsedParams instanceof Error) return;
              setSaved((list) =>
                saveQuery(list, {
                  name,
                  query,
                  parameters: parsedParams,
                  saved_at: new Date().toISOString(),
                }),
              );
            }}
          />
        )}
      </aside>
    </div>
  );
}
