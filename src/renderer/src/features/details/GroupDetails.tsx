/** Details of a group node: what it gathers (counts per label, the members) and expanding it. */
import { useCommand } from '../../commands/context';
import { describeCounts } from '../../graph/grouping';
import { useExplorer } from '../../state/context';
import { useDrawnDataset } from '../../state/drawn';
import { deriveDataset } from '../../graph/exploration';
import { useStore } from '../../state/store';

const LISTED_MEMBERS = 30;

export function GroupDetails({ groupKey }: { groupKey: string }): React.JSX.Element {
  const explorer = useExplorer();
  const group = useDrawnDataset(explorer).groups.get(groupKey);
  const names = useStore(explorer.store, (s) => s.history.present);
  const toggle = useCommand('toggle-group');
  if (!group) return <p className="muted">This group is no longer in the graph.</p>;
  const nodes = deriveDataset(names).nodes;
  return (
    <div data-testid="group-details" data-group-key={group.key}>
      <h3 data-testid="details-name">{group.title}</h3>
      <p className="muted" data-testid="group-counts">
        {group.members.length} nodes: {describeCounts(group.counts)}
      </p>
      <div className="button-row">
        <button type="button" data-testid="expand-group" title={toggle.hint} onClick={toggle.run}>
          Expand group
        </button>
      </div>
      <ul className="members">
        {group.members.slice(0, LISTED_MEMBERS).map((key) => (
          <li key={key}>{nodes.get(key)?.name ?? key}</li>
        ))}
      </ul>
      {group.members.length > LISTED_MEMBERS && (
        <p className="muted">and {group.members.length - LISTED_MEMBERS} more.</p>
      )}
    </div>
  );
}
