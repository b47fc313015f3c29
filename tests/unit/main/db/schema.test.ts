import { describe, expect, it } from 'vitest';
import { NODE_LABELS } from '../../../../src/shared/domain';
import { schemaItems } from '../../../../src/main/db/schema';

describe('schemaItems', () => {
  it('has a uniqueness constraint on id for every label, and one for audit entries', () => {
    const constraints = schemaItems().filter((item) => item.kind === 'constraint');
    expect(constraints.map((c) => c.cypher)).toEqual([
      ...NODE_LABELS.map(
        (label) => expect.stringContaining(`FOR (n:${label}) REQUIRE n.id IS UNIQUE`) as unknown,
      ),
      expect.stringContaining('FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE'),
    ]);
  });

  it('indexes audit entries by time', () => {
    expect(schemaItems().map((i) => i.cypher)).toContain(
      'CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)',
    );
  });

  it('is idempotent by construction and names every item uniquely', () => {
    const items = schemaItems();
    expect(items.every((item) => item.cypher.includes('IF NOT EXISTS'))).toBe(true);
    expect(new Set(items.map((i) => i.name)).size).toBe(items.length);
  });
});
