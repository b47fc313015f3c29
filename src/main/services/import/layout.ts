/**
 * What a file holds, read from its header and name: the exporters' graph tables (nodes with a
 * `node_type` column, edges with `rel_type`, `source` and `target`), the coverage table, or a
 * file of one label or one relationship type. Each column is mapped to a property (or left out).
 */
import { basename, extname } from 'node:path';
import {
  NODE_LABELS,
  NodeLabel,
  RELATIONSHIP_TYPES,
  RelationshipType,
} from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import {
  COVERAGE_COLUMNS,
  GRAPH_EXPORT_ATTRIBUTES,
  GRAPH_EXPORT_PROPERTY_PREFIX,
} from '../../../shared/export-columns';
import type { ColumnMapping, ImportLayout } from '../../../shared/import';

export type Layout =
  | { layout: 'nodes'; label: NodeLabel }
  | { layout: 'relationships'; type: RelationshipType }
  | { layout: 'graph-nodes' | 'graph-edges' | 'coverage' };

/** Columns that name a node, a relationship's ends or its kind rather than a property. */
const ROLE_COLUMNS = ['node_type', 'rel_type', 'source', 'target'] as const;

export type FileLayout = Layout & {
  /** Per column: the property (or role column) it fills, or null when it is left out. */
  properties: (string | null)[];
};

const stem = (name: string): string => basename(name, extname(name)).toUpperCase();

function detect(
  header: readonly string[],
  name: string,
  label?: NodeLabel,
  type?: RelationshipType,
): Layout {
  if (label) return { layout: 'nodes', label };
  if (type) return { layout: 'relationships', type };
  const has = (c: string): boolean => header.includes(c);
  if (has('node_type') && has('id')) return { layout: 'graph-nodes' };
  if (has('rel_type') && has('source') && has('target')) return { layout: 'graph-edges' };
  if (COVERAGE_COLUMNS.every((c) => has(c.header))) return { layout: 'coverage' };
  const fromName = stem(name);
  if ((NODE_LABELS as readonly string[]).includes(fromName))
    return { layout: 'nodes', label: NodeLabel.parse(fromName) };
  if ((RELATIONSHIP_TYPES as readonly string[]).includes(fromName))
    return { layout: 'relationships', type: RelationshipType.parse(fromName) };
  throw new AppError(
    'UNPROCESSABLE',
    `${name}: cannot tell what the file holds; name it after a label or relationship type ` +
      `(e.g. COMPANY.csv, OWNS.xlsx) or give the label or type`,
    [{ field: 'label', message: 'needed for this file' }],
  );
}

const EXPORT_ONLY = new Set<string>(GRAPH_EXPORT_ATTRIBUTES);

function defaultProperty(layout: ImportLayout, column: string): string | null {
  if (layout === 'coverage') return COVERAGE_COLUMNS.find((c) => c.header === column)?.key ?? null;
  if ((ROLE_COLUMNS as readonly string[]).includes(column)) return column;
  if (layout === 'graph-nodes' || layout === 'graph-edges') {
    if (EXPORT_ONLY.has(column)) return null;
    if (column.startsWith(GRAPH_EXPORT_PROPERTY_PREFIX))
      return column.slice(GRAPH_EXPORT_PROPERTY_PREFIX.length);
  }
  return column.trim() || null;
}

export function fileLayout(
  header: readonly string[],
  name: string,
  options: { label?: NodeLabel; type?: RelationshipType; mapping?: ColumnMapping },
): FileLayout {
  const cells = header.map((c) => c.trim());
  const layout = detect(cells, name, options.label, options.type);
  for (const column of Object.keys(options.mapping ?? {}))
    if (!cells.includes(column))
      throw new AppError(
        'VALIDATION_ERROR',
        `${name}: the mapping names a column "${column}" the file does not have`,
        [{ field: `mapping.${column}`, message: 'no such column' }],
      );
  const properties = cells.map((column) => {
    const mapped = options.mapping?.[column];
    return mapped === undefined ? defaultProperty(layout.layout, column) : mapped;
  });
  const seen = new Set<string>();
  for (const property of properties) {
    if (property === null) continue;
    if (seen.has(property))
      throw new AppError('UNPROCESSABLE', `${name}: two columns fill the property "${property}"`, [
        { field: 'mapping', message: `"${property}" is filled twice` },
      ]);
    seen.add(property);
  }
  return { ...layout, properties };
}

export const targetOf = (layout: Layout): string | null =>
  layout.layout === 'nodes' ? layout.label : layout.layout === 'relationships' ? layout.type : null;

/** Files of nodes are written before files of relationships, which may refer to them. */
export const layoutOrder = (layout: ImportLayout): number =>
  layout === 'nodes' || layout === 'graph-nodes' ? 0 : layout === 'coverage' ? 2 : 1;
