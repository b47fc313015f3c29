/**
 * Save the current view to a file and open one back. The view itself comes from and goes to
 * the explorer through the two callbacks; this component only deals with files and messages.
 */
import { useImperativeHandle, useRef, useState } from 'react';
import type { ChangeEvent, Ref } from 'react';
import { useClient } from '../../client/context';
import type { ViewState } from '../../state/view-state';
import { saveFile, timestampedName } from '../export/save';
import { createViewFile, parseViewFile, serializeViewFile, viewFileName } from './view-file';

export type ViewsMenuActions = { save: () => Promise<void>; open: () => void };

export type ViewsMenuProps = {
  getView: () => ViewState;
  applyView: (view: ViewState) => Promise<void>;
  /** Lets a parent run the menu's actions (native menu commands). */
  actions?: Ref<ViewsMenuActions>;
};

type Status = { kind: 'info' | 'error'; text: string } | null;

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

export function ViewsMenu({ getView, applyView, actions }: ViewsMenuProps): React.JSX.Element {
  const desktop = useClient().desktop;
  const nativeSave = desktop?.saveFile;
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);
  // On the desktop the open dialog is main's: a native menu command cannot open the page's own.
  const choose = (): void => {
    if (!desktop) return input.current?.click();
    desktop.openFile({ filters: [{ name: 'Saved views', extensions: ['json'] }] }).then(
      (file) => file.opened && void openText(file.name ?? 'view', file.text ?? ''),
      (error: unknown) =>
        setStatus({ kind: 'error', text: `The view could not be opened: ${errorText(error)}` }),
    );
  };
  useImperativeHandle(actions, () => ({ save, open: choose }));

  async function save(): Promise<void> {
    try {
      const name = timestampedName('smart-network-view');
      const file = createViewFile(getView(), name);
      const result = await saveFile(
        { name: viewFileName(name), mime: 'application/json', data: serializeViewFile(file) },
        nativeSave,
      );
      if (result.saved) setStatus({ kind: 'info', text: 'View saved.' });
    } catch (error) {
      setStatus({ kind: 'error', text: `The view could not be saved: ${errorText(error)}` });
    }
  }

  async function open(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await openText(file.name, await file.text());
  }

  async function openText(fileName: string, text: string): Promise<void> {
    const parsed = parseViewFile(text);
    if (parsed instanceof Error) {
      setStatus({ kind: 'error', text: `${fileName}: ${parsed.message}` });
      return;
    }
    setStatus({ kind: 'info', text: `Opening ${parsed.name || fileName}…` });
    try {
      await applyView(parsed.view);
      setStatus({ kind: 'info', text: `Opened ${parsed.name || fileName}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `The view could not be opened: ${errorText(error)}` });
    }
  }

  return (
    <div className="views-menu" role="group" aria-label="Saved views">
      <button type="button" onClick={() => void save()}>
        Save view…
      </button>
      <button type="button" onClick={choose}>
        Open view…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="open-view-input"
        onChange={(e) => void open(e)}
      />
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={`message ${status.kind}`}>
          {status.text}
        </p>
      )}
    </div>
  );
}
