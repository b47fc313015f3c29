/**
 * The serialisable part of the explorer: what a saved view holds. Everything here is plain
 * data; `ViewState` is validated when it comes back from a file.
 */
import { z } from 'zod';
import { GraphMode } from '@shared/domain';
import { AppearanceState, DEFAULT_APPEARANCE } from '../graph/appearance';
import { FilterState } from '../graph/filters';

const LAYOUT_KINDS = ['forceatlas2', 'layered', 'circular'] as const;
export const LayoutKind = z.enum(LAYOUT_KINDS);
export type LayoutKind = z.infer<typeof LayoutKind>;

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
  layout: z.object({ kind: LayoutKind }),
  camera: CameraState.nullable(),
  /** Keys (`LABEL:id`) of nodes whose neighbours were expanded, in order. */
  expanded: z.array(z.string()),
});
export type ViewState = z.infer<typeof ViewState>;

export const DEFAULT_VIEW: ViewState = {
  mode: 'standard',
  filters: {},
  appearance: DEFAULT_APPEARANCE,
  layout: { kind: 'forceatlas2' },
  camera: null,
  expanded: [],
};
