/**
 * Import CSV or XLSX files: in the browser the files are chosen here and uploaded; in the
 * desktop app main picks them with the native open dialog and keeps them (the page gets their
 * names and a choice id). Either way the same steps follow: "Check" runs a dry run (everything
 * but the commit) and shows the column mapping and every bad row; "Import" writes all rows or
 * none. Either runs as a job: a progress bar shows the rows read, and Cancel rolls it back. The
 * report shows the Cypher the import runs (a dry run: would run).
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ProtectionLevel } from '@shared/api';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '@shared/domain';
import type { ImportJob, ImportOptions, ImportResult } from '@shared/import';
import type { AppClient } from '../../client/types';
import { CypherPreview } from '../../components/CypherPreview';
import { Modal } from '../../components/Modal';
import { errorMessage } from '../../state/errors';
import '../workbench/workbench.css';

export type ImportDialogProps = {
  client: AppClient;
  /** Under `confirm` an import asks again before it writes. */
  protection: ProtectionLevel;
  open: boolean;
  onClose: () => void;
  onImported: (result: ImportResult) => void;
};

const SHOWN_ERRORS = 50;
/** How often a running job is read again. */
const POLL_MS = 200;
const count = (n: number): string => n.toLocaleString('en-US');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const PHASES: Record<ImportJob['progress']['phase'], string> = {
  read: 'Reading and writing',
  commit: 'Committing',
  rollback: 'Rolling back',
  done: 'Finishing',
};

/** The share done: rows of the counted total, or bytes read when rows cannot be counted (XLSX). */
function percentDone({ progress: p }: ImportJob): number {
  const share = p.rows_total ? p.rows / p.rows_total : p.bytes_total ? p.bytes / p.bytes_total : 0;
  return Math.min(100, Math.round(share * 100));
}

function ImportProgressView({
  job,
  cancelling,
  onCancel,
}: {
  job: ImportJob;
  cancelling: boolean;
  onCancel: () => void;
}): React.JSX.Element {
  const p = job.progress;
  const percent = percentDone(job);
  return (
    <div className="import-progress" data-testid="import-progress" data-phase={p.phase}>
      <progress max={100} value={percent} aria-label="Import progress" />
      <p role="status">
        {cancelling ? 'Cancelling' : PHASES[p.phase]}: {count(p.rows)}
        {p.rows_total !== null && ` of ${count(p.rows_total)}`} rows ({percent}%),{' '}
        {(p.elapsed_ms / 1000).toFixed(1)} s
      </p>
      <button type="button" onClick={onCancel} disabled={cancelling}>
        Cancel import
      </button>
    </div>
  );
}

