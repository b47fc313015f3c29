/**
 * The serialisable part of the explorer: what a saved view holds. Everything here is plain
 * data; `ViewState` is validated when it comes back from a file.
 */
import { z } from 'zod';
import { GraphMode } from '@shared/domain';
import { AppearanceState, DEFAULT_APPEARANCE } from '../graph/appearance';
import { FilterState } from '../graph/filters';

const LAYOUT_KINDS = ['forceatlas2', 'layered', 'circular', 'hierarchy', 'cluster'] as const;
export const LayoutKind = z.enum(LAYOUT_KINDS);
export type LayoutKind = z.infer<typeof LayoutKind>;

/** The ForceAtlas2 settings Gephi Lite offers; Barnes-Hut null: on for large graphs. */
export const Fa2Settings = z.object({
  gravity: z.number().min(0).max(100),
  strongGravityMode: z.boolean(),
  scalingRatio: z.number().positive().max(1000),
  barnesHutOptimize: z.boolean().nullable(),
  linLogMode: z.boolean(),
  /** 0: every relationship pulls alike; 1: relationships pull by their influence. */
  edgeWeightInfluence: z.number().min(0).max(5),
});
export type Fa2Settings = z.infer<typeof Fa2Settings>;

const DEFAULT_FA2: Fa2Settings = {
  gravity: 0.05,
  strongGravityMode: true,
  scalingRatio: 10,
  barnesHutOptimize: null,
  linLogMode: false,
  edgeWeightInfluence: 0,
};

export const LayoutState = z.object({
  kind: LayoutKind,
  fa2: Fa2Settings.default(DEFAULT_FA2),
  /** What the cluster layout groups by: `consultant`, `label`, `region` or a property key. */
  clusterBy: z.string().max(100).default('consultant'),
  hideIsolated: z.boolean().default(false),
});
export type LayoutState = z.infer<typeof LayoutState>;

export const CameraState = z.object({
  x: z.number(),
  y: z.number(),
  ratio: z.number().positive(),
  angle: z.number(),
});
export type CameraState = z.infer<typeof CameraState>;

export const ViewState = z.object({
  mode: GraphMode,
  filters: FilterState,
  appearance: AppearanceState,
  layout: LayoutState,
  camera: CameraState.nullable(),
  /** Drawn node positions (graph coordinates) by key; absent in views saved before they were kept. */
  positions: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
  /** Keys (`LABEL:id`) of nodes whose neighbours were expanded, in order. */
  expanded: z.array(z.string()),
});
export type ViewState = z.infer<typeof ViewState>;

export const DEFAULT_VIEW: ViewState = {
  mode: 'standard',
  filters: {},
  appearance: DEFAULT_APPEARANCE,
  layout: { kind: 'forceatlas2', fa2: DEFAULT_FA2, clusterBy: 'consultant', hideIsolated: false },
  camera: null,
  expanded: [],
};
