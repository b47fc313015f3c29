/** Reads, per region and label, the highest id number already used (see ids.ts). */
import type { Driver } from 'neo4j-driver';
import { NODE_LABELS } from '../../../shared/domain';
import { maxIdCypher } from './cypher';
import { idPrefix, NO_OFFSETS, type IdOffsets } from './ids';

export async function readIdOffsets(
  driver: Driver,
  database: string,
  regions: string[],
): Promise<Record<string, IdOffsets>> {
  const result: Record<string, IdOffsets> = {};
  for (const region of regions) {
    const offsets: IdOffsets = { ...NO_OFFSETS };
    for (const label of NODE_LABELS) {
      const { records } = await driver.executeQuery(
        maxIdCypher(label),
        { prefix: idPrefix(region, label) },
        { database, routing: 'READ' },
      );
      const max: unknown = records[0]?.get('max');
      offsets[label] = max === null || max === undefined ? 0 : Number(max);
    }
    result[region] = offsets;
  }
  return result;
}
