/**
 * "Show Cypher": the parameterised statements a write will run, read-only, folded until asked
 * for, with a copy button. The statements are either known already (an import's dry run) or
 * read from the server's preview of the write (generate, clear, a write query), which runs
 * nothing. Parameter values never appear: only their names and sizes (or a plain selection such
 * as the regions).
 */
import './components.css';
import { useEffect, useState } from 'react';
import type { WriteStatement } from '@shared/audit';
import type { Client, OperationInput } from '@shared/contract';
import { errorMessage } from '../state/errors';

/** How long a changing request (a form being typed in) settles before it is previewed. */
const SETTLE_MS = 250;

type Source =
  /** Statements already at hand. */
  | { statements: readonly WriteStatement[] }
  /**
   * The write to preview through the client; null while it cannot be previewed (the form has an
   * error), with `unavailable` saying why.
   */
  | {
      client: Pick<Client, 'previewWrite'>;
      request: OperationInput<'previewWrite'> | null;
      unavailable?: string;
    };

export type CypherPreviewProps = Source & {
  /** Starts unfolded. */
  defaultOpen?: boolean;
  testId?: string;
};

type Loaded =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; statements: readonly WriteStatement[] }
  | { kind: 'error'; message: string };

/** The statements as one script, as they would be pasted into a console. */
const statementsScript = (statements: readonly WriteStatement[]): string =>
  statements.map((s) => `${s.cypher.trim()};`).join('\n\n');

/** Reads the preview while the section is open, again whenever the request changes. */
function usePreview(source: Source, open: boolean): Loaded {
  const remote = 'client' in source ? source : null;
  const key = remote?.request ? JSON.stringify(remote.request) : null;
  // The last answer, with the request it answers: an answer to an older request is not shown.
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded } | null>(null);
  useEffect(() => {
    if (!remote || !open || key === null || !remote.request) return;
    const { client, request } = remote;
    let live = true;
    const timer = setTimeout(() => {
      client.previewWrite(request).then(
        (preview) =>
          live && setAnswer({ key, loaded: { kind: 'ready', statements: preview.statements } }),
        (error: unknown) =>
          live && setAnswer({ key, loaded: { kind: 'error', message: errorMessage(error) } }),
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The request is compared by its content, not its identity (forms rebuild it each render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, key, remote?.client]);
  if ('statements' in source) return { kind: 'ready', statements: source.statements };
  if (key === null || !open) return { kind: 'idle' };
  return answer?.key === key ? answer.loaded : { kind: 'loading' };
}

export function CypherPreview(props: CypherPreviewProps): React.JSX.Element {
  const { defaultOpen = false, testId = 'cypher-preview' } = props;
  const [open, setOpen] = useState(defaultOpen);
  /** The outcome of the last copy, with the script it copied (a changed script clears it). */
  const [copied, setCopied] = useState<{ script: string; message: string } | null>(null);
  const loaded = usePreview(props, open);
  const unavailable = 'client' in props && !props.request ? props.unavailable : undefined;

  const script = loaded.kind === 'ready' ? statementsScript(loaded.statements) : '';
  const copy = (): void => {
    navigator.clipboard.writeText(script).then(
      () => setCopied({ script, message: 'Copied' }),
      (error: unknown) => setCopied({ script, message: `Could not copy: ${errorMessage(error)}` }),
    );
  };

  return (
    <details
      className="cypher-preview"
      data-testid={testId}
      data-state={loaded.kind}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>Show Cypher</summary>
      {unavailable !== undefined && <p className="muted">{unavailable}</p>}
      {loaded.kind === 'loading' && <p className="muted">Reading what this write runs…</p>}
      {loaded.kind === 'error' && (
        <p role="alert" className="message error" data-testid={`${testId}-error`}>
          The Cypher could not be shown: {loaded.message}
        </p>
      )}
      {loaded.kind === 'ready' && (
        <>
          <div className="cypher-preview-bar">
            <span className="muted">
              {loaded.statements.length === 0
                ? 'Nothing to run.'
                : `${loaded.statements.length} ${loaded.statements.length === 1 ? 'statement' : 'statements'}`}
            </span>
            <span className="muted" role="status">
              {copied?.script === script ? copied.message : null}
            </span>
            <button type="button" disabled={loaded.statements.length === 0} onClick={copy}>
              Copy
            </button>
          </div>
          <ol className="cypher-preview-list">
            {loaded.statements.map((s, i) => (
              <li key={i}>
                <pre className="cypher-preview-code" data-testid={`${testId}-statement`}>
                  <code>{s.cypher.trim()}</code>
                </pre>
                <small className="muted">Parameters: {s.parameters_summary}</small>
              </li>
            ))}
          </ol>
        </>
      )}
    </details>
  );
}
