/**
 * Edits from the UI: each goes to the server (which checks versions, protection and audits it)
 * and what it changed is then shown: the drawn graph takes the new element or lets the deleted
 * one go, and the details panel reads its node again. The last edit is remembered so that its
 * undo can show what came back; the server's undo status says whether there is one.
 */
import type { EditResult, UndoStatus } from '@shared/edit';
import type { GraphNode, GraphRelationship, JsonValue, NodeRef } from '@shared/api';
import { LINKS_AMONG_MAX } from '@shared/api';
import type { Client } from '@shared/contract';
import type { NodeLabel, RelationshipType } from '@shared/domain';
import type { Explorer } from './explorer';
import { errorMessage } from './errors';
import { createStore } from './store';

/** What the last edit touched, so that its undo can show the element as it is again. */
type Touched =
  | { kind: 'node-created'; key: string }
  | { kind: 'node-updated'; ref: NodeRef }
  | { kind: 'node-deleted'; ref: NodeRef }
  | { kind: 'relationship-created'; key: string }
  | { kind: 'relationships-updated'; keys: string[] };

export type EditingState = {
  undo: UndoStatus;
  /** What the latest edit did, or why an undo failed (the status bar shows it). */
  notice: { text: string; error: boolean } | null;
  /** Bumped after each edit: views of the data read it again. */
  revision: number;
};

export type Editing = ReturnType<typeof createEditing>;

const nodeKey = (ref: NodeRef): string => `${ref.label}:${ref.id}`;

/** `confirm`: the user went through a confirmation step (what the `confirm` level asks for). */
type Write = { confirm?: boolean };

