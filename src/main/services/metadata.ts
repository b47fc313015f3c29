/**
 * Labels of the app's own records, which are not part of the network: generation runs and the
 * audit log. Counts, schema panels and "is it empty" checks leave them out; the graph reads match
 * domain labels only and never see them.
 */
import { AUDIT_LABEL } from '../../shared/audit';
import { GENERATION_LABEL } from './generation/record';

export const METADATA_LABELS = [GENERATION_LABEL, AUDIT_LABEL] as const;

/** A predicate true for nodes that are not metadata, e.g. `NOT n:SN_GENERATION AND NOT n:…`. */
export const notMetadata = (variable: string): string =>
  METADATA_LABELS.map((label) => `NOT ${variable}:${label}`).join(' AND ');
