/** Selecting several nodes: Shift/Ctrl+click adds or removes, a plain click or Esc starts over. */
import { describe, expect, it } from 'vitest';
import { createExplorer } from '../../../src/renderer/src/state/explorer';
import { selectedNodeKeys } from '../../../src/renderer/src/state/explorer-state';
import { parseNodeKey } from '../../../src/renderer/src/state/node-key';
import type { Client } from '../../../src/shared/contract';
import { OPERATION_NAMES } from '../../../src/shared/contract';

const offline = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, () => Promise.reject(new Error(`${name} called`))]),
) as unknown as Client;

const A = 'CONSULTANT:NAI-C-0001';
const B = 'COMPANY:NAI-CO-0001';
const C = 'PRODUCT:NAI-P-0001';

function explorerWithNodes() {
  const explorer = createExplorer(offline);
  for (const key of [A, B, C]) {
    const nodeType = parseNodeKey(key)?.label ?? 'COMPANY';
    explorer.graph.addNode(key, {
      x: 0,
      y: 0,
      label: key,
      size: 4,
      color: '#000',
      nodeType,
      type: 'circle',
    });
  }
  return explorer;
}

describe('multi-selection', () => {
  it('adds with toggleSelected, in the order picked; the last one picked shows its details', () => {
    const explorer = explorerWithNodes();
    explorer.select({ kind: 'node', key: A });
    expect(explorer.selectedPair()).toBeNull();
    explorer.toggleSelected(B);
    expect(selectedNodeKeys(explorer.store.get())).toEqual([A, B]);
    expect(explorer.store.get().selection).toEqual({ kind: 'node', key: B });
    expect(explorer.selectedPair()).toEqual([A, B]);
    explorer.toggleSelected(C);
    expect(explorer.drawnSelection()).toEqual([A, B, C]);
    expect(explorer.selectedPair()).toBeNull();
  });

  it('takes a node out when picked again, and the one before shows', () => {
    const explorer = explorerWithNodes();
    explorer.toggleSelected(A);
    explorer.toggleSelected(B);
    explorer.toggleSelected(B);
    expect(explorer.drawnSelection()).toEqual([A]);
    expect(explorer.store.get().selection).toEqual({ kind: 'node', key: A });
    explorer.toggleSelected(A);
    expect(explorer.drawnSelection()).toEqual([]);
    expect(explorer.store.get().selection).toBeNull();
  });

  it('starts over on a plain click, a relationship or clearing', () => {
    const explorer = explorerWithNodes();
    explorer.toggleSelected(A);
    explorer.toggleSelected(B);
    explorer.select({ kind: 'node', key: C });
    expect(explorer.drawnSelection()).toEqual([C]);
    explorer.toggleSelected(A);
    explorer.select({ kind: 'edge', key: 'e1' });
    expect(explorer.drawnSelection()).toEqual([]);
    explorer.toggleSelected(A);
    explorer.toggleSelected(B);
    explorer.select(null);
    expect(explorer.drawnSelection()).toEqual([]);
    expect(explorer.selectedPair()).toBeNull();
  });

  it('counts only drawn nodes; the paths dialog opens between the pair, to be found at once', () => {
    const explorer = explorerWithNodes();
    explorer.toggleSelected(A);
    explorer.toggleSelected(B);
    explorer.toggleSelected(C);
    explorer.graph.dropNode(C);
    expect(explorer.selectedPair()).toEqual([A, B]);
    explorer.pathsBetweenSelected();
    expect(explorer.store.get().pathsDialog).toEqual({ from: A, to: B, find: true });
  });
});
