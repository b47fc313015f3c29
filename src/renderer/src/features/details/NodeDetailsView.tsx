/**
 * The body of a node's details: header, properties (or their edit form), relationship groups
 * with the other ends.
 */
import { useState } from 'react';
import type { NeighboursResponse, NodeDetails } from '@shared/api';
import { NODE_COLORS, NODE_SHAPE_BY_LABEL } from '../../graph/appearance';
import { labelTitle } from '../../graph/filter-fields';
import { expansionOf } from '../../graph/exploration';
import { useStore } from '../../state/store';
import { useExplorer } from '../../state/context';
import { NodeShapeIcon } from '../legend/NodeShapeIcon';
import { BulkEditDialog } from '../edit/BulkEditDialog';
import { CreateRelationshipDialog } from '../edit/CreateRelationshipDialog';
import { DeleteNodeDialog } from '../edit/DeleteNodeDialog';
import { NodeEditForm } from '../edit/NodeEditForm';
import { READ_ONLY_REASON, useProtection } from '../edit/protection';
import { PropertyTable } from './PropertyTable';
import { groupRelationships, summarise } from './relationship-summary';

export function NodeDetailsView({
  details,
  neighbours,
}: {
  details: NodeDetails;
  neighbours: NeighboursResponse;
}): React.JSX.Element {
  const explorer = useExplorer();
  const { node } = details;
  // Select the stable exploration value; the paging object is derived per render.
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const paging = expansionOf(exploration, node.key);
  const names = new Map(neighbours.nodes.map((n) => [n.key, n]));
  const groups = groupRelationships(node.key, neighbours.relationships);
  const [editing, setEditing] = useState<'form' | 'delete' | 'relate' | null>(null);
  const [bulkGroup, setBulkGroup] = useState<string | null>(null);
  const bulk = groups.find((g) => g.id === bulkGroup);
  const readOnly = useProtection() === 'read-only';
  return (
    <div data-testid="node-details" data-node-key={node.key}>
      <h3 className="node-title">
        <NodeShapeIcon shape={NODE_SHAPE_BY_LABEL[node.label]} color={NODE_COLORS[node.label]} />
        <span data-testid="details-name">{node.name}</span>
      </h3>
      <p className="muted">
        {labelTitle(node.label)} · {node.id}
        {node.region ? ` · ${node.region}` : ''} · {details.degree} relationships
      </p>
      <div className="button-row">
        {!paging && (
          <button
            type="button"
            data-testid="expand"
            onClick={() => void explorer.expandNode(node.key)}
          >
            Expand neighbours
          </button>
        )}
        {paging?.hasMore && (
          <button type="button" onClick={() => void explorer.expandNode(node.key, true)}>
            +{paging.total - paging.loaded} more
          </button>
        )}
        {paging && (
          <button type="button" onClick={() => explorer.collapseNode(node.key)}>
            Collapse
          </button>
        )}
      </div>
      <div className="button-row edit-actions">
        <button
          type="button"
          data-testid="edit-node"
          disabled={readOnly || editing === 'form'}
          title={readOnly ? READ_ONLY_REASON : 'Edit the properties of this node'}
          onClick={() => setEditing('form')}
        >
          Edit
        </button>
        <button
          type="button"
          data-testid="delete-node"
          disabled={readOnly}
          title={readOnly ? READ_ONLY_REASON : 'Delete this node and its relationships'}
          onClick={() => setEditing('delete')}
        >
          Delete…
        </button>
        <button
          type="button"
          data-testid="relate-node"
          disabled={readOnly}
          title={readOnly ? READ_ONLY_REASON : 'Create a relationship from this node'}
          onClick={() => setEditing('relate')}
        >
          New relationship…
        </button>
      </div>
      {readOnly && (
        <p className="muted small" data-testid="edit-disabled">
          {READ_ONLY_REASON}
        </p>
      )}
      {editing === 'form' ? (
        <NodeEditForm details={details} onClose={() => setEditing(null)} />
      ) : (
        <PropertyTable properties={node.properties} />
      )}
      {editing === 'relate' && (
        <CreateRelationshipDialog node={node} onClose={() => setEditing(null)} />
      )}
      {editing === 'delete' && (
        <DeleteNodeDialog details={details} onClose={() => setEditing(null)} />
      )}
      {groups.map((g) => (
        <section key={g.id} className="rel-group" data-group={g.id}>
          <h4>
            {g.title} ({g.rows.length})
            {g.rows.length > 1 && (
              <button
                type="button"
                className="link small"
                data-testid="bulk-edit"
                disabled={readOnly}
                title={
                  readOnly ? READ_ONLY_REASON : `Set a property on several of these relationships`
                }
                onClick={() => setBulkGroup(g.id)}
              >
                Edit several…
              </button>
            )}
          </h4>
          <ul>
            {g.rows.map(({ rel, other }) => {
              const n = names.get(other);
              return (
                <li key={rel.key}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => n && void explorer.showNode(n)}
                  >
                    {n?.name ?? other}
                  </button>{' '}
                  {explorer.graph.hasEdge(rel.key) ? (
                    <button
                      type="button"
                      className="link muted"
                      data-testid="open-relationship"
                      title="This relationship's details"
                      onClick={() => explorer.select({ kind: 'edge', key: rel.key })}
                    >
                      {summarise(rel)}
                    </button>
                  ) : (
                    <span className="muted">{summarise(rel)}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {bulk && bulk.rows[0] && (
        <BulkEditDialog
          type={bulk.rows[0].rel.type}
          title={bulk.title}
          rows={bulk.rows.map(({ rel, other }) => ({
            rel,
            name: names.get(other)?.name ?? other,
            detail: summarise(rel),
          }))}
          onClose={() => setBulkGroup(null)}
        />
      )}
      {neighbours.has_more && (
        <p className="muted">
          Showing {neighbours.relationships.length} of {neighbours.total}.
        </p>
      )}
    </div>
  );
}
