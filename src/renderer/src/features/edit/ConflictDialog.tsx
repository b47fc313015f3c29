/**
 * A save met a newer version: the values the element has now beside the ones typed, the rows
 * that differ marked. Take theirs (drop the typed values), overwrite with mine (save again on
 * the current version) or cancel (back to the form, values kept).
 */
import type { JsonValue } from '@shared/api';
import type { ErrorCurrent } from '@shared/errors';
import { Modal } from '../../components/Modal';
import { formatValue, propertyTitle } from '../details/format';
import './edit.css';

export type ConflictDialogProps = {
  title: string;
  /** The properties the form shows, in its order. */
  fields: readonly string[];
  current: ErrorCurrent;
  /** The changed properties the save sent. */
  mine: Record<string, JsonValue>;
  onTheirs: () => void;
  onMine: () => void;
  onCancel: () => void;
};

const shown = (key: string, value: unknown): string =>
  value === undefined ? '—' : formatValue(key, value as JsonValue);

export function ConflictDialog(props: ConflictDialogProps): React.JSX.Element {
  const { title, fields, current, mine, onTheirs, onMine, onCancel } = props;
  const theirs = current.properties;
  return (
    <Modal title={title} open onClose={onCancel} testId="conflict-dialog">
      <p>
        Someone saved this element after you opened it (it is now at version {current.version}).
        Compare the values and choose which to keep.
      </p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th>Property</th>
            <th>Now in the database</th>
            <th>Yours</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((key) => {
            const changed = key in mine;
            const differs = changed && shown(key, mine[key]) !== shown(key, theirs[key]);
            return (
              <tr key={key} data-prop={key} data-differs={differs}>
                <td>{propertyTitle(key)}</td>
                <td data-side="theirs">{shown(key, theirs[key])}</td>
                <td data-side="mine">
                  {changed ? shown(key, mine[key]) : shown(key, theirs[key])}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" onClick={onTheirs}>
          Take theirs
        </button>
        <button type="button" className="primary" onClick={onMine}>
          Overwrite with mine
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}