export function createEditing(client: Client, explorer: Explorer) {
  const store = createStore<EditingState>({
    undo: { available: false, summary: null },
    notice: null,
    revision: 0,
  });
  let touched: Touched | null = null;

  const done = (result: EditResult, next: Touched | null): EditResult => {
    touched = next;
    store.set((s) => ({
      ...s,
      undo: result.undo_available
        ? { available: true, summary: result.summary }
        : { available: false, summary: null },
      notice: { text: result.summary, error: false },
      revision: s.revision + 1,
    }));
    return result;
  };

  const drawnAmong = (): string[] => explorer.graph.nodes().slice(0, LINKS_AMONG_MAX);

  /** A node back in the view with its relationships to the nodes drawn. */
  async function bringBack(ref: NodeRef): Promise<void> {
    const links = await client.getNodeLinks({ node: ref, among: drawnAmong() });
    explorer.addToView(links.node.key, links);
  }

  const showNode = (node: GraphNode): void => explorer.changeData({ kind: 'node-updated', node });
  const showRelationship = (relationship: GraphRelationship): void =>
    explorer.changeData({ kind: 'relationship-updated', relationship });

  /** Shows what an undo brought back or took away, by what the undone edit touched. */
  async function reflectUndo(undone: Touched | null): Promise<void> {
    switch (undone?.kind) {
      case 'node-created':
        explorer.changeData({ kind: 'node-deleted', key: undone.key });
        return;
      case 'relationship-created':
        explorer.changeData({ kind: 'relationship-deleted', key: undone.key });
        return;
      case 'node-updated':
        showNode((await client.getNode(undone.ref)).node);
        return;
      case 'node-deleted':
        await bringBack(undone.ref);
        return;
      case 'relationships-updated':
        for (const key of undone.keys)
          showRelationship((await client.getRelationship({ key })).relationship);
        return;
      default:
        // An edit made before this window opened: the view is read again.
        await explorer.reload();
    }
  }

  async function refreshUndo(): Promise<void> {
    const status = await client.getUndoStatus({});
    store.set((s) => ({ ...s, undo: status }));
  }

  async function undo(write: Write = {}): Promise<EditResult> {
    const result = await client.undoLastEdit(write);
    const undone = touched;
    done(result, null);
    await reflectUndo(undone);
    store.set((s) => ({ ...s, revision: s.revision + 1 }));
    return result;
  }

  return {
    store,
    refreshUndo,
    async updateNode(
      ref: NodeRef,
      version: number,
      properties: Record<string, JsonValue>,
      write: Write = {},
    ): Promise<EditResult> {
      const result = await client.updateNode({ ...ref, version, properties, ...write });
      if (result.node) showNode(result.node);
      return done(result, { kind: 'node-updated', ref });
    },
    previewUpdateNode: (
      ref: NodeRef,
      version: number,
      properties: Record<string, JsonValue>,
    ): Promise<EditResult> => client.updateNode({ ...ref, version, properties, preview: true }),
    /** Reads a node again (after a conflict, to take the values it has now). */
    async reloadNode(ref: NodeRef): Promise<void> {
      showNode((await client.getNode(ref)).node);
      store.set((s) => ({ ...s, revision: s.revision + 1 }));
    },
    previewDeleteNode: (ref: NodeRef, version: number): Promise<EditResult> =>
      client.deleteNode({ ...ref, version, preview: true }),
    async deleteNode(ref: NodeRef, version: number, write: Write = {}): Promise<EditResult> {
      const result = await client.deleteNode({ ...ref, version, ...write });
      explorer.changeData({ kind: 'node-deleted', key: nodeKey(ref) });
      return done(result, { kind: 'node-deleted', ref });
    },
    previewCreateNode: (
      label: NodeLabel,
      properties: Record<string, JsonValue>,
    ): Promise<EditResult> => client.createNode({ label, properties, preview: true }),
    previewCreateRelationship: (
      type: RelationshipType,
      source: NodeRef,
      target: NodeRef,
      properties: Record<string, JsonValue>,
    ): Promise<EditResult> =>
      client.createRelationship({ type, source, target, properties, preview: true }),
    async createNode(
      label: NodeLabel,
      properties: Record<string, JsonValue>,
      write: Write = {},
    ): Promise<EditResult> {
      const result = await client.createNode({ label, properties, ...write });
      if (result.node) await explorer.showNode(result.node);
      return done(result, result.node ? { kind: 'node-created', key: result.node.key } : null);
    },
    async createRelationship(
      type: RelationshipType,
      source: GraphNode,
      target: GraphNode,
      properties: Record<string, JsonValue>,
      write: Write = {},
    ): Promise<EditResult> {
      const result = await client.createRelationship({
        type,
        source: { label: source.label, id: source.id },
        target: { label: target.label, id: target.id },
        properties,
        ...write,
      });
      const rel = result.relationship;
      if (rel) explorer.addToView(source.key, { nodes: [source, target], relationships: [rel] });
      return done(result, rel ? { kind: 'relationship-created', key: rel.key } : null);
    },
    async bulkUpdate(
      type: RelationshipType,
      items: { key: string; version: number }[],
      properties: Record<string, JsonValue>,
      write: Write = {},
    ): Promise<EditResult> {
      const result = await client.bulkUpdateRelationships({ type, items, properties, ...write });
      const keys = items.map((i) => i.key);
      for (const key of keys)
        showRelationship((await client.getRelationship({ key })).relationship);
      return done(result, { kind: 'relationships-updated', keys });
    },
    previewDeleteRelationship: (
      relationship: GraphRelationship,
      version: number,
    ): Promise<EditResult> =>
      client.deleteRelationship({
        key: relationship.key,
        type: relationship.type,
        version,
        preview: true,
      }),
    async deleteRelationship(
      relationship: GraphRelationship,
      version: number,
      write: Write = {},
    ): Promise<EditResult> {
      const result = await client.deleteRelationship({
        key: relationship.key,
        type: relationship.type,
        version,
        ...write,
      });
      explorer.changeData({ kind: 'relationship-deleted', key: relationship.key });
      // Its undo makes the relationship anew: the view is read again then.
      return done(result, null);
    },
    previewUndo: (): Promise<EditResult> => client.undoLastEdit({ preview: true }),
    undo,
    /** Undoes the last edit, saying in the notice what came back or why it could not. */
    async undoWithNotice(write: Write = {}): Promise<void> {
      try {
        await undo(write);
      } catch (error) {
        store.set((s) => ({ ...s, notice: { text: errorMessage(error), error: true } }));
        await refreshUndo().catch(() => undefined);
      }
    },
  };
}
