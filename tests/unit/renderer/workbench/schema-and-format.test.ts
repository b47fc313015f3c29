import { describe, expect, it } from 'vitest';
import { isRunShortcut } from '../../../../src/renderer/src/features/workbench/CypherInput';
import { formatCell } from '../../../../src/renderer/src/features/workbench/format-value';
import { schemaFromRows } from '../../../../src/renderer/src/features/workbench/schema';

describe('live schema for completion', () => {
  it('sorts labels, types and property keys, labels and types with their colon', () => {
    const schema = schemaFromRows([
      { kind: 'label', name: 'PRODUCT' },
      { kind: 'label', name: 'COMPANY' },
      { kind: 'type', name: 'OWNS' },
      { kind: 'property', name: 'region' },
      { kind: 'property', name: 42 },
    ]);
    expect(schema).toEqual({
      labels: [':COMPANY', ':PRODUCT'],
      relationshipTypes: [':OWNS'],
      propertyKeys: ['region'],
    });
  });
});

describe('result cells', () => {
  it('read nodes by label and name, relationships by type, paths by size', () => {
    const node = { key: 'COMPANY:C1', labels: ['COMPANY'], properties: { name: 'Acme', id: 'C1' } };
    expect(formatCell(node)).toBe('(COMPANY) Acme');
    expect(formatCell({ key: 'r', type: 'OWNS', start: 'a', end: 'b', properties: {} })).toBe(
      '[OWNS]',
    );
    expect(formatCell({ nodes: [node, node], relationships: [{}] })).toBe(
      'path: 2 nodes, 1 relationships',
    );
  });

  it('format numbers, empty values and long JSON', () => {
    expect(formatCell(1234567)).toBe('1,234,567');
    expect(formatCell(0.25)).toBe('0.25');
    expect(formatCell(null)).toBe('');
    expect(formatCell([1, 2])).toBe('[1,2]');
    expect(formatCell('x'.repeat(300), 10)).toBe('xxxxxxxxxxxx'.slice(0, 9) + '…');
  });
});

describe('run shortcut', () => {
  it('is Ctrl+Enter or Cmd+Enter only', () => {
    expect(isRunShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isRunShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isRunShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isRunShortcut({ key: 'a', ctrlKey: true, metaKey: false })).toBe(false);
  });
});
