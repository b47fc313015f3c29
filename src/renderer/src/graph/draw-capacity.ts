/**
 * The draw cap as a measured capability: how many nodes this machine's WebGL draws at an
 * interactive frame rate, from what the probe learnt (renderer, texture size, timed draw).
 */

export type WebglProbe = {
  /** The unmasked renderer string, or the masked one where the extension is absent. */
  renderer: string;
  maxTextureSize: number;
  /** Points drawn per millisecond in the timed draw (null: the draw could not be timed). */
  pointsPerMs: number | null;
};

export type DrawCapacity = {
  maxNodes: number;
  software: boolean;
  /** Where the figure comes from, in words shown to the analyst. */
  basis: string;
};

/** Without WebGL (or a probe) the cap is the one drawn safely everywhere. */
export const FALLBACK_DRAW_NODES = 5_000;
const MIN_DRAW_NODES = 1_000;
const GPU_DRAW_NODES = 50_000;
const SOFTWARE_DRAW_NODES = 20_000;
/** A frame's share of the main thread while panning: 10 frames per second at worst. */
const FRAME_BUDGET_MS = 100;
/** A node costs its quad and, at two relationships per node, two edge quads. */
const POINTS_PER_NODE = 3;
const SMALL_TEXTURES = 4_096;

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

export const isSoftwareRenderer = (renderer: string): boolean => SOFTWARE.test(renderer);

const roundDown = (n: number, step: number): number => Math.floor(n / step) * step;

export function decideDrawCapacity(probe: WebglProbe | null): DrawCapacity {
  if (!probe) {
    return { maxNodes: FALLBACK_DRAW_NODES, software: true, basis: 'no WebGL found' };
  }
  const software = isSoftwareRenderer(probe.renderer);
  let ceiling = software ? SOFTWARE_DRAW_NODES : GPU_DRAW_NODES;
  // Small textures mark an old or constrained GPU.
  if (probe.maxTextureSize < SMALL_TEXTURES) ceiling = Math.min(ceiling, SOFTWARE_DRAW_NODES);
  const measured =
    probe.pointsPerMs === null
      ? ceiling
      : roundDown((probe.pointsPerMs * FRAME_BUDGET_MS) / POINTS_PER_NODE, 1_000);
  const maxNodes = Math.max(MIN_DRAW_NODES, Math.min(ceiling, measured));
  const kind = software ? 'software WebGL' : 'GPU';
  return { maxNodes, software, basis: `measured on this machine's ${kind} (${probe.renderer})` };
}

/** Where the draw limit in force comes from, in words shown beside it. */
export function drawLimitBasis(maxDrawNodes: number, capacity: DrawCapacity): string {
  return maxDrawNodes === capacity.maxNodes
    ? `Draw limit ${capacity.basis}.`
    : `Draw limit set by you; ${capacity.maxNodes.toLocaleString('en-US')} ${capacity.basis}.`;
}
