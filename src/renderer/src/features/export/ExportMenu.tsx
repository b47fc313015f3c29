/**
 * The export menu: each format is produced from the current view when picked and handed to the
 * save helper (native dialog on the desktop, download in the browser).
 */
import { useImperativeHandle, useState } from 'react';
import type { Ref } from 'react';
import { useClient } from '../../client/context';
import { errorMessage } from '../../state/errors';
import type { ExportSource } from './formats';
import { EXPORT_FORMATS } from './formats';
import { saveFile, timestampedName } from './save';

export type ExportMenuProps = {
  /** Read when a format is picked, so the export is of the view as it is then. */
  /** The view to export; `complete`: with every property (the graph and table formats). */
  getSource: (complete: boolean) => Promise<ExportSource>;
  stem?: string;
  /** Lets a parent export a format (native menu commands). */
  actions?: Ref<ExportMenuActions>;
};

export type ExportMenuActions = { run: (formatId: string) => Promise<void> };

export function ExportMenu({
  getSource,
  stem = 'smart-network',
  actions,
}: ExportMenuProps): React.JSX.Element {
  const nativeSave = useClient().desktop?.saveFile;
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useImperativeHandle(actions, () => ({ run }));

  async function run(id: string): Promise<void> {
    const format = EXPORT_FORMATS.find((f) => f.id === id);
    if (!format || busy) return;
    setBusy(id);
    setMessage(null);
    try {
      const source = await getSource(format.group !== 'Image');
      if (source.data.nodes.length === 0 && format.group !== 'Image') {
        throw new Error('The view is empty: load or filter a network first.');
      }
      const files = await format.produce(source, timestampedName(stem));
      const saved: string[] = [];
      for (const file of files) if ((await saveFile(file, nativeSave)).saved) saved.push(file.name);
      setMessage({
        kind: 'info',
        text: saved.length ? `Exported ${saved.join(', ')}.` : 'Export cancelled.',
      });
    } catch (error) {
      setMessage({ kind: 'error', text: `Export failed: ${errorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-menu" role="group" aria-label="Export">
      {(['Image', 'Graph', 'Coverage table'] as const).map((group) => (
        <div key={group} className="export-group">
          <span className="muted">{group}</span>
          {EXPORT_FORMATS.filter((f) => f.group === group).map((f) => (
            <button
              key={f.id}
              type="button"
              data-export={f.id}
              disabled={busy !== null}
              onClick={() => void run(f.id)}
            >
              {busy === f.id ? 'Exporting…' : f.label}
            </button>
          ))}
        </div>
      ))}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`message ${message.kind}`}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
