/**
 * Render-null: with `?debug` in the page address, publishes a read-only snapshot handle as
 * `window.__SN__` (node/edge counts, camera, where nodes are on screen and how big, the screen
 * boxes of the drawn labels, the free part of the canvas) for browser tests.
 * Nothing can be changed through it.
 */
import { useEffect } from 'react';
import type { Explorer } from '../../state/explorer';
import { freeRect, overlayRects } from './camera';
import type { Rect } from './camera';
import { labelBoxes } from './LabelsController';
import type { LabelBox } from './LabelsController';
import { useSigma } from './sigma-context';

type DebugHandle = {
  readonly nodeCount: () => number;
  readonly edgeCount: () => number;
  readonly nodes: () => string[];
  readonly camera: () => { x: number; y: number; ratio: number; angle: number } | null;
  /** Viewport position (CSS pixels, relative to the network container) of a node. */
  readonly nodePosition: (key: string) => { x: number; y: number } | null;
  readonly layoutRunning: () => boolean;
  /** How many times the drawing has settled (layout stopped, overlaps removed, camera fitted). */
  readonly settledCount: () => number;
  /** Whether a settle is under way (its overlap removal runs in a worker). */
  readonly settling: () => boolean;
  /** Every drawn node: viewport position and rendered radius (CSS pixels). */
  readonly nodeBoxes: () => { key: string; x: number; y: number; size: number }[];
  /** Rendered radius (CSS pixels) of each drawn node. */
  readonly nodeSizes: () => Record<string, number>;
  /** Screen boxes (CSS pixels, relative to the network container) of the labels drawn last frame. */
  readonly labelBoxes: () => LabelBox[];
  /** The canvas size, the part of it the camera fit frames nodes into, the overlays over it. */
  readonly canvas: () => { width: number; height: number; free: Rect; overlays: Rect[] };
  /** Source and target of every relationship. */
  readonly edges: () => [string, string][];
  /** Time from the latest arrival of nodes until the drawing settled (ms), if it has. */
  readonly lastSettleMs: () => number | null;
  /** Node positions in graph coordinates. */
  readonly graphPositions: () => Record<string, [number, number]>;
  /** How sigma draws a node or an edge after the reducers (highlight, fading). */
  /** A drawn node's attributes (colour, size, label, computed metrics), copied. */
  readonly nodeAttributes: (key: string) => Record<string, unknown> | null;
  /** Metrics computations completed, and whether one is under way. */
  readonly metrics: () => { completed: number; running: boolean; error: string | null };
  readonly nodeDisplay: (key: string) => { color: string; highlighted: boolean } | null;
  readonly edgeDisplay: (key: string) => { color: string; size: number } | null;
  /** How many chunks the latest load took (1: at once). */
  readonly syncChunks: () => number;
  /** The latest frame sigma drew: how many nodes it held, and when (performance.now()). */
  readonly lastRender: () => { nodes: number; at: number } | null;
  /** Whether edges and labels are hidden while the camera moves. */
  readonly moveDetail: () => { hideEdgesOnMove: boolean; hideLabelsOnMove: boolean };
};

declare global {
  var __SN__: DebugHandle | undefined;
}

const debugEnabled = (): boolean => new URLSearchParams(window.location.search).has('debug');

export function DebugHandleController({ explorer }: { explorer: Explorer }): null {
  const sigma = useSigma();
  useEffect(() => {
    if (!debugEnabled()) return;
    let lastRender: { nodes: number; at: number } | null = null;
    const rendered = (): void => {
      lastRender = { nodes: sigma.getGraph().order, at: performance.now() };
    };
    sigma.on('afterRender', rendered);
    const handle: DebugHandle = Object.freeze({
      nodeCount: () => explorer.graph.order,
      edgeCount: () => explorer.graph.size,
      nodes: () => explorer.graph.nodes(),
      camera: () => explorer.getCamera(),
      nodePosition: (key: string) => {
        if (!explorer.graph.hasNode(key)) return null;
        const { x, y } = explorer.graph.getNodeAttributes(key);
        return sigma.graphToViewport({ x, y });
      },
      layoutRunning: () => explorer.store.get().layoutRunning,
      settledCount: () => explorer.store.get().settled,
      settling: () => explorer.store.get().settling,
      nodeBoxes: () =>
        explorer.graph.mapNodes((key) => {
          const data = sigma.getNodeDisplayData(key);
          const p = data ? sigma.framedGraphToViewport(data) : { x: NaN, y: NaN };
          return { key, x: p.x, y: p.y, size: data ? sigma.scaleSize(data.size) : 0 };
        }),
      nodeSizes: () => {
        const out: Record<string, number> = {};
        explorer.graph.forEachNode((key) => {
          const data = sigma.getNodeDisplayData(key);
          out[key] = data ? sigma.scaleSize(data.size) : 0;
        });
        return out;
      },
      labelBoxes: () => labelBoxes(sigma).map((b) => ({ ...b })),
      canvas: () => ({
        ...sigma.getDimensions(),
        free: freeRect(sigma),
        overlays: overlayRects(sigma),
      }),
      edges: () =>
        explorer.graph.mapEdges((_e, _a, source, target): [string, string] => [source, target]),
      lastSettleMs: () => explorer.lastSettleMs(),
      graphPositions: () => {
        const out: Record<string, [number, number]> = {};
        explorer.graph.forEachNode((key, a) => (out[key] = [a.x, a.y]));
        return out;
      },
      nodeAttributes: (key: string) =>
        explorer.graph.hasNode(key) ? { ...explorer.graph.getNodeAttributes(key) } : null,
      metrics: () => {
        const m = explorer.store.get().metrics;
        return { completed: m.completed, running: m.running !== null, error: m.error };
      },
      nodeDisplay: (key: string) => {
        const data = sigma.getNodeDisplayData(key);
        return data ? { color: data.color, highlighted: data.highlighted } : null;
      },
      edgeDisplay: (key: string) => {
        const data = sigma.getEdgeDisplayData(key);
        return data ? { color: data.color, size: data.size } : null;
      },
      syncChunks: () => explorer.syncChunks(),
      lastRender: () => (lastRender ? { ...lastRender } : null),
      moveDetail: () => ({
        hideEdgesOnMove: sigma.getSetting('hideEdgesOnMove'),
        hideLabelsOnMove: sigma.getSetting('hideLabelsOnMove'),
      }),
    });
    globalThis.__SN__ = handle;
    return () => {
      sigma.off('afterRender', rendered);
      globalThis.__SN__ = undefined;
    };
  }, [explorer, sigma]);
  return null;
}
