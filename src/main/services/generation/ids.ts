/**
 * Human-readable ids, unique per label: `NAI-C-0001`, `NAI-FC-0001`, `NAI-CO-0001`,
 * `NAI-P-0001`, `NAI-IP-0001`. A run numbers on from the highest id already present, so an
 * appended run (or a replacing run, written before the old data goes) never collides.
 */
import type { NodeLabel } from '../../../shared/domain';

const ID_CODES: Record<NodeLabel, string> = {
  CONSULTANT: 'C',
  FIELD_CONSULTANT: 'FC',
  COMPANY: 'CO',
  PRODUCT: 'P',
  INCUMBENT_PRODUCT: 'IP',
};

export const idPrefix = (region: string, label: NodeLabel): string =>
  `${region}-${ID_CODES[label]}-`;

/** `offset` is the highest number already used; `index` counts from 0. */
export const formatId = (prefix: string, offset: number, index: number): string =>
  `${prefix}${String(offset + index + 1).padStart(4, '0')}`;

/** Per label, the highest number already used in a region. */
export type IdOffsets = Record<NodeLabel, number>;

export const NO_OFFSETS: IdOffsets = {
  CONSULTANT: 0,
  FIELD_CONSULTANT: 0,
  COMPANY: 0,
  PRODUCT: 0,
  INCUMBENT_PRODUCT: 0,
};
