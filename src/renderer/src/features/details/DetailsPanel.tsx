/**
 * Details of the selected node (every property, degree, and its relationships grouped: ratings
 * on products, the parent consultant of a field consultant, mandates and coverage) or of the
 * selected relationship. Both are read from the database when selected: the view may have
 * brought only the properties drawing needs.
 */
import { useCallback, useMemo, useState } from 'react';
import { useClient } from '../../client/context';
import { useCommand } from '../../commands/context';
import { labelTitle } from '../../graph/filter-fields';
import { isGroupKey } from '../../graph/grouping';
import { useAsync } from '../../hooks/useAsync';
import { parseNodeKey } from '../../state/node-key';
import { useStore } from '../../state/store';
import { useEditing, useExplorer } from '../../state/context';
import { useDrawnDataset } from '../../state/drawn';
import { BulkEditDialog } from '../edit/BulkEditDialog';
import { DeleteRelationshipDialog } from '../edit/DeleteRelationshipDialog';
import { READ_ONLY_REASON, useProtection } from '../edit/protection';
import { GroupDetails } from './GroupDetails';
import { NodeDetailsView } from './NodeDetailsView';
import { PropertyTable } from './PropertyTable';

export function DetailsPanel(): React.JSX.Element {
  const explorer = useExplorer();
  const selection = useStore(explorer.store, (s) => s.selection);
  const newNode = useCommand('create-node');
  const readOnly = useProtection() === 'read-only';
  return (
    <section
      className="panel details"
      data-panel="details"
      data-testid="details"
      aria-label="Details"
    >
      <div className="details-head">
        <h2>Details</h2>
        <button
          type="button"
          data-testid="create-node"
          disabled={readOnly}
          title={readOnly ? READ_ONLY_REASON : newNode.hint}
          onClick={newNode.run}
        >
          New node…
        </button>
      </div>
      {!selection && <p className="muted">Select a node or a relationship to see its details.</p>}
      {selection?.kind === 'node' &&
        (isGroupKey(selection.key) ? (
          <GroupDetails groupKey={selection.key} />
        ) : (
          <NodeDetails key={selection.key} nodeKey={selection.key} />
        ))}
      {selection?.kind === 'edge' && <EdgeDetails edgeKey={selection.key} />}
    </section>
  );
}

function NodeDetails({ nodeKey }: { nodeKey: string }): React.JSX.Element {
  const client = useClient();
  // Read again after each edit: the node's values and version, its relationships.
  const revision = useStore(useEditing().store, (s) => s.revision);
  const ref = useMemo(() => parseNodeKey(nodeKey), [nodeKey]);
  const run = useCallback(
    () =>
      ref && revision >= 0
        ? Promise.all([client.getNode(ref), client.getNeighbours({ ...ref, limit: 100 })])
        : Promise.reject(new Error(`Not a node: ${nodeKey}`)),
    [client, ref, nodeKey, revision],
  );
  const state = useAsync(run);
  if (state.status === 'error')
    return (
      <p role="alert" className="error-text">
        {state.error}{' '}
        <button type="button" onClick={state.retry}>
          Retry
        </button>
      </p>
    );
  if (state.status !== 'ready') return <p className="muted">Loading…</p>;
  const [details, neighbours] = state.data;
  return <NodeDetailsView details={details} neighbours={neighbours} />;
}

function EdgeDetails({ edgeKey }: { edgeKey: string }): React.JSX.Element {
  const explorer = useExplorer();
  const client = useClient();
  // The drawn dataset: a relationship of a group stands for several, and its ends are groups.
  const dataset = useDrawnDataset(explorer);
  const rel = dataset.edges.get(edgeKey);
  const grouped = !rel || isGroupKey(rel.source) || isGroupKey(rel.target);
  // Read again after each edit: every property (the drawn one may carry only some), the version.
  const revision = useStore(useEditing().store, (s) => s.revision);
  const run = useCallback(
    () => (revision >= 0 ? client.getRelationship({ key: edgeKey }) : Promise.reject(new Error())),
    [client, edgeKey, revision],
  );
  const stored = useAsync(grouped ? null : run);
  const [editing, setEditing] = useState<'edit' | 'delete' | null>(null);
  const readOnly = useProtection() === 'read-only';
  if (!rel) return <p className="muted">This relationship is no longer in the graph.</p>;
  const end = (key: string, role: 'source' | 'target'): React.JSX.Element => {
    const node = dataset.nodes.get(key);
    return (
      <div className="prop" data-end={role}>
        <dt>{role === 'source' ? 'From' : 'To'}</dt>
        <dd>
          <button
            type="button"
            className="link"
            onClick={() => explorer.select({ kind: 'node', key })}
          >
            {node?.name ?? key}
          </button>{' '}
          <span className="muted">{node ? labelTitle(node.label) : ''}</span>
        </dd>
      </div>
    );
  };
  const properties =
    stored.status === 'ready' ? stored.data.relationship.properties : rel.properties;
  const name = (key: string): string => dataset.nodes.get(key)?.name ?? key;
  const ends = `${name(rel.source)} → ${name(rel.target)}`;
  return (
    <div data-testid="edge-details" data-edge-key={rel.key}>
      <h3 data-testid="edge-type">{rel.type}</h3>
      <dl className="props">
        {end(rel.source, 'source')}
        {end(rel.target, 'target')}
      </dl>
      {stored.status === 'loading' ? (
        <p className="muted">Loading…</p>
      ) : Object.keys(properties).length === 0 ? (
        <p className="muted">No properties.</p>
      ) : (
        <PropertyTable properties={properties} />
      )}
      {stored.status === 'ready' && (
        <div className="button-row edit-actions">
          <button
            type="button"
            data-testid="edit-relationship"
            disabled={readOnly}
            title={readOnly ? READ_ONLY_REASON : 'Set a property of this relationship'}
            onClick={() => setEditing('edit')}
          >
            Edit…
          </button>
          <button
            type="button"
            data-testid="delete-relationship"
            disabled={readOnly}
            title={readOnly ? READ_ONLY_REASON : 'Delete this relationship (its ends stay)'}
            onClick={() => setEditing('delete')}
          >
            Delete…
          </button>
        </div>
      )}
      {stored.status === 'ready' && editing === 'edit' && (
        <BulkEditDialog
          type={rel.type}
          title={`${rel.type} ${ends}`}
          rows={[{ rel: stored.data.relationship, name: ends, detail: '' }]}
          onClose={() => setEditing(null)}
        />
      )}
      {stored.status === 'ready' && editing === 'delete' && (
        <DeleteRelationshipDialog
          relationship={stored.data.relationship}
          version={stored.data.version}
          ends={ends}
          onClose={() => setEditing(null)}
        />
      )}
      {stored.status === 'error' && (
        <p role="alert" className="error-text">
          {stored.error}{' '}
          <button type="button" onClick={stored.retry}>
            Retry
          </button>
        </p>
      )}
    </div>
  );
}