function Report({ result }: { result: ImportResult }): React.JSX.Element {
  const { nodes, relationships } = result;
  return (
    <div className="import-report" data-testid="import-report">
      <p role="status">
        {result.committed ? 'Imported' : 'Checked'} {count(result.rows)} rows:{' '}
        {count(nodes.created)} nodes created, {count(nodes.updated)} updated,{' '}
        {count(relationships.created)} relationships created, {count(relationships.updated)} updated
        {result.committed ? '.' : ' (nothing was written).'}
      </p>
      {result.files.map((file) => (
        <details key={file.file}>
          <summary>
            {file.file}: {count(file.rows)} rows, {file.target ?? file.layout}
          </summary>
          <table className="import-columns">
            <thead>
              <tr>
                <th>Column</th>
                <th>Property</th>
              </tr>
            </thead>
            <tbody>
              {file.columns.map((c) => (
                <tr key={c.column}>
                  <td>{c.column}</td>
                  <td>{c.property ?? '— left out'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
      {result.statements.length > 0 && (
        <CypherPreview statements={result.statements} testId="import-cypher" />
      )}
      {result.errors_total > 0 && (
        <>
          <p role="alert" className="message error">
            {count(result.errors_total)} bad {result.errors_total === 1 ? 'row' : 'rows'}; fix{' '}
            {result.errors_total === 1 ? 'it' : 'them'} and import again.
          </p>
          <table className="import-errors" data-testid="import-errors">
            <thead>
              <tr>
                <th>File</th>
                <th>Row</th>
                <th>Column</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {result.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                <tr key={i}>
                  <td>{e.file}</td>
                  <td>{e.row}</td>
                  <td>{e.column ?? ''}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function ImportDialog({ client, protection, open, onClose, onImported }: ImportDialogProps) {
  const [files, setFiles] = useState<File[]>([]);
  /** The desktop's files, as main chose them with the open dialog. */
  const [chosen, setChosen] = useState<{ choice: string; names: string[] } | null>(null);
  const [kind, setKind] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The running job, while it runs. */
  const [job, setJob] = useState<ImportJob | null>(null);
  const [cancelling, setCancelling] = useState(false);
  /** Under the confirm level: the import waits for a second click, after its dry run. */
  const [awaiting, setAwaiting] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const desktop = client.desktop;
  const upload = client.startImportUpload;

  const options = (dryRun: boolean, confirm = false): ImportOptions => ({
    dry_run: dryRun,
    ...(confirm && { confirm }),
    ...((NODE_LABELS as readonly string[]).includes(kind) && {
      label: kind as ImportOptions['label'],
    }),
    ...((RELATIONSHIP_TYPES as readonly string[]).includes(kind) && {
      type: kind as ImportOptions['type'],
    }),
  });

  /** Reads the job until it ends. */
  async function follow(started: ImportJob): Promise<ImportJob> {
    let current = started;
    while (current.status === 'running' && mounted.current) {
      setJob(current);
      await sleep(POLL_MS);
      current = await client.getImportJob({ id: current.id });
    }
    return current;
  }

  async function run(dryRun: boolean, confirm = false): Promise<void> {
    setBusy(true);
    setError(null);
    setNotice(null);
    setResult(null);
    setAwaiting(false);
    setCancelling(false);
    try {
      let started: ImportJob | null = null;
      if (desktop && chosen)
        started = await desktop.startChosenImport({ ...options(dryRun, confirm), ...chosen });
      else if (upload) started = await upload(files, options(dryRun, confirm));
      if (!started) return;
      const ended = await follow(started);
      if (!mounted.current) return;
      setResult(ended.result);
      if (ended.status === 'cancelled')
        setNotice(ended.error?.message ?? 'Import cancelled; nothing was written');
      else if (ended.error) setError(ended.error.message);
      if (ended.result?.committed) onImported(ended.result);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setJob(null);
      setBusy(false);
    }
  }

  const cancel = (): void => {
    if (!job) return;
    setCancelling(true);
    client.cancelImport({ id: job.id }).catch((e: unknown) => setError(errorMessage(e)));
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (protection !== 'confirm') return void run(false);
    // What the import would write (its dry run) is shown before asking.
    void run(true).then(() => setAwaiting(true));
  };
  const close = (): void => {
    if (busy) return;
    setResult(null);
    setError(null);
    setNotice(null);
    setAwaiting(false);
    onClose();
  };
  const choose = async (): Promise<void> => {
    if (!desktop) return;
    setError(null);
    try {
      const answer = await desktop.chooseImportFiles({});
      if (answer.choice === null) return;
      setChosen({ choice: answer.choice, names: answer.names });
      setResult(null);
      setAwaiting(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const ready = desktop ? chosen !== null : files.length > 0;

  return (
    <Modal title="Import data" open={open} onClose={close} testId="import-dialog">
      <form className="admin-form" onSubmit={submit}>
        <fieldset disabled={busy}>
          <p>
            CSV (UTF-8) or XLSX files, one label or relationship type each, or the app&apos;s own
            graph and coverage exports. Rows are merged by id; one bad row and nothing is written.
          </p>
          {desktop ? (
            <div className="admin-field">
              <span>Files</span>
              <div className="import-chosen">
                <button type="button" onClick={() => void choose()}>
                  Choose files…
                </button>
                <span data-testid="import-chosen">
                  {chosen ? chosen.names.join(', ') : 'No files chosen'}
                </span>
              </div>
            </div>
          ) : (
            <label className="admin-field">
              <span>Files</span>
              <input
                type="file"
                name="files"
                multiple
                accept=".csv,.xlsx"
                onChange={(e) => setFiles([...(e.target.files ?? [])])}
              />
            </label>
          )}
          <label className="admin-field">
            <span>What a file holds</span>
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="">From its name or columns</option>
              {NODE_LABELS.map((l) => (
                <option key={l} value={l}>
                  Nodes: {l}
                </option>
              ))}
              {RELATIONSHIP_TYPES.map((t) => (
                <option key={t} value={t}>
                  Relationships: {t}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        {job && <ImportProgressView job={job} cancelling={cancelling} onCancel={cancel} />}
        {error && (
          <p role="alert" className="message error">
            {error}
          </p>
        )}
        {notice && (
          <p role="status" className="message info" data-testid="import-notice">
            {notice}
          </p>
        )}
        {result && <Report result={result} />}
        {awaiting && result?.errors_total === 0 && (
          <div className="message info" role="alertdialog" data-testid="import-confirm">
            <p>
              This connection asks before each write.{' '}
              {`Confirm to write ${count(result.rows)} ${result.rows === 1 ? 'row' : 'rows'}: the check above shows what changes.`}
            </p>
            <div className="modal-actions">
              <button type="button" className="primary" onClick={() => void run(false, true)}>
                Confirm import
              </button>
              <button type="button" onClick={() => setAwaiting(false)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={() => void run(true)} disabled={!ready || busy}>
            Check (dry run)
          </button>
          <button type="submit" disabled={!ready || busy}>
            {busy ? 'Working…' : 'Import'}
          </button>
          <button type="button" onClick={close} disabled={busy}>
            Close
          </button>
        </div>
      </form>
    </Modal>
  );
}
