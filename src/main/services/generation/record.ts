/**
 * Each finished run is recorded as one small `SN_GENERATION` metadata node, so statistics can
 * report the last generation, with its audit entry in the same transaction. It is not one of the
 * network's labels, so graph queries (which match the domain labels) never see it.
 */
import type { Driver } from 'neo4j-driver';
import type { GenerationSummary } from '../../../shared/api';
import { recordAudit, type AuditRecord } from '../audit';

export const GENERATION_LABEL = 'SN_GENERATION';

export async function recordGeneration(
  driver: Driver,
  database: string,
  summary: GenerationSummary,
  audit: AuditRecord,
): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    await session.executeWrite(async (tx) => {
      await tx.run(`CREATE (g:${GENERATION_LABEL}) SET g = $record`, { record: summary });
      await recordAudit(tx, audit);
    });
  } finally {
    await session.close();
  }
}

export async function lastGeneration(
  driver: Driver,
  database: string,
): Promise<GenerationSummary | null> {
  const { records } = await driver.executeQuery(
    `MATCH (g:${GENERATION_LABEL}) RETURN g.generation_id AS generation_id, g.finished_at AS finished_at, ` +
      'g.regions AS regions, g.nodes AS nodes, g.relationships AS relationships, g.seed AS seed ' +
      'ORDER BY g.finished_at DESC LIMIT 1',
    {},
    { database, routing: 'READ' },
  );
  const record = records[0];
  if (!record) return null;
  const seed: unknown = record.get('seed');
  const regions: unknown = record.get('regions');
  return {
    generation_id: String(record.get('generation_id')),
    finished_at: String(record.get('finished_at')),
    regions: Array.isArray(regions) ? regions.map(String) : [],
    nodes: Number(record.get('nodes')),
    relationships: Number(record.get('relationships')),
    seed: seed === null ? null : Number(seed),
  };
}
