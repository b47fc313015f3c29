/**
 * The database's schema beside the console: labels and relationship types with their counts
 * (clicking one puts a query for it in the editor), property keys with their value types, and
 * the indexes and constraints.
 */
import { useEffect, useState } from 'react';
import type { SchemaResponse } from '@shared/api';
import type { Client } from '@shared/contract';
import { errorMessage } from '../../state/errors';
import { labelQuery, typeQuery } from './schema';

const count = (n: number): string => n.toLocaleString('en-US');

export function SchemaPanel({
  client,
  onInsert,
}: {
  client: Client;
  onInsert: (query: string) => void;
}): React.JSX.Element {
  const [schema, setSchema] = useState<SchemaResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let live = true;
    client.getSchema({}).then(
      (s) => {
        if (!live) return;
        setSchema(s);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [client, reads]);

  return (
    <section className="side-panel schema-panel" aria-label="Schema" data-testid="schema-panel">
      <div className="side-panel-head">
        <button type="button" onClick={() => setReads((n) => n + 1)}>
          Refresh
        </button>
      </div>
      {error && (
        <p role="alert" className="message error">
          {error}
        </p>
      )}
      {!schema && !error && <p className="muted">Reading the schema…</p>}
      {schema && (
        <>
          <h4>Labels ({schema.labels.length})</h4>
          <ul className="schema-list">
            {schema.labels.map((l) => (
              <li key={l.label}>
                <button
                  type="button"
                  className="schema-item"
                  data-testid="schema-label"
                  title={`Query ${l.label} nodes`}
                  onClick={() => onInsert(labelQuery(l.label))}
                >
                  <span>:{l.label}</span>
                  <span className="muted">{count(l.count)}</span>
                </button>
              </li>
            ))}
          </ul>
          <h4>Relationship types ({schema.relationship_types.length})</h4>
          <ul className="schema-list">
            {schema.relationship_types.map((t) => (
              <li key={t.type}>
                <button
                  type="button"
                  className="schema-item"
                  data-testid="schema-type"
                  title={`Query ${t.type} relationships`}
                  onClick={() => onInsert(typeQuery(t.type))}
                >
                  <span>[:{t.type}]</span>
                  <span className="muted">{count(t.count)}</span>
                </button>
              </li>
            ))}
          </ul>
          <h4>Property keys ({schema.property_keys.length})</h4>
          <ul className="schema-list" data-testid="schema-properties">
            {schema.property_keys.map((p) => (
              <li key={p.key} className="schema-entry">
                <span>{p.key}</span>
                <span className="muted">
                  {p.types.join(', ')} · {count(p.nodes)} nodes · {count(p.relationships)} rels
                </span>
              </li>
            ))}
          </ul>
          <h4>Indexes ({schema.indexes.length})</h4>
          <ul className="schema-list" data-testid="schema-indexes">
            {schema.indexes.map((i) => (
              <li key={i.name} className="schema-entry">
                <span>{i.name}</span>
                <span className="muted">
                  {i.type} {i.labels_or_types.join('|')}
                  {i.properties.length ? `(${i.properties.join(', ')})` : ''} · {i.state}
                </span>
              </li>
            ))}
          </ul>
          <h4>Constraints ({schema.constraints.length})</h4>
          <ul className="schema-list" data-testid="schema-constraints">
            {schema.constraints.map((c) => (
              <li key={c.name} className="schema-entry">
                <span>{c.name}</span>
                <span className="muted">
                  {c.type} {c.labels_or_types.join('|')}({c.properties.join(', ')})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
