/** Group the drawn nodes by a property (one group node per value, with its count), or not. */
import { GROUP_PROPERTIES, GROUP_PROPERTY_TITLES } from '../../graph/grouping';
import { useExplorer } from '../../state/context';
import { useStore } from '../../state/store';

export function GroupBySelect(): React.JSX.Element {
  const explorer = useExplorer();
  const by = useStore(explorer.store, (s) => s.grouping.by);
  return (
    <label className="group-by">
      Group by{' '}
      <select
        data-testid="group-by"
        value={by ?? ''}
        onChange={(e) =>
          explorer.setGroupBy(GROUP_PROPERTIES.find((p) => p === e.target.value) ?? null)
        }
      >
        <option value="">nothing</option>
        {GROUP_PROPERTIES.map((p) => (
          <option key={p} value={p}>
            {GROUP_PROPERTY_TITLES[p].toLowerCase()}
          </option>
        ))}
      </select>
    </label>
  );
}
