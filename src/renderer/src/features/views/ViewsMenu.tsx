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
  const nativeSave = useClient().desktop?.saveFile;
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);
  useImperativeHandle(actions, () => ({ save, open: () => input.current?.click() }));

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
    if (!file) return;
    const parsed = parseViewFile(await file.text());
    if (parsed instanceof Error) {
      setStatus({ kind: 'error', text: `${file.name}: ${parsed.message}` });
      return;
    }
    setStatus({ kind: 'info', text: `Opening ${parsed.name || file.name}…` });
    try {
      await applyView(parsed.view);
      setStatus({ kind: 'info', text: `Opened ${parsed.name || file.name}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `The view could not be opened: ${errorText(error)}` });
    }
  }

  return (
    <div className="views-menu" role="group" aria-label="Saved views">
      <button type="button" onClick={() => void save()}>
        Save view…
      </button>
      <button type="button" onClick={() => input.current?.click()}>
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
