/**
 * Edits of the graph: create, update and delete nodes and relationships, bulk updates of a
 * selection of relationships, and undo of a client's last edit. Each edit is one write
 * transaction: its statements (./statements, the same ones a preview shows), and on success the
 * inverse kept for that client's undo. A stale version, a missing element or an id already taken
 * writes nothing and answers CONFLICT (with the current values) or NOT_FOUND.
 */
import neo4j, {
  isNode,
  isRelationship,
  type ManagedTransaction,
  type Node,
  type QueryResult,
  type Relationship,
} from 'neo4j-driver';
import type { GraphNode, GraphRelationship } from '../../../shared/api';
import { NODE_PROPS, type NodeLabel, type RelationshipType } from '../../../shared/domain';
import {
  VERSION_PROPERTY,
  kindOf,
  kindsOfType,
  relationshipUpdateCheck,
  type BulkUpdateInput,
  type CreateNodeInput,
  type CreateRelationshipInput,
  type DeleteNodeInput,
  type DeleteRelationshipInput,
  type EditAction,
  type EditCounts,
  type EditResult,
  type RelationshipDetails,
  type RelationshipRef,
  type UndoInput,
  type UndoStatus,
  type UpdateNodeInput,
  type UpdateRelationshipInput,
} from '../../../shared/edit';
import { AppError, type ErrorCurrent } from '../../../shared/errors';
import { writtenBookmark } from '../../db/bookmarks';
import { toGraphData, toGraphNode, toJson } from '../../db/mapping';
import { kindsOf, toDatabase } from '../import/fields';
import { numberOf, readTransaction } from '../graph/read';
import type { Handlers, ServiceDeps } from '../types';
import {
  createNodeStatement,
  createRelationshipStatement,
  currentNodeStatement,
  currentRelationshipsStatement,
  deleteNodeStatement,
  deleteRelationshipStatement,
  nodeDegreeStatement,
  parametersSummary,
  restoreRelationshipsStatement,
  setRelationshipsStatement,
  updateNodeStatement,
  type RestoredRelationship,
  type SetItem,
  type Statement,
} from './statements';
import { currentClient } from '../request-context';
import { createUndoStore, type UndoStep } from './undo';

/** Whose last edit an undo reverses: the client kind, its address and its User-Agent. */
const undoClientKey = (): string => {
  const { client, remote, user_agent } = currentClient();
  return [client, remote ?? '', user_agent ?? ''].join('|');
};

/** Writes the audit entry of an edit inside its transaction. */
export type EditAudit = (
  tx: ManagedTransaction,
  entry: { action: EditAction; summary: string; counts: Record<string, number>; cypher: string },
) => Promise<unknown>;

type Tally = EditCounts;
const zero = (): Tally => ({
  nodes_created: 0,
  nodes_deleted: 0,
  relationships_created: 0,
  relationships_deleted: 0,
  properties_set: 0,
});

const versionOf = (element: Node | Relationship): number =>
  numberOf(element.properties[VERSION_PROPERTY]);

const withoutVersion = (properties: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(properties).filter(([key]) => key !== VERSION_PROPERTY));

function currentOf(element: Node | Relationship): ErrorCurrent {
  const properties = toJson(withoutVersion(element.properties));
  return {
    version: versionOf(element),
    properties:
      typeof properties === 'object' && properties !== null && !Array.isArray(properties)
        ? properties
        : {},
  };
}

function graphNode(value: unknown): GraphNode {
  const node = isNode(value) ? toGraphNode(value) : undefined;
  if (!node) throw new AppError('INTERNAL', 'The edit returned no node of the data model.');
  return node;
}

function graphRelationship(a: unknown, r: unknown, b: unknown): GraphRelationship {
  if (!isNode(a) || !isNode(b) || !isRelationship(r))
    throw new AppError('INTERNAL', 'The edit returned no relationship.');
  const edge = toGraphData([a, b], [r]).relationships[0];
  if (!edge)
    throw new AppError('INTERNAL', 'The edit returned a relationship outside the data model.');
  return edge;
}

