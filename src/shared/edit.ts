/**
 * Editing the graph: the inputs and results of creating, updating and deleting nodes and
 * relationships, bulk updates of a selection and undoing the last edit. Property schemas are the
 * domain's (./domain): a node's by its label, a relationship's by its type and end labels. Each
 * edited element carries a version (`_version` in the database, 0 when absent) that updates and
 * deletes send back as they read it; a stale one is refused with CONFLICT and the current values.
 */
import { z } from 'zod';
import {
  BookmarkToken,
  GraphNode,
  GraphRelationship,
  JsonValue,
  NodeRef,
  confirmFlag,
  nonEmptyList,
} from './api';
import {
  NODE_PROPS,
  NodeLabel,
  RELATIONSHIP_KINDS,
  RelationshipType,
  type RelationshipKind,
} from './domain';

/** The database property holding an element's version; never shown as a regular property. */
export const VERSION_PROPERTY = '_version';

/** Properties no edit sets: the id is the node's identity, the stamp belongs to generation. */
const FIXED_NODE_PROPERTIES = ['id', 'generation_id'] as const;

const VERSION_MAX = 999_999_999;

/** A version, as a number or, in a query string, its digits. */
const Version = z
  .union([
    z.number().int().min(0).max(VERSION_MAX),
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  ])
  .describe('The version the element had when it was read (0 when it had none)');

const preview = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .optional()
  .describe('true: answer with the statements the edit would run, writing nothing');

const PropertyValues = z.record(z.string(), JsonValue);

/** The properties an update sets: at least one. */
const changedValues = (description: string) =>
  PropertyValues.meta({ minProperties: 1, description });

/** The kinds a relationship type has (OWNS and COVERS have two). */
export const kindsOfType = (type: RelationshipType): RelationshipKind[] =>
  RELATIONSHIP_KINDS.filter((kind) => kind.type === type);

export const kindOf = (
  type: RelationshipType,
  from: NodeLabel,
  to: NodeLabel,
): RelationshipKind | undefined =>
  RELATIONSHIP_KINDS.find((kind) => kind.type === type && kind.from === from && kind.to === to);

/** The schema of the properties an update of a node may set (all optional, id excluded). */
const nodeUpdateSchema = (label: NodeLabel): z.ZodObject =>
  (NODE_PROPS[label] as z.ZodObject).omit({ id: true, generation_id: true }).partial().strict();

/** The schema of a new node's properties. */
const nodeCreateSchema = (label: NodeLabel): z.ZodObject =>
  (NODE_PROPS[label] as z.ZodObject).omit({ generation_id: true }).strict();

function addIssues(ctx: z.RefinementCtx, error: z.ZodError, prefix: PropertyKey[]): void {
  for (const issue of error.issues)
    if (issue.code === 'unrecognized_keys')
      for (const key of issue.keys)
        ctx.addIssue({ code: 'custom', path: [...prefix, key], message: 'unknown field' });
    else ctx.addIssue({ code: 'custom', path: [...prefix, ...issue.path], message: issue.message });
}

/**
 * The property keys of a relationship type that an update may set, each checked by the schema of
 * every kind that has it; `to_labels` are the end labels of the kinds that have all given keys.
 */
export function relationshipUpdateCheck(
  type: RelationshipType,
  properties: Record<string, unknown>,
): { issues: { key: string; message: string }[]; to_labels: NodeLabel[] } {
  const kinds = kindsOfType(type);
  const issues: { key: string; message: string }[] = [];
  let fitting = kinds;
  for (const [key, value] of Object.entries(properties)) {
    const having = kinds.filter((kind) => key in kind.props.shape);
    if (!having.length) {
      issues.push({ key, message: `unknown field (not a property of ${type})` });
      continue;
    }
    fitting = fitting.filter((kind) => having.includes(kind));
    const field = (having[0]?.props.shape as Record<string, z.ZodType>)[key];
    const parsed = field?.safeParse(value);
    if (parsed && !parsed.success)
      issues.push({ key, message: parsed.error.issues[0]?.message ?? 'invalid' });
  }
  if (!issues.length && !fitting.length)
    issues.push({
      key: Object.keys(properties)[0] ?? '',
      message: `these properties do not belong to one kind of ${type} together`,
    });
  return { issues, to_labels: [...new Set(fitting.map((kind) => kind.to))] };
}

