/**
 * The Admin tab's audit log: every write the server recorded, newest first, a page at a time,
 * filtered by action, each row's Cypher folded; exported as the server's CSV through the save
 * helper (native dialog on the desktop, download in the browser).
 */
import { useMemo, useState } from 'react';
import { AuditAction, type AuditEntry } from '@shared/audit';
import { useClient } from '../../client/context';
import { useAsync } from '../../hooks/useAsync';
import { errorMessage } from '../../state/errors';
import { saveFile } from '../export/save';
import '../workbench/workbench.css';

const PAGE_SIZE = 25;

/** `2026-01-31 12:05:09 UTC` from the entry's ISO time. */
const formatAt = (at: string): string => `${at.replace('T', ' ').slice(0, 19)} UTC`;

/** The counts that are not zero, e.g. `nodes_created 1, properties_set 9`. */
const formatCounts = (counts: AuditEntry['counts']): string =>
  Object.entries(counts)
    .filter(([, n]) => n !== 0)
    .map(([key, n]) => `${key} ${n.toLocaleString('en-US')}`)
    .join(', ');

export function AuditView(): React.JSX.Element {
  const client = useClient();
  const nativeSave = client.desktop?.saveFile;
  const [action, setAction] = useState<AuditAction | null>(null);
  const [offset, setOffset] = useState(0);
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const filter = useMemo(() => (action ? { action } : {}), [action]);
  const state = useAsync(
    useMemo(
      () => () => client.listAudit({ ...filter, offset, limit: PAGE_SIZE }),
      [client, filter, offset],
    ),
  );
  const page = state.data;

  async function exportCsv(): Promise<void> {
    setExporting(true);
    setMessage(null);
    try {
      const file = await client.exportAudit(filter);
      const saved = await saveFile(
        { name: file.file_name, mime: 'text/csv', data: file.csv },
        nativeSave,
      );
      const rows = `${file.rows.toLocaleString('en-US')} ${file.rows === 1 ? 'entry' : 'entries'}`;
      setMessage({
        kind: 'info',
        text: saved.saved
          ? `Exported ${file.file_name} (${rows}${file.truncated ? ', the newest only' : ''}).`
          : 'Export cancelled.',
      });
    } catch (error) {
      setMessage({ kind: 'error', text: `Export failed: ${errorMessage(error)}` });
    } finally {
      setExporting(false);
    }
  }

  return (
    <section className="audit-view" data-testid="audit-view" aria-label="Audit log">
      <h2>Audit log</h2>
      <div className="button-row">
        <label>
          Action{' '}
          <select
            aria-label="Action"
            value={action ?? ''}
            onChange={(e) => {
              const parsed = AuditAction.safeParse(e.target.value);
              setAction(parsed.success ? parsed.data : null);
              setOffset(0);
            }}
          >
            <option value="">All actions</option>
            {AuditAction.options.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={state.retry}>
          Refresh
        </button>
        <button type="button" disabled={exporting} onClick={() => void exportCsv()}>
          {exporting ? 'Exporting…' : 'Export CSV'}
        </button>
        <span className="spacer" />
        <button
          type="button"
          disabled={!page || offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
        >
          ← Newer
        </button>
        <span className="muted" data-testid="audit-range">
          {page && page.total > 0
            ? `${offset + 1}–${offset + page.entries.length} of ${page.total.toLocaleString('en-US')}`
            : ''}
        </span>
        <button
          type="button"
          disabled={!page || offset + page.entries.length >= page.total}
          onClick={() => setOffset(offset + PAGE_SIZE)}
        >
          Older →
        </button>
      </div>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`message ${message.kind}`}
        >
          {message.text}
        </p>
      )}
      {state.status === 'error' && <p className="message error">Audit log: {state.error}</p>}
      {state.status === 'loading' && <p className="muted">Loading the audit log…</p>}
      {page && page.entries.length === 0 && (
        <p className="muted" data-testid="audit-empty">
          {action ? `No audit entries for ${action}.` : 'No audit entries yet.'}
        </p>
      )}
      {page && page.entries.length > 0 && (
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>Time</th>
              <th>Client</th>
              <th>Action</th>
              <th>Summary</th>
              <th>Counts</th>
              <th>Cypher</th>
            </tr>
          </thead>
          <tbody>
            {page.entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td className="nowrap" title={entry.at}>
                  {formatAt(entry.at)}
                </td>
                <td>{entry.client}</td>
                <td>{entry.action}</td>
                <td>{entry.summary}</td>
                <td>{formatCounts(entry.counts)}</td>
                <td>
                  {entry.cypher ? (
                    <details>
                      <summary>Cypher</summary>
                      <pre>{entry.cypher}</pre>
                    </details>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