/** A relationship named by its ends, e.g. `OWNS COMPANY NAI-CO-1 → PRODUCT NAI-P-1`. */
const endsText = (edge: GraphRelationship): string =>
  `${edge.type} ${edge.source.replace(':', ' ')} → ${edge.target.replace(':', ' ')}`;

/** The domain's field kinds of a relationship type (the same for a key every kind has). */
function relationshipKinds(type: RelationshipType) {
  return Object.assign({}, ...kindsOfType(type).map((kind) => kindsOf(kind.props))) as ReturnType<
    typeof kindsOf
  >;
}

/** Relationships a bulk edit's summary names. */
const BULK_NAMED = 3;

const NOT_FOUND_NODE = (label: NodeLabel, id: string, field = 'id') =>
  new AppError('NOT_FOUND', `No ${label} with id ${id}.`, [
    { field, message: `no ${label} has this id` },
  ]);

export function editOperations(
  deps: ServiceDeps,
  options: { audit?: EditAudit; client?: () => string } = {},
) {
  const audit = options.audit;
  const clientKey = options.client ?? undoClientKey;
  const undo = createUndoStore();

  async function write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = deps.driver.session({
      database: deps.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      return await session.executeWrite(work, { timeout: deps.config.QUERY_TIMEOUT_MS });
    } finally {
      await session.close();
    }
  }

  /** Runs a statement of the edit, adding what it changed to the tally. */
  async function run(
    tx: ManagedTransaction,
    statement: Statement,
    tally: Tally,
  ): Promise<QueryResult> {
    const result = await tx.run(statement.cypher, statement.parameters);
    const c = result.summary.counters.updates();
    tally.nodes_created += c.nodesCreated;
    tally.nodes_deleted += c.nodesDeleted;
    tally.relationships_created += c.relationshipsCreated;
    tally.relationships_deleted += c.relationshipsDeleted;
    tally.properties_set += c.propertiesSet;
    return result;
  }

  const summaries = (statements: readonly Statement[]) =>
    statements.map((s) => ({
      cypher: s.cypher,
      parameters_summary: parametersSummary(s.parameters),
    }));

  function result(
    action: EditAction,
    statements: readonly Statement[],
    summary: string,
    rest: Partial<EditResult> & { counts?: Tally; preview?: boolean },
  ): EditResult {
    return {
      action,
      preview: rest.preview ?? false,
      statements: summaries(statements),
      counts: rest.counts ?? zero(),
      summary,
      undo_available: undo.status(clientKey()).available,
      bookmark: rest.preview ? null : writtenBookmark(),
      ...Object.fromEntries(
        Object.entries(rest).filter(([key]) => !['counts', 'preview'].includes(key)),
      ),
    };
  }

  async function recordAudit(
    tx: ManagedTransaction,
    action: EditAction,
    summary: string,
    counts: Tally,
    statements: readonly Statement[],
  ): Promise<void> {
    await audit?.(tx, {
      action,
      summary,
      counts: { ...counts },
      cypher: statements.map((s) => s.cypher).join(';\n'),
    });
  }

  async function nodeConflict(
    tx: ManagedTransaction,
    label: NodeLabel,
    id: string,
    version: number,
  ): Promise<AppError> {
    const found = await tx.run(currentNodeStatement(label, id).cypher, { id });
    const node = found.records[0]?.get('n') as Node | undefined;
    if (!node) return NOT_FOUND_NODE(label, id);
    const current = currentOf(node);
    return new AppError(
      'CONFLICT',
      `${label} ${id} was changed since it was read (it is at version ${current.version}, the edit was made on version ${version}). Reload it and edit again.`,
      [{ field: 'version', message: `the current version is ${current.version}` }],
      current,
    );
  }

  /** Why a set of relationships matched nothing: the first missing, stale or wrong-kind one. */
  async function relationshipsFailure(
    tx: ManagedTransaction,
    type: RelationshipType,
    items: readonly SetItem[],
    toLabels: readonly NodeLabel[] | null,
    field: (index: number, name: 'key' | 'version') => string,
  ): Promise<AppError> {
    const found = await tx.run(currentRelationshipsStatement(items.map((i) => i.key)).cypher, {
      keys: items.map((i) => i.key),
    });
    const byKey = new Map(found.records.map((record) => [record.get('key') as string, record]));
    for (const [index, item] of items.entries()) {
      const record = byKey.get(item.key);
      const r = record?.get('r') as Relationship | undefined;
      if (!record || !r || r.type !== type)
        return new AppError('NOT_FOUND', `No ${type} relationship with key ${item.key}.`, [
          { field: field(index, 'key'), message: `no ${type} has this key` },
        ]);
      const current = currentOf(r);
      if (current.version !== item.version)
        return new AppError(
          'CONFLICT',
          `The ${type} relationship was changed since it was read (it is at version ${current.version}, the edit was made on version ${item.version}). Reload it and edit again.`,
          [
            {
              field: field(index, 'version'),
              message: `the current version is ${current.version}`,
            },
          ],
          current,
        );
      const end = record.get('b') as Node;
      if (toLabels && !end.labels.some((l) => (toLabels as readonly string[]).includes(l))) {
        const key = Object.keys(item.properties)[0] ?? '';
        return new AppError(
          'VALIDATION_ERROR',
          `${key} is not a property of this ${type} (it ends at ${end.labels.join(', ')}).`,
          [
            {
              field: `properties.${key}`,
              message: `not a property of ${type} to ${end.labels.join(', ')}`,
            },
          ],
        );
      }
    }
    return new AppError(
      'CONFLICT',
      `The ${type} relationships changed while they were edited; reload them.`,
    );
  }

  /** Runs a set of relationships (one or a bulk), returning the edges and their before values. */
  async function setRelationships(
    tx: ManagedTransaction,
    statement: Statement,
    type: RelationshipType,
    items: readonly SetItem[],
    toLabels: readonly NodeLabel[] | null,
    tally: Tally,
    field: (index: number, name: 'key' | 'version') => string,
  ) {
    const res = await run(tx, statement, tally);
    if (res.records.length !== items.length)
      throw await relationshipsFailure(tx, type, items, toLabels, field);
    return res.records.map((record) => ({
      edge: graphRelationship(record.get('a'), record.get('r'), record.get('b')),
      version: versionOf(record.get('r') as Relationship),
      before: record.get('before') as Record<string, unknown>,
    }));
  }

  /** Properties before, for the keys an edit set (null: the property was absent). */
  const restoreOf = (before: Record<string, unknown>, keys: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, before[key] ?? null]));

  function nodeUndoSteps(
    label: NodeLabel,
    id: string,
    properties: Record<string, unknown>,
    version: number,
    relationships: unknown,
  ): UndoStep[] {
    const groups = new Map<string, RestoredRelationship>();
    for (const rel of Array.isArray(relationships)
      ? (relationships as Record<string, unknown>[])
      : []) {
      const type = rel.type as RelationshipType;
      const other = (rel.labels as string[]).find((l) => l in NODE_PROPS) as NodeLabel | undefined;
      if (!other || typeof rel.id !== 'string') continue;
      const outgoing = rel.outgoing === true;
      const key = `${type}:${outgoing}:${other}`;
      const group = groups.get(key) ?? { type, outgoing, other, rows: [] };
      group.rows.push({ id: rel.id, properties: rel.properties as Record<string, unknown> });
      groups.set(key, group);
    }
    return [
      {
        statement: createNodeStatement(label, withoutVersion(properties), version + 1),
        required: true,
        conflict: `${label} ${id} exists again, so it cannot be restored.`,
      },
      ...[...groups.values()].map((group) => ({
        statement: restoreRelationshipsStatement(label, id, group),
        required: false,
        conflict: '',
      })),
    ];
  }

  return {
    async createNode(input: CreateNodeInput): Promise<EditResult> {
      const { label } = input;
      const values = NODE_PROPS[label].parse(input.properties);
      const properties = toDatabase(values, kindsOf(NODE_PROPS[label]));
      const { id } = values;
      const statement = createNodeStatement(label, properties);
      const summary = `Created ${label} ${id}`;
      if (input.preview) return result('create', [statement], summary, { preview: true });
      const tally = zero();
      const node = await write(async (tx) => {
        const res = await run(tx, statement, tally);
        const created = res.records[0]?.get('n') as Node | undefined;
        if (!created)
          throw new AppError('CONFLICT', `A ${label} with id ${id} already exists.`, [
            { field: 'properties.id', message: `a ${label} has this id already` },
          ]);
        await recordAudit(tx, 'create', summary, tally, [statement]);
        return created;
      });
      undo.keep(clientKey(), summary, [
        {
          statement: deleteNodeStatement(label, id, 0),
          required: true,
          conflict: `${label} ${id} was changed or deleted since it was created.`,
        },
      ]);
      return result('create', [statement], summary, {
        counts: tally,
        node: graphNode(node),
        version: versionOf(node),
      });
    },

    async updateNode(input: UpdateNodeInput): Promise<EditResult> {
      const { label, id, version } = input;
      const values = NODE_PROPS[label].partial().parse(input.properties);
      const properties = toDatabase(values, kindsOf(NODE_PROPS[label]));
      const keys = Object.keys(properties);
      const statement = updateNodeStatement(label, id, version, properties);
      const summary = `Updated ${label} ${id}: ${keys.join(', ')}`;
      if (input.preview) return result('update', [statement], summary, { preview: true });
      const tally = zero();
      const record = await write(async (tx) => {
        const res = await run(tx, statement, tally);
        const row = res.records[0];
        if (!row) throw await nodeConflict(tx, label, id, version);
        await recordAudit(tx, 'update', summary, tally, [statement]);
        return { node: row.get('n') as Node, before: row.get('before') as Record<string, unknown> };
      });
      undo.keep(clientKey(), summary, [
        {
          statement: updateNodeStatement(label, id, version + 1, restoreOf(record.before, keys)),
          required: true,
          conflict: `${label} ${id} was changed again since this edit.`,
        },
      ]);
      return result('update', [statement], summary, {
        counts: tally,
        node: graphNode(record.node),
        version: versionOf(record.node),
      });
    },

    async deleteNode(input: DeleteNodeInput): Promise<EditResult> {
      const { label, id, version } = input;
      const statement = deleteNodeStatement(label, id, version);
      if (input.preview) {
        const degree = await readTransaction(deps, async (tx) => {
          const s = nodeDegreeStatement(label, id);
          const res = await tx.run(s.cypher, s.parameters);
          return res.records[0]?.get('degree') as unknown;
        });
        if (degree === undefined) throw NOT_FOUND_NODE(label, id);
        const count = numberOf(degree);
        return result(
          'delete',
          [statement],
          `Delete ${label} ${id} and its ${count} relationships`,
          {
            preview: true,
            relationships_affected: count,
          },
        );
      }
      const tally = zero();
      const record = await write(async (tx) => {
        const res = await run(tx, statement, tally);
        const row = res.records[0];
        if (!row) throw await nodeConflict(tx, label, id, version);
        const summary = `Deleted ${label} ${id} and its ${tally.relationships_deleted} relationships`;
        await recordAudit(tx, 'delete', summary, tally, [statement]);
        return {
          summary,
          properties: row.get('properties') as Record<string, unknown>,
          relationships: row.get('relationships') as unknown,
        };
      });
      undo.keep(
        clientKey(),
        record.summary,
        nodeUndoSteps(label, id, record.properties, version, record.relationships),
      );
      return result('delete', [statement], record.summary, { counts: tally });
    },

    async getRelationship(input: RelationshipRef): Promise<RelationshipDetails> {
      const statement = currentRelationshipsStatement([input.key]);
      const record = await readTransaction(deps, async (tx) => {
        const res = await tx.run(statement.cypher, statement.parameters);
        return res.records[0];
      });
      if (!record)
        throw new AppError('NOT_FOUND', `No relationship with key ${input.key}.`, [
          { field: 'key', message: 'no relationship has this key' },
        ]);
      const r = record.get('r') as Relationship;
      return {
        relationship: graphRelationship(record.get('a'), r, record.get('b')),
        version: versionOf(r),
        source: graphNode(record.get('a')),
        target: graphNode(record.get('b')),
      };
    },

    async createRelationship(input: CreateRelationshipInput): Promise<EditResult> {
      const { type, source, target } = input;
      const kind = kindOf(type, source.label, target.label);
      if (!kind)
        throw new AppError(
          'VALIDATION_ERROR',
          `${type} does not join ${source.label} to ${target.label}.`,
          [{ field: 'target.label', message: 'no such kind of relationship' }],
        );
      const properties = toDatabase(kind.props.parse(input.properties), kindsOf(kind.props));
      const statement = createRelationshipStatement(type, source, target, properties);
      const summary = `Created ${type} ${source.label} ${source.id} → ${target.label} ${target.id}`;
      if (input.preview) return result('create', [statement], summary, { preview: true });
      const tally = zero();
      const edge = await write(async (tx) => {
        const res = await run(tx, statement, tally);
        const row = res.records[0];
        if (!row) {
          const check = await tx.run(
            `OPTIONAL MATCH (a:${source.label} {id: $source}) OPTIONAL MATCH (b:${target.label} {id: $target}) RETURN a IS NOT NULL AS a, b IS NOT NULL AS b`,
            { source: source.id, target: target.id },
          );
          const ends = check.records[0];
          if (ends?.get('a') !== true) throw NOT_FOUND_NODE(source.label, source.id, 'source.id');
          if (ends.get('b') !== true) throw NOT_FOUND_NODE(target.label, target.id, 'target.id');
          throw new AppError(
            'CONFLICT',
            `${source.label} ${source.id} already has a ${type} to ${target.label} ${target.id}.`,
            [{ field: 'target.id', message: `already joined by ${type}` }],
          );
        }
        await recordAudit(tx, 'create', summary, tally, [statement]);
        return graphRelationship(row.get('a'), row.get('r'), row.get('b'));
      });
      undo.keep(clientKey(), summary, [
        {
          statement: deleteRelationshipStatement(type, edge.key, 0),
          required: true,
          conflict: `The ${type} was changed or deleted since it was created.`,
        },
      ]);
      return result('create', [statement], summary, {
        counts: tally,
        relationship: edge,
        version: 0,
      });
    },

    async updateRelationship(input: UpdateRelationshipInput): Promise<EditResult> {
      const { type, key, version } = input;
      const { to_labels } = relationshipUpdateCheck(type, input.properties);
      const properties = toDatabase(input.properties, relationshipKinds(type));
      const items = [{ key, version, properties }];
      const statement = setRelationshipsStatement(type, items, to_labels);
      const keys = Object.keys(properties);
      const planned = `Update ${type} ${key}: ${keys.join(', ')}`;
      if (input.preview) return result('update', [statement], planned, { preview: true });
      const tally = zero();
      let summary = planned;
      const [row] = await write(async (tx) => {
        const rows = await setRelationships(
          tx,
          statement,
          type,
          items,
          to_labels,
          tally,
          (_, name) => name,
        );
        if (rows[0]) summary = `Updated ${endsText(rows[0].edge)}: ${keys.join(', ')}`;
        await recordAudit(tx, 'update', summary, tally, [statement]);
        return rows;
      });
      if (!row) throw new AppError('INTERNAL', 'The update returned no relationship.');
      undo.keep(clientKey(), summary, [
        {
          statement: setRelationshipsStatement(
            type,
            [{ key, version: version + 1, properties: restoreOf(row.before, keys) }],
            null,
          ),
          required: true,
          conflict: `The ${type} was changed again since this edit.`,
        },
      ]);
      return result('update', [statement], summary, {
        counts: tally,
        relationship: row.edge,
        version: row.version,
      });
    },

    async deleteRelationship(input: DeleteRelationshipInput): Promise<EditResult> {
      const { type, key, version } = input;
      const statement = deleteRelationshipStatement(type, key, version);
      if (input.preview)
        return result('delete', [statement], `Delete ${type} ${key}`, {
          preview: true,
          relationships_affected: 1,
        });
      const tally = zero();
      const row = await write(async (tx) => {
        const res = await run(tx, statement, tally);
        const found = res.records[0];
        if (!found)
          throw await relationshipsFailure(
            tx,
            type,
            [{ key, version, properties: {} }],
            null,
            (_, name) => name,
          );
        const from = graphNode(found.get('a'));
        const to = graphNode(found.get('b'));
        const text = `Deleted ${type} ${from.label} ${from.id} → ${to.label} ${to.id}`;
        await recordAudit(tx, 'delete', text, tally, [statement]);
        return { from, to, text, properties: found.get('properties') as Record<string, unknown> };
      });
      const { text } = row;
      undo.keep(clientKey(), text, [
        {
          statement: createRelationshipStatement(
            type,
            row.from,
            row.to,
            withoutVersion(row.properties),
            version + 1,
          ),
          required: true,
          conflict: `${row.from.label} ${row.from.id} or ${row.to.label} ${row.to.id} is gone, or they are joined again.`,
        },
      ]);
      return result('delete', [statement], text, { counts: tally });
    },

    async bulkUpdateRelationships(input: BulkUpdateInput): Promise<EditResult> {
      const { type } = input;
      const { to_labels } = relationshipUpdateCheck(type, input.properties);
      const properties = toDatabase(input.properties, relationshipKinds(type));
      const keys = Object.keys(properties);
      const items = input.items.map((item) => ({
        key: item.key,
        version: item.version,
        properties,
      }));
      const statement = setRelationshipsStatement(type, items, to_labels);
      const planned = `Set ${keys.join(', ')} on ${items.length} ${type}`;
      if (input.preview)
        return result('bulk-update', [statement], planned, {
          preview: true,
          relationships_affected: items.length,
        });
      const tally = zero();
      let summary = planned;
      const rows = await write(async (tx) => {
        const set = await setRelationships(
          tx,
          statement,
          type,
          items,
          to_labels,
          tally,
          (i, name) => `items.${i}.${name}`,
        );
        const named = set.slice(0, BULK_NAMED).map((row) => endsText(row.edge));
        const more = set.length > BULK_NAMED ? `, and ${set.length - BULK_NAMED} more` : '';
        summary = `${planned}: ${named.join('; ')}${more}`;
        await recordAudit(tx, 'bulk-update', summary, tally, [statement]);
        return set;
      });
      const restore = rows.map((row) => ({
        key: row.edge.key,
        version: row.version,
        properties: restoreOf(row.before, keys),
      }));
      undo.keep(clientKey(), summary, [
        {
          statement: setRelationshipsStatement(type, restore, null),
          required: true,
          conflict: `Some of the ${type} were changed again since this edit.`,
        },
      ]);
      return result('bulk-update', [statement], summary, {
        counts: tally,
        relationships_affected: rows.length,
      });
    },

    async undoLastEdit(input: UndoInput): Promise<EditResult> {
      const client = clientKey();
      const entry = undo.peek(client);
      if (!entry) throw new AppError('NOT_FOUND', 'There is no edit to undo.');
      const statements = entry.steps.map((step) => step.statement);
      const summary = `Undid: ${entry.summary}`;
      if (input.preview)
        return result('undo', statements, summary, { preview: true, undone: entry.summary });
      const tally = zero();
      await write(async (tx) => {
        for (const step of entry.steps) {
          const res = await run(tx, step.statement, tally);
          if (step.required && res.records.length === 0)
            throw new AppError('CONFLICT', `The edit cannot be undone: ${step.conflict}`);
        }
        await recordAudit(tx, 'undo', summary, tally, statements);
      });
      undo.take(client, entry);
      return result('undo', statements, summary, { counts: tally, undone: entry.summary });
    },

    getUndoStatus(): Promise<UndoStatus> {
      return Promise.resolve(undo.status(clientKey()));
    },
  } satisfies Partial<Handlers>;
}
