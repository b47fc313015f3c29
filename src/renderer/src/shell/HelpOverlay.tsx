/** The shortcuts overlay: every command of the table, by group, with its keys in this flavour. */
import { COMMAND_IDS, commandSpec, type CommandGroup } from '@shared/commands';
import { keyLabels, type KeyContext } from '../commands/keymap';

const GROUPS: CommandGroup[] = ['File', 'Data', 'View', 'Network', 'Help'];

export function HelpOverlay({
  keys,
  onClose,
}: {
  keys: KeyContext;
  onClose: () => void;
}): React.JSX.Element {
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      data-testid="help"
      onClick={onClose}
    >
      <div className="dialog help-dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <div className="help-groups">
          {GROUPS.map((group) => (
            <table key={group}>
              <caption>{group}</caption>
              <tbody>
                {COMMAND_IDS.filter((id) => commandSpec(id).group === group).map((id) => (
                  <tr key={id} data-command={id}>
                    <td>{commandSpec(id).title}</td>
                    <td>
                      <span className="keys">
                        {keyLabels(id, keys).map((k) => (
                          <kbd key={k}>{k}</kbd>
                        ))}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </div>
        <p className="muted small">
          {keys.flavour === 'web' &&
            'In the browser, keys the browser keeps for itself (its tabs, reload) are replaced by the ones above. '}
          Double-click a node to expand it; right-click for more.
        </p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