const writeFlags = { preview, confirm: confirmFlag };

export const CreateNodeInput = z
  .strictObject({
    label: NodeLabel,
    properties: PropertyValues.describe(
      "The node's properties, by its label's schema (CONSULTANT, COMPANY, …; see the data model); id is required and unique per label",
    ),
    ...writeFlags,
  })
  .superRefine((input, ctx) => {
    const parsed = nodeCreateSchema(input.label).safeParse(input.properties);
    if (!parsed.success) addIssues(ctx, parsed.error, ['properties']);
  });
export type CreateNodeInput = z.infer<typeof CreateNodeInput>;

export const UpdateNodeInput = z
  .strictObject({
    ...NodeRef.shape,
    version: Version,
    properties: changedValues(
      "The properties to change, by the label's schema; a property left out keeps its value",
    ),
    ...writeFlags,
  })
  .superRefine((input, ctx) => {
    if (!Object.keys(input.properties).length)
      ctx.addIssue({ code: 'custom', path: ['properties'], message: 'name at least one property' });
    for (const key of FIXED_NODE_PROPERTIES)
      if (key in input.properties)
        ctx.addIssue({
          code: 'custom',
          path: ['properties', key],
          message: `${key} cannot be edited`,
        });
    const rest = Object.fromEntries(
      Object.entries(input.properties).filter(
        ([key]) => !(FIXED_NODE_PROPERTIES as readonly string[]).includes(key),
      ),
    );
    const parsed = nodeUpdateSchema(input.label).safeParse(rest);
    if (!parsed.success) addIssues(ctx, parsed.error, ['properties']);
  });
export type UpdateNodeInput = z.infer<typeof UpdateNodeInput>;

export const DeleteNodeInput = z.strictObject({
  ...NodeRef.shape,
  version: Version,
  ...writeFlags,
});
export type DeleteNodeInput = z.infer<typeof DeleteNodeInput>;

/** A relationship is named by its key (the element id the graph responses carry). */
const RelationshipKey = z.string().min(1).max(200).describe('The relationship key (element id)');

export const RelationshipRef = z.object({ key: RelationshipKey });
export type RelationshipRef = z.infer<typeof RelationshipRef>;

export const CreateRelationshipInput = z
  .strictObject({
    type: RelationshipType,
    source: NodeRef,
    target: NodeRef,
    properties: PropertyValues.describe(
      "The relationship's properties, by the schema of its type and end labels (OWNS to a PRODUCT or to an INCUMBENT_PRODUCT, …)",
    ),
    ...writeFlags,
  })
  .superRefine((input, ctx) => {
    const kind = kindOf(input.type, input.source.label, input.target.label);
    if (!kind) {
      const ends = kindsOfType(input.type)
        .map((k) => `${k.from} → ${k.to}`)
        .join(' or ');
      ctx.addIssue({
        code: 'custom',
        path: ['target', 'label'],
        message: `${input.type} goes ${ends}`,
      });
      return;
    }
    const parsed = kind.props.strict().safeParse(input.properties);
    if (!parsed.success) addIssues(ctx, parsed.error, ['properties']);
  });
export type CreateRelationshipInput = z.infer<typeof CreateRelationshipInput>;

