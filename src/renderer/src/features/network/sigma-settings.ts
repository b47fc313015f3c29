/**
 * Sigma settings changed only where they differ. Every `setSettings` call makes sigma re-index
 * the whole graph (each node and edge through the reducers and defaults) before the next frame,
 * so controllers batch their settings into one call and skip calls that change nothing.
 */
import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../../graph/visual';
import type { SigmaInstance } from '../../state/explorer';

export type SigmaSettings = Settings<NodeAttributes, EdgeAttributes>;

export function applySettings(sigma: SigmaInstance, next: Partial<SigmaSettings>): void {
  const changed: Partial<SigmaSettings> = {};
  let any = false;
  for (const key of Object.keys(next) as (keyof SigmaSettings)[]) {
    if (!Object.is(sigma.getSetting(key), next[key])) {
      Object.assign(changed, { [key]: next[key] });
      any = true;
    }
  }
  if (any) sigma.setSettings(changed);
}

/** Above this many nodes the drawing sheds detail while the camera moves. */
const MOVE_DETAIL_NODES = 5_000;

/** Edges and labels hidden while panning or zooming a large graph (drawn again at rest). */
export const moveDetail = (
  nodes: number,
): Pick<SigmaSettings, 'hideEdgesOnMove' | 'hideLabelsOnMove'> => ({
  hideEdgesOnMove: nodes > MOVE_DETAIL_NODES,
  hideLabelsOnMove: nodes > MOVE_DETAIL_NODES,
});
