/** Zoom in, zoom out and fit the whole graph: the same commands as their keys. */
import { useCommand } from '../../commands/context';
import type { CommandId } from '@shared/commands';

const BUTTONS: { id: CommandId; text: string; testId?: string }[] = [
  { id: 'zoom-in', text: '+' },
  { id: 'zoom-out', text: '−' },
  { id: 'fit', text: '⤢', testId: 'fit' },
  { id: 'fit-selection', text: '◎', testId: 'fit-selection' },
];

export function ZoomControls(): React.JSX.Element {
  return (
    <div className="zoom-controls" role="toolbar" aria-label="Zoom" data-overlay>
      {BUTTONS.map((b) => (
        <CommandButton key={b.id} {...b} />
      ))}
    </div>
  );
}

function CommandButton({ id, text, testId }: { id: CommandId; text: string; testId?: string }) {
  const command = useCommand(id);
  return (
    <button type="button" title={command.hint} data-testid={testId} onClick={command.run}>
      {text}
    </button>
  );
}