/** A relationship change names at least one property, each valid for the type. */
function checkRelationshipChange(
  input: { type: RelationshipType; properties: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  if (!Object.keys(input.properties).length)
    ctx.addIssue({ code: 'custom', path: ['properties'], message: 'name at least one property' });
  for (const issue of relationshipUpdateCheck(input.type, input.properties).issues)
    ctx.addIssue({ code: 'custom', path: ['properties', issue.key], message: issue.message });
}

export const UpdateRelationshipInput = z
  .strictObject({
    key: RelationshipKey,
    type: RelationshipType,
    version: Version,
    properties: changedValues(
      'The properties to change, by the schema of the type; a property left out keeps its value',
    ),
    ...writeFlags,
  })
  .superRefine((input, ctx) => {
    checkRelationshipChange(input, ctx);
  });
export type UpdateRelationshipInput = z.infer<typeof UpdateRelationshipInput>;

export const DeleteRelationshipInput = z.strictObject({
  key: RelationshipKey,
  type: RelationshipType,
  version: Version,
  ...writeFlags,
});
export type DeleteRelationshipInput = z.infer<typeof DeleteRelationshipInput>;

const BULK_MAX = 10_000;

export const BulkUpdateInput = z
  .strictObject({
    type: RelationshipType,
    /** The selection: each relationship with the version it was read at. Never empty. */
    items: nonEmptyList(
      z.strictObject({ key: RelationshipKey, version: Version }),
      'select at least one relationship',
    ).max(BULK_MAX),
    properties: changedValues(
      'The properties to set on every selected relationship, by the schema of the type',
    ),
    ...writeFlags,
  })
  .superRefine((input, ctx) => {
    checkRelationshipChange(input, ctx);
    const keys = input.items.map((item) => item.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: 'a relationship is selected twice',
      });
  });
export type BulkUpdateInput = z.infer<typeof BulkUpdateInput>;

export const UndoInput = z.strictObject({ ...writeFlags });
export type UndoInput = z.infer<typeof UndoInput>;

const EDIT_ACTIONS = ['create', 'update', 'delete', 'bulk-update', 'undo'] as const;
export const EditAction = z.enum(EDIT_ACTIONS);
export type EditAction = z.infer<typeof EditAction>;

/** One statement of an edit: parameterised Cypher and what its parameters hold (in short). */
const EditStatement = z.object({
  cypher: z.string(),
  parameters_summary: z.record(z.string(), z.string()),
});

export const EditCounts = z.object({
  nodes_created: z.number().int(),
  nodes_deleted: z.number().int(),
  relationships_created: z.number().int(),
  relationships_deleted: z.number().int(),
  properties_set: z.number().int(),
});
export type EditCounts = z.infer<typeof EditCounts>;

export const EditResult = z.object({
  action: EditAction,
  /** True: nothing was written; `statements` are what the edit would run. */
  preview: z.boolean(),
  statements: z.array(EditStatement),
  /** What the edit changed (zeros for a preview). */
  counts: EditCounts,
  /** For a preview of a delete: the relationships the node has, which would go with it. */
  relationships_affected: z.number().int().optional(),
  /** The node or relationship as it is after the edit (absent when deleted or previewed). */
  node: GraphNode.optional(),
  relationship: GraphRelationship.optional(),
  /** Its version after the edit. */
  version: z.number().int().optional(),
  /** The edit the undo reversed (for action `undo`). */
  undone: z.string().optional(),
  /** A short description of the edit. */
  summary: z.string(),
  /** Whether this client has an edit to undo now. */
  undo_available: z.boolean(),
  bookmark: BookmarkToken.nullable(),
});
export type EditResult = z.infer<typeof EditResult>;

export const RelationshipDetails = z.object({
  relationship: GraphRelationship,
  version: z.number().int(),
  source: GraphNode,
  target: GraphNode,
});
export type RelationshipDetails = z.infer<typeof RelationshipDetails>;

export const UndoStatus = z.object({
  available: z.boolean(),
  /** The edit an undo would reverse. */
  summary: z.string().nullable(),
});
export type UndoStatus = z.infer<typeof UndoStatus>;
